package cn.gov.gz.govcloud.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.notification.NotificationService;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.sla.CalendarService;
import cn.gov.gz.govcloud.sla.CalendarYear;
import cn.gov.gz.govcloud.support.Clause;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path and clock of processes/emergency-response.bpmn, with time moved by the engine clock. */
class EmergencyProcessTest extends EmergencyTestSupport {

  @Autowired
  NotificationService notifications;

  @Autowired
  ReportArchive reports;

  @Autowired
  CalendarService calendars;

  @Autowired
  JdbcClient jdbc;

  List<String> subjects(String user, Emergency e) {
    return notifications.search(user, null, e.emergencyNo(), 100).stream().map(n -> n.subject()).toList();
  }

  @Clause("P6 7.4.2.3.2")
  @Clause("P3 5.3.2.7")
  @Test
  void anInterruptionRespondedInTimeDoesNotEscalate() {
    Instant detected = now.minusSeconds(60);
    ProcessInstance pi = report("JTJ-TOCC", "INTERRUPTION", detected);
    assertThat(pi).isWaitingAt("Task_RespondEmergency");
    Emergency e = emergency(pi);
    assertThat(e.severity()).isEqualTo("特别重大");
    assertThat(e.responseDueAt()).as("5 minutes from the time detected").isEqualTo(detected.plusSeconds(300));
    assertThat(job(pi, "Timer_ResponseDeadline").getDuedate().toInstant()).isEqualTo(e.responseDueAt());
    assertThat(task(pi, "Task_RespondEmergency").getDueDate().toInstant()).isEqualTo(e.responseDueAt());
    assertThat(job(pi, "Timer_NextFeedback").getDuedate().toInstant()).isEqualTo(detected.plus(Duration.ofMinutes(30)));

    setClock(now.plusSeconds(120));
    complete(pi, "Task_RespondEmergency", "firstAssessment", "负载均衡故障");
    assertThat(pi).isWaitingAt("Task_HandleEmergency");
    assertThat(job(pi, "Timer_ResponseDeadline")).isNull();
    assertThat(emergencies.timeliness(e.id())).containsEntry("respondedInTime", true);
    assertThat(emergencies.events(e.id())).noneMatch(ev -> ev.kind().equals("ESCALATION"));
  }

  @Clause("P6 7.4.2.3.3")
  @Test
  void aMissedResponseEscalatesLevelByLevelAndRaisesTheTask() {
    ProcessInstance pi = report("JTJ-TOCC", "DATA_LOSS", now);
    Emergency e = emergency(pi);
    fire(pi, "Timer_ResponseDeadline");
    assertThat(candidateGroups(pi)).contains("ops-engineer", "ops-manager").doesNotContain("management");
    assertThat(subjects("manager1", e)).anyMatch(s -> s.contains("第 1 级"));
    fire(pi, "Timer_ResponseDeadline");
    assertThat(candidateGroups(pi)).contains("management");
    assertThat(subjects("mgmt1", e)).anyMatch(s -> s.contains("第 2 级"));
    assertThat(job(pi, "Timer_ResponseDeadline")).as("each level once").isNull();
    assertThat(emergency(pi).escalationLevel()).isEqualTo(2);
    assertThat(emergencies.events(e.id()).stream().filter(ev -> ev.kind().equals("ESCALATION")).toList()).hasSize(2);
  }

