package cn.gov.gz.govcloud.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.ledger.LedgerResource;
import cn.gov.gz.govcloud.support.Clause;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * processes/optimization-review.bpmn from the monthly timer to an executed scale-down with the ledger updated and the
 * follow-up in the next review, and a period without monitoring data. Time is moved with the engine clock; timers are
 * executed as the job executor would.
 */
class OptimizationProcessTest extends OptimizationFixture {

  @Clause("P3 5.4.2.3")
  @Clause("GB 8.2.4 b")
  @Clause("P6 7.5.2.1")
  @Clause("P6 7.5.2.2")
  @Clause("P6 7.5.2.3")
  @Clause("P6 7.5.2.4")
  @Clause("P6 7.5.3.1")
  @Clause("P6 7.5.3.2")
  @Clause("P6 7.5.3.3")
  @Clause("P6 7.5.3.4")
  @Clause("P6 7.5.4.1")
  @Clause("P6 7.5.4.2")
  @Clause("P6 7.5.4.3")
  @Clause("P6 7.5.4.4")
  @Clause("P3 5.4.2.2")
  @Clause("P3 5.4.3.1")
  @Clause("P3 5.4.3.2")
  @Clause("P3 5.4.4.1")
  @Clause("P6 7.2.2.4")
  @Clause("P6 5.1.2 b")
  @Clause("P3 附录 C.1 第 1 项")
  @Test
  void fromTheMonthlyTimerToAnExecutedScaleDownWithTheLedgerUpdated() throws Exception {
    String unit = newUnit();
    clock("2031-01-10T10:00:00");
    vm(unit + "-IDLE", unit, 8, 32, "0.5");
    vm(unit + "-BUSY", unit, 4, 16, "0.5");
    daily(unit + "-IDLE", LocalDate.parse("2031-02-01"), LocalDate.parse("2031-02-28"), 3, 5, 50, false);
    daily(unit + "-BUSY", LocalDate.parse("2031-02-01"), LocalDate.parse("2031-02-28"), 45, 60, 50, false);

    clock("2031-03-01T08:00:01");
    String scheduleId = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("optimization-review-schedule").latestVersion().singleResult().getId();
    Job timer = processEngine.getManagementService().createJobQuery().processDefinitionId(scheduleId).timers()
        .singleResult();
    assertThat(timer).as("one monthly timer start").isNotNull();
    processEngine.getManagementService().executeJob(timer.getId());
    ProcessInstance schedule = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionId(scheduleId).orderByProcessInstanceId().desc().list().get(0);
    ProcessInstance pi = reviewOf(schedule);
    assertThat(pi).isWaitingAt("Task_ReviewCandidates");
    assertThat(pi).hasPassed("ServiceTask_Statistics", "ServiceTask_Efficiency", "ServiceTask_ClassifyCandidates",
        "ServiceTask_WriteReports");
    long id = reviewId(pi);
    Review review = service.get(id);
    assertThat(review.periodFrom()).isEqualTo(LocalDate.parse("2031-02-01"));
    assertThat(review.periodTo()).isEqualTo(LocalDate.parse("2031-02-28"));
    assertThat(review.status()).isEqualTo(Review.Status.IN_REVIEW);

    Candidate idle = candidate(id, unit + "-IDLE");
    assertThat(idle.action()).isEqualTo("SCALE_DOWN");
    assertThat(idle.evidence()).contains("有监控数据 28 天", "CPU 平均 3%", "内存平均 5%");
    assertThat(idle.proposedVcpu()).isEqualTo(4);
    assertThat(idle.proposedMemoryGb()).isEqualTo(16);
    assertThat(idle.estimatedSaving()).isEqualByComparingTo("560.00"); // 4 vCPU × 60 + 16 GB × 20 per month
    assertThat(service.candidates(id, unit, null, null, null, 100)).extracting(Candidate::resourceId)
        .containsExactly(unit + "-IDLE");

    try (var doc = new XWPFDocument(new ByteArrayInputStream(archive.content(review.statisticsReportId())))) {
      assertThat(doc.getCharts()).as("utilisation distribution and by type").hasSize(2);
    }
    try (var doc = new XWPFDocument(new ByteArrayInputStream(archive.content(review.efficiencyReportId())))) {
      assertThat(doc.getCharts()).as("cost by unit and top idle resources").hasSize(2);
    }
    assertThat(text(archive.content(review.efficiencyReportId()))).contains("政务云资源使用效能分析报告",
        "同类业务系统利用率比较", unit + "-IDLE").doesNotContain("{{");
    assertThat(text(archive.content(review.statisticsReportId()))).contains("政务云资源使用统计报告", "按资源类型统计")
        .doesNotContain("{{");

    // the reporting view the dashboard reads counts every unit's cost, idle resources and utilisation as the reports do
    java.util.Map<String, ReportFigures.Agg> agg = new java.util.HashMap<>();
    service.usage(id).forEach(u -> agg.computeIfAbsent(u.unitCode(), k -> new ReportFigures.Agg()).add(u));
    java.util.List<String> units = jdbc.query("SELECT unit_code, COUNT(*), SUM(cost), SUM(idle), SUM(idle_cost), "
        + "SUM(used_vcpu), SUM(measured_vcpu) FROM rv_optimization_usage WHERE review_id = ? GROUP BY unit_code",
        (rs, i) -> {
          ReportFigures.Agg a = agg.get(rs.getString(1));
          assertThat(rs.getInt(2)).isEqualTo(a.resources);
          assertThat(rs.getBigDecimal(3)).isEqualByComparingTo(a.cost);
          assertThat(rs.getInt(4)).isEqualTo(a.idle);
          assertThat(rs.getBigDecimal(5)).isEqualByComparingTo(a.idleCost);
          assertThat(rs.getDouble(6)).isCloseTo(a.usedVcpu, org.assertj.core.data.Offset.offset(1e-6));
          assertThat(rs.getLong(7)).isEqualTo(a.vcpuMeasured);
          return rs.getString(1);
        }, id);
    assertThat(units).containsExactlyInAnyOrderElementsOf(agg.keySet());
    assertThat(agg.get(unit).idle).isEqualTo(1);

    // unit users see their own unit's candidates only
    JsonNode jtj = json.readTree(get("jtj1", "/api/optimization/reviews/" + id + "/candidates").getBody());
    assertThat(jtj).allMatch(c -> "JTJ".equals(c.get("unitCode").asText()));
    assertThat(get("jtj1", "/api/optimization/reviews/" + id + "/candidates?unitCode=" + unit).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json.readTree(get("mgmt1", "/api/optimization/reviews/" + id + "/candidates?unitCode=" + unit)
        .getBody())).hasSize(1);

    // a unit user may not decide; management decides hundreds at once over REST
    assertThat(post("jtj1", "/api/optimization/reviews/" + id + "/decisions", map("all", "ACCEPT")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    var bad = post("mgmt1", "/api/optimization/reviews/" + id + "/decisions",
        map("decisions", List.of(map("candidateId", idle.id(), "decision", "MAYBE"))));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("\"field\":\"decision\"");
    acceptOnly(id, List.of(idle.id()));

    assertThat(pi).isWaitingAt("Task_UnitConfirm");
    Task confirm = task(pi, "Task_UnitConfirm");
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(confirm.getId())
        .taskCandidateGroup(Groups.unitGroup(unit)).count()).isEqualTo(1);
    assertThat((String) processEngine.getTaskService().getVariable(confirm.getId(), "unitSummary"))
        .contains(unit + "-IDLE", "vCPU 8→4");

    // the unit does not answer: reminded after two days
    Job reminder = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Timer_UnitReminder").singleResult();
    ClockUtil.setCurrentTime(java.util.Date.from(reminder.getDuedate().toInstant().plusSeconds(1)));
    processEngine.getManagementService().executeJob(reminder.getId());
    assertThat(service.events(id, ADMIN)).anyMatch(e -> "REMINDED".equals(e.get("kind")) && unit.equals(e.get("unitCode")));
    assertThat(pi).isWaitingAt("Task_UnitConfirm");

    complete(task(pi, "Task_UnitConfirm"), "unitDecision", "CONFIRM", "unitComment", "同意缩容");
    Task execute = task(pi, "Task_ExecuteActions");
    JsonNode items = json.readTree(processEngine.getTaskService().getVariable(execute.getId(), "executionItems")
        .toString());
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("vcpu").asInt()).isEqualTo(4);
    complete(execute, "executionItems", items.toString());

    assertThat(pi).isEnded();
    LedgerResource after = inLedger(unit + "-IDLE");
    assertThat(after.vcpu()).isEqualTo(4);
    assertThat(after.memoryGb()).isEqualTo(16);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_history WHERE resource_id = ? AND change LIKE ?",
        Long.class, unit + "-IDLE", "规格调整%" + review.reviewNo() + "%")).isEqualTo(1);
    Candidate done = candidate(id, unit + "-IDLE");
    assertThat(done.unitStatus()).isEqualTo("EXECUTED");
    assertThat(done.realisedSaving()).isEqualByComparingTo("560.00");
    assertThat(service.get(id).status()).isEqualTo(Review.Status.CLOSED);
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(schedule.getId())
        .count()).as("the schedule instance ends with its review").isZero();

    // follow-up (P6 7.5.4.4): the next review shows what was done last time and what it saves
    daily(unit + "-BUSY", LocalDate.parse("2031-03-01"), LocalDate.parse("2031-03-31"), 45, 60, 50, false);
    clock("2031-04-02T09:00:00");
    ProcessInstance next = processEngine.getRuntimeService().startProcessInstanceByKey("optimization-review",
        map("periodFrom", "2031-03-01", "periodTo", "2031-03-31"));
    long nextId = reviewId(next);
    assertThat(service.get(nextId).previousReviewId()).isEqualTo(id);
    String stats = text(archive.content(service.get(nextId).statisticsReportId()));
    assertThat(stats).contains("上期评审 " + review.reviewNo(), "已执行 1 项", "实际每月节约 560.00 元",
        unit + "-IDLE");
    assertThat((String) processEngine.getRuntimeService().getVariable(next.getId(), "reviewSummary"))
        .contains("上期评审 " + review.reviewNo());
    processEngine.getRuntimeService().deleteProcessInstance(next.getId(), "test done");
  }

  @Clause("P6 7.5.2.1")
  @Clause("P6 7.5.2.2")
  @Test
  void aPeriodWithoutMonitoringDataGoesToTheOpsManagersWhoCloseItOrRetryOnceTheDataIsThere() {
    String unit = newUnit();
    clock("2035-04-10T10:00:00");
    vm(unit + "-DARK", unit, 4, 8, null);

    // no resource has monitoring data in May: the statistics cannot measure, the ops managers are asked
    clock("2035-06-02T09:00:00");
    ProcessInstance may = processEngine.getRuntimeService().startProcessInstanceByKey("optimization-review",
        map("periodFrom", "2035-05-01", "periodTo", "2035-05-31"));
    assertThat(may).isWaitingAt("Task_CheckMonitoringData").hasPassed("Error_NoMonitoringData")
        .hasNotPassed("ServiceTask_Efficiency");
    long mayId = reviewId(may);
    assertThat(service.get(mayId).resources()).as("no statistics stored").isNull();
    assertThat(service.get(mayId).status()).isEqualTo(Review.Status.OPEN);
    Task check = task(may, "Task_CheckMonitoringData");
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(check.getId())
        .taskCandidateGroup(Groups.OPS_MANAGER).count()).isEqualTo(1);
    assertThat((String) processEngine.getTaskService().getVariable(check.getId(), "monitoringGap"))
        .contains("2035-05-01 至 2035-05-31", "没有监控数据");
    complete(check, "monitoringDataDecision", "CLOSE", "monitoringDataComment", "采集中断，本期不评审");
    assertThat(may).isEnded().hasPassed("EndEvent_NotMeasured");
    assertThat(service.get(mayId).status()).isEqualTo(Review.Status.NO_DATA);
    assertThat(service.get(mayId).closedAt()).isNotNull();
    assertThat(service.events(mayId, ADMIN)).extracting(e -> e.get("kind")).containsExactly("NO_DATA",
        "CLOSED_NO_DATA");

    // July: the data arrives late; a retry measures the period and the review goes on
    clock("2035-08-02T09:00:00");
    ProcessInstance july = processEngine.getRuntimeService().startProcessInstanceByKey("optimization-review",
        map("periodFrom", "2035-07-01", "periodTo", "2035-07-31"));
    assertThat(july).isWaitingAt("Task_CheckMonitoringData");
    long julyId = reviewId(july);
    Long previous = service.get(julyId).previousReviewId();
    assertThat(previous == null || previous != mayId).as("a review without statistics is followed up by none")
        .isTrue();
    daily(unit + "-DARK", LocalDate.parse("2035-07-01"), LocalDate.parse("2035-07-31"), 2, 4, 0, false);
    complete(task(july, "Task_CheckMonitoringData"), "monitoringDataDecision", "RETRY");
    assertThat(july).isWaitingAt("Task_ReviewCandidates");
    assertThat(candidate(julyId, unit + "-DARK").action()).isEqualTo("SCALE_DOWN");
    processEngine.getRuntimeService().deleteProcessInstance(july.getId(), "test done");
  }
}
