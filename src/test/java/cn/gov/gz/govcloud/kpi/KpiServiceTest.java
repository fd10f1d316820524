package cn.gov.gz.govcloud.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** KPIs against a seeded history with known answers, in a period no other test touches (March 2031). */
class KpiServiceTest extends WebTest {

  static final LocalDate FROM = LocalDate.parse("2031-03-01");
  static final LocalDate TO = LocalDate.parse("2031-03-31");

  @Autowired
  KpiService kpis;

  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Timestamp at(String local) {
    return Timestamp.from(LocalDateTime.parse(local).atZone(KpiService.CHINA).toInstant());
  }

  private void seed() {
    jdbc.sql("DELETE FROM emergency_event WHERE emergency_id IN (SELECT id FROM emergency WHERE received_at >= ? "
        + "AND received_at < ?)").params(at("2031-03-01T00:00:00"), at("2031-04-01T00:00:00")).update();
    jdbc.sql("DELETE FROM emergency WHERE received_at >= ? AND received_at < ?")
        .params(at("2031-03-01T00:00:00"), at("2031-04-01T00:00:00")).update();
    jdbc.sql("DELETE FROM work_order_note WHERE work_order_id IN (SELECT id FROM work_order WHERE received_at >= ? "
        + "AND received_at < ?)").params(at("2031-03-01T00:00:00"), at("2031-04-01T00:00:00")).update();
    jdbc.sql("DELETE FROM work_order WHERE received_at >= ? AND received_at < ?")
        .params(at("2031-03-01T00:00:00"), at("2031-04-01T00:00:00")).update();
    // 10 emergencies: 7 responded within their 5 minutes, 3 late
    for (int i = 0; i < 10; i++) {
      Timestamp received = at("2031-03-0" + (1 + i % 9) + "T10:00:00");
      Timestamp due = new Timestamp(received.getTime() + 300_000);
      Timestamp responded = new Timestamp(received.getTime() + (i < 7 ? 120_000 : 600_000));
      jdbc.sql("INSERT INTO emergency (emergency_no, business_system_code, unit_code, category, severity, "
              + "service_hours, source, description, detected_at, received_at, status, response_clock_start, "
              + "response_within_s, response_due_at, responded_at, feedback_interval_s, updated_at) VALUES (?, "
              + "'JTJ-TOCC', 'JTJ', 'INTERRUPTION', '重大', '7x24', 'MONITORING', 'kpi', ?, ?, 'RESPONDED', ?, 300, "
              + "?, ?, 1800, ?)")
          .params("KPI-" + UUID.randomUUID().toString().substring(0, 20), received, received, received, due,
              responded, received)
          .update();
    }
    // 4 work orders: dispatched in time 3 of 4; scores 5, 4, 2, 5; one complaint
    String[][] orders = {{"FAULT", "5", "10", "1"}, {"FAULT", "4", "20", "0"}, {"COMPLAINT", "2", "40", "0"},
        {"SERVICE_REQUEST", "5", "25", "0"}};
    for (String[] o : orders) {
      Timestamp received = at("2031-03-10T09:00:00");
      jdbc.sql("INSERT INTO work_order (order_no, unit_code, type, priority, service_level, channel, title, "
              + "description, status, received_at, dispatch_due_at, dispatched_at, recover_within_s, resolved_at, "
              + "recovery_due_at, satisfaction_score, handler_group, reopen_count, updated_at) VALUES (?, 'JTJ', ?, "
              + "'MEDIUM', 2, 'HOTLINE', 'kpi', 'kpi', 'CLOSED', ?, ?, ?, 14400, ?, ?, ?, 'ops-engineer', ?, ?)")
          .params("KPI-" + UUID.randomUUID().toString().substring(0, 20), o[0], received,
              new Timestamp(received.getTime() + 30 * 60_000), new Timestamp(received.getTime()
                  + Long.parseLong(o[2]) * 60_000), new Timestamp(received.getTime() + 3_600_000),
              new Timestamp(received.getTime() + 14_400_000), Integer.valueOf(o[1]), Integer.valueOf(o[3]), received)
          .update();
    }
  }