  private List<String> candidateGroups(ProcessInstance pi) {
    return processEngine.getTaskService().getIdentityLinksForTask(task(pi, "Task_RespondEmergency").getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  @Clause("P3 5.3.2.7 c")
  @Clause("P6 7.4.2.3.4 b")
  @Clause("P6 7.4.2.3.5")
  @Clause("P6 7.4.2.3.6")
  @Clause("P6 7.2.3.3.4")
  @Clause("P3 附录 D.1 第 21 项")
  @Test
  void feedbackEveryThirtyMinutesWithAndWithoutUpdatesAndNoneAfterRecovery() throws Exception {
    Instant detected = now;
    ProcessInstance pi = report("JTJ-TOCC", "INTERRUPTION", detected);
    Emergency e = emergency(pi);
    complete(pi, "Task_RespondEmergency", "firstAssessment", "数据库连接池耗尽");
    setClock(now.plus(Duration.ofMinutes(10)));
    complete(pi, "Task_HandleEmergency", "actionType", "REMOTE", "actionNote", "扩大连接池并重启应用",
        "handlingOutcome", "IN_PROGRESS");

    fire(pi, "Timer_NextFeedback");
    assertThat(now).isEqualTo(detected.plus(Duration.ofMinutes(30)).plusSeconds(1));
    assertThat(subjects("jtj1", e)).anyMatch(s -> s.contains("处置进展反馈"));
    assertThat(job(pi, "Timer_NextFeedback").getDuedate().toInstant()).isEqualTo(detected.plus(Duration.ofMinutes(60)));

    fire(pi, "Timer_NextFeedback");
    assertThat(subjects("engineer1", e)).anyMatch(s -> s.contains("请更新处置进展"));
    assertThat(subjects("manager1", e)).anyMatch(s -> s.contains("反馈逾期"));
    List<EmergencyEvent> beats = emergencies.events(e.id()).stream().filter(ev -> ev.kind().equals("FEEDBACK"))
        .toList();
    assertThat(beats).extracting(EmergencyEvent::onTime).containsExactly(true, false);
    assertThat(beats.get(0).dueAt()).isEqualTo(detected.plus(Duration.ofMinutes(30)));

    complete(pi, "Task_HandleEmergency", "actionType", "RECOVER", "actionNote", "服务恢复", "handlingOutcome",
        "RECOVERED", "cause", "连接池配置过小", "result", "业务恢复正常");
    assertThat(pi).isWaitingAt("Task_VerifyRecovery");
    assertThat(job(pi, "Timer_NextFeedback")).as("no feedback after recovery").isNull();

    complete(pi, "Task_VerifyRecovery", "verifyDecision", "CONFIRMED");
    assertThat(pi).isWaitingAt("Task_ImprovePlan");
    long reportId = ((Number) processEngine.getRuntimeService().getVariable(pi.getId(), "reportId")).longValue();
    try (var doc = new XWPFDocument(new ByteArrayInputStream(reports.content(reportId)));
        var text = new XWPFWordExtractor(doc)) {
      assertThat(text.getText()).contains("应急事件响应报告").contains(e.emergencyNo()).contains("处置时间线")
          .contains("扩大连接池并重启应用").contains("连接池配置过小").contains("按时");
    }
    complete(pi, "Task_ImprovePlan", "planDecision", "NO_CHANGE", "planChanges", "连接池容量纳入巡检项");
    assertThat(pi).isEnded().hasPassed("EndEvent_EmergencyClosed");
    assertThat(emergency(pi).status()).isEqualTo("CLOSED");
  }

  @Clause("P6 7.4.1.5")
  @Clause("P3 5.3.1.4")
  @Test
  void aSecurityIncidentIsHandledWithTheInterruptionClocksAndReported() throws Exception {
    Instant detected = now;
    ProcessInstance pi = report("WJW-WEB", "SECURITY", detected);
    Emergency e = emergency(pi);
    assertThat(e.severity()).isEqualTo("重大");
    assertThat(e.serviceHours()).isEqualTo("7x24");
    assertThat(e.responseDueAt()).as("5 minutes, as an interruption").isEqualTo(detected.plusSeconds(300));
    assertThat(job(pi, "Timer_NextFeedback").getDuedate().toInstant()).isEqualTo(detected.plus(Duration.ofMinutes(30)));

    complete(pi, "Task_RespondEmergency", "firstAssessment", "门户页面被篡改");
    complete(pi, "Task_HandleEmergency", "actionType", "RECOVER", "actionNote", "下线被篡改页面并从备份恢复",
        "handlingOutcome", "RECOVERED", "cause", "内容管理系统弱口令", "result", "页面已恢复，口令已重置");
    complete(pi, "Task_VerifyRecovery", "verifyDecision", "CONFIRMED");
    long reportId = ((Number) processEngine.getRuntimeService().getVariable(pi.getId(), "reportId")).longValue();
    try (var doc = new XWPFDocument(new ByteArrayInputStream(reports.content(reportId)));
        var text = new XWPFWordExtractor(doc)) {
      assertThat(text.getText()).contains("应急事件响应报告（安全事件报告）", e.emergencyNo(), "内容管理系统弱口令",
          "下线被篡改页面并从备份恢复");
    }
  }

  @Clause("P3 5.3.2.8")
  @Test
  void aDegradationCountsWorkingTimeAcrossTheMakeUpSaturdayAndTheSpringFestival() {
    // Saturday 14 Feb 2026 is a make-up working day; 15–23 Feb are the Spring Festival holiday
    setClock(china("2026-02-14T18:05:00"));
    ProcessInstance pi = report("JTJ-OA", "DEGRADATION", china("2026-02-14T17:58:00"));
    Emergency e = emergency(pi);
    assertThat(e.serviceHours()).isEqualTo("5x8");
    assertThat(e.responseDueAt()).as("2 min on the make-up Saturday, 8 min after the holiday")
        .isEqualTo(china("2026-02-24T08:38:00"));
    assertThat(job(pi, "Timer_ResponseDeadline").getDuedate().toInstant()).isEqualTo(china("2026-02-24T08:38:00"));
    assertThat(job(pi, "Timer_NextFeedback").getDuedate().toInstant())
        .as("no routine notice outside working hours").isEqualTo(china("2026-02-24T09:28:00"));
  }

  @Clause("P6 7.4.2.3.4")
  @Clause("P3 5.3.2.5")
  @Test
  void aReopenedCaseStartsAFreshResponseClock() {
    ProcessInstance pi = report("WJW-HIS", "INTERRUPTION", now);
    complete(pi, "Task_RespondEmergency", "firstAssessment", "挂号服务不可用");
    complete(pi, "Task_HandleEmergency", "actionNote", "重启服务", "handlingOutcome", "RECOVERED");
    setClock(now.plus(Duration.ofHours(2)));
    complete(pi, "Task_VerifyRecovery", "verifyDecision", "REOPEN", "verifyComment", "仍有部分科室无法挂号");
    assertThat(pi).isWaitingAt("Task_RespondEmergency");
    Emergency e = emergency(pi);
    assertThat(e.reopenCount()).isEqualTo(1);
    assertThat(e.responseDueAt()).isEqualTo(now.plusSeconds(300));
    assertThat(job(pi, "Timer_ResponseDeadline").getDuedate().toInstant()).as("not instantly late")
        .isEqualTo(now.plusSeconds(300));
  }

  @Clause("P3 5.3.2.8 b")
  @Test
  void loadingTheNextYearsCalendarRecomputesOpenWorkingTimeDeadlines() {
    jdbc.sql("DELETE FROM calendar_day WHERE cal_date >= DATE '2036-01-01' AND cal_date < DATE '2037-01-01'").update();
    jdbc.sql("DELETE FROM calendar_year WHERE cal_year = 2036").update();
    setClock(china("2035-12-31T18:00:00"));
    ProcessInstance pi = report("JTJ-OA", "DEGRADATION", china("2035-12-31T17:58:00"));
    assertThat(emergency(pi).responseDueAt()).as("no 2036 data yet: 1 Jan is an ordinary Tuesday")
        .isEqualTo(china("2036-01-01T08:38:00"));

    calendars.load(2036, new CalendarYear(2036, "国务院办公厅通知（测试）",
        List.of(new CalendarYear.Day(java.time.LocalDate.parse("2036-01-01"), "元旦")), List.of()),
        new Caller("mgmt1", List.of(Groups.MANAGEMENT)));
    assertThat(emergency(pi).responseDueAt()).isEqualTo(china("2036-01-02T08:38:00"));
    assertThat(job(pi, "Timer_ResponseDeadline").getDuedate().toInstant()).isEqualTo(china("2036-01-02T08:38:00"));
    assertThat(((Date) processEngine.getRuntimeService().getVariable(pi.getId(), "responseDue")).toInstant())
        .isEqualTo(china("2036-01-02T08:38:00"));
  }
}