  @Clause("P3 7.3.2")
  @Clause("GB 8.4.2 c 7")
  @Clause("P6 附录 B.1 第 13 项")
  @Clause("P6 附录 B.1 第 15 项")
  @Clause("P6 附录 B.2 第 1 项")
  @Clause("P6 附录 B.2 第 6 项")
  @Test
  void figuresMatchTheSeededHistory() {
    seed();
    ClockUtil.setCurrentTime(Date.from(at("2031-03-15T10:00:00").toInstant()));
    // history from an earlier run on the same database stays; count relative to it
    KpiReport before = kpis.compute(FROM, TO);
    long tasksBefore = before.staff().stream().filter(s -> s.userId().equals("kpiuser"))
        .mapToLong(KpiReport.Staff::tasksCompleted).sum();
    var runtime = processEngine.getRuntimeService();
    var tasks = processEngine.getTaskService();
    processEngine.getRepositoryService().createDeployment().name("isolation-probe.bpmn")
        .enableDuplicateFiltering(false).addClasspathResource("fixtures/isolation-probe.bpmn").deploy();
    for (int i = 0; i < 2; i++) {
      String id = runtime.startProcessInstanceByKey("isolation-probe", Map.of("unitCode", "WJW")).getId();
      var task = tasks.createTaskQuery().processInstanceId(id).singleResult();
      tasks.setAssignee(task.getId(), "kpiuser");
      tasks.complete(task.getId());
    }
    runtime.deleteProcessInstance(runtime.startProcessInstanceByKey("isolation-probe", Map.of("unitCode", "WJW"))
        .getId(), null);
    runtime.deleteProcessInstance(runtime.startProcessInstanceByKey("isolation-probe", Map.of("unitCode", "WJW"))
        .getId(), "重复提交，已合并");

    KpiReport r = kpis.compute(FROM, TO);
    assertThat(r.efficiency().emergencyRespondedInTime()).isEqualTo(0.7);
    assertThat(r.efficiency().emergencyRespondedInTimeBySeverity()).containsEntry("重大", 0.7);
    assertThat(r.efficiency().emergencyResponses()).as("the cases behind the rate")
        .isEqualTo(new KpiReport.EmergencyResponses(10, 10, 7, 0, 0));
    assertThat(r.definitions()).as("every figure defined once, for the API and the documents")
        .containsOnlyKeys(java.util.Arrays.stream(Kpi.values()).map(Kpi::field).toList());
    assertThat(r.efficiency().workOrderDispatchedInTime()).isEqualTo(0.75);
    assertThat(r.efficiency().workOrderDispatchedInTimeByLevel()).containsEntry(2, 0.75);
    assertThat(r.efficiency().workOrderResolvedInTime()).isEqualTo(1.0);
    assertThat(r.efficiency().workOrderAverageResolutionMinutes()).isEqualTo(60.0);
    assertThat(r.satisfaction().average()).isEqualTo(4.0);
    assertThat(r.satisfaction().distribution()).containsEntry(5, 2L).containsEntry(2, 1L).containsEntry(3, 0L);
    assertThat(r.satisfaction().complaintRate()).isEqualTo(0.25);
    assertThat(r.quality().workOrderCompletionRate()).isEqualTo(1.0);
    assertThat(r.teams()).singleElement().satisfies(t -> {
      assertThat(t.group()).isEqualTo("ops-engineer");
      assertThat(t.workOrders()).isEqualTo(4);
      assertThat(t.reopenRate()).isEqualTo(0.25);
      assertThat(t.resolvedInTime()).isEqualTo(1.0);
    });
    assertThat(r.compliance().instancesCancelledWithoutReason())
        .isEqualTo(before.compliance().instancesCancelledWithoutReason() + 1);
    assertThat(r.staff()).filteredOn(s -> s.userId().equals("kpiuser")).singleElement()
        .satisfies(s -> assertThat(s.tasksCompleted()).isEqualTo(tasksBefore + 2));
  }

  @Test
  void theKpisAreForStaffAndSupervisorsOnly() {
    assertThat(get("supervisor1", "/api/kpis?from=2031-03-01&to=2031-03-31").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("jtj1", "/api/kpis?from=2031-03-01&to=2031-03-31").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("supervisor1", "/api/kpis?from=2031-03-31&to=2031-03-01").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("supervisor1", "/api/kpis?from=bad&to=2031-03-01").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }
}
