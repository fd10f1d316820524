package cn.gov.gz.govcloud.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.drill.ContingencyPlan.StageTarget;
import cn.gov.gz.govcloud.emergency.Emergency;
import cn.gov.gz.govcloud.emergency.EmergencyService;
import cn.gov.gz.govcloud.kpi.KpiService;
import cn.gov.gz.govcloud.notification.Notification;
import cn.gov.gz.govcloud.notification.NotificationService;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.ProcessTest;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path and clock of processes/emergency-drill.bpmn and the reminder, with time moved by the engine clock. */
class DrillProcessTest extends ProcessTest {

  @Autowired
  PlanService plans;

  @Autowired
  DrillService drills;

  @Autowired
  EmergencyService emergencies;

  @Autowired
  NotificationService notifications;

  @Autowired
  ReportArchive reports;

  @Autowired
  KpiService kpis;

  /** How Camunda Forms submit a date-time: local time with the UTC offset. */
  static String form(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.ofHours(8)).toString();
  }

  ContingencyPlan plan(String type, String system, Instant lastDrilled) {
    return plans.create(new PlanInput("测试预案 " + System.nanoTime() % 100_000_000, type, system, "manager1", lastDrilled,
        "测试范围", "测试风险评估", null, null, null, "1. 接报；2. 切换；3. 恢复", "按备份恢复",
        List.of(new StageTarget("切换至灾备", 30), new StageTarget("数据恢复", 60), new StageTarget("处置至恢复", 60)),
        null, null, null), "manager1");
  }

  ProcessInstance start(ContingencyPlan plan) {
    return processEngine.getRuntimeService().startProcessInstanceByKey("emergency-drill",
        map("planNo", plan.planNo()));
  }

  Task task(String processInstanceId, String key) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).singleResult();
  }

  Task task(ProcessInstance pi, String key, String assignee) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .taskAssignee(assignee).singleResult();
  }

  void complete(String processInstanceId, String key, Object... kv) {
    Task t = task(processInstanceId, key);
    assertThat(t).as(key).isNotNull();
    processEngine.getTaskService().complete(t.getId(), map(kv));
  }

  void completeAs(ProcessInstance pi, String key, String assignee, Object... kv) {
    Task t = task(pi, key, assignee);
    assertThat(t).as(key + " of " + assignee).isNotNull();
    processEngine.getTaskService().complete(t.getId(), map(kv));
  }

  Drill drill(ProcessInstance pi) {
    long id = ((Number) processEngine.getRuntimeService().getVariable(pi.getId(), "drillId")).longValue();
    return drills.get(id);
  }

  void planTabletop(ProcessInstance pi, Instant at, String users) {
    complete(pi.getId(), "Task_PlanDrill", "purpose", "检验切换流程", "drillAt", form(at), "participantUsers", users,
        "scenarioType", "TABLETOP", "scenario", "主数据中心断电，切换至灾备中心", "steps", "切换至灾备\n数据恢复");
  }

  List<Notification> notices(String user, String drillNo) {
    return notifications.search(user, null, drillNo, 100);
  }

  static String docText(byte[] docx) throws Exception {
    try (var doc = new XWPFDocument(new ByteArrayInputStream(docx)); var text = new XWPFWordExtractor(doc)) {
      return text.getText();
    }
  }

  @Clause("P6 7.4.2.2.1")
  @Clause("P6 7.4.2.2.2")
  @Clause("P6 7.4.2.2.3")
  @Clause("P6 7.4.2.2.4")
  @Clause("P6 7.4.2.2.5")
  @Clause("P6 7.4.2.2.6")
  @Clause("P6 7.4.2.1.3")
  @Clause("P6 7.4.2.1.4")
  @Clause("P3 5.3.2.3")
  @Clause("GB 8.2.7 c 1")
  @Clause("GB 8.2.7 c 3")
  @Clause("GB 8.2.7 c 4")
  @Clause("GB 8.2.7 d")
  @Clause("GB 8.2.8 b 1–4")
  @Clause("P3 附录 D.1 第 20 项")
  @Test
  void theWholePathRunsTheLiveEmergencyProcessInDrillModeAndRevisesThePlan() throws Exception {
    setClock(china("2041-03-02T09:00:00"));
    ContingencyPlan plan = plan("APPLICATION_DR", "JTJ-TOCC", null);
    ProcessInstance pi = start(plan);
    assertThat(pi).isWaitingAt("Task_PlanDrill");
    Drill d = drill(pi);
    assertThat(d.planNo()).isEqualTo(plan.planNo());
    assertThat(d.trigger()).isEqualTo("MANUAL");
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getBusinessKey()).isEqualTo(d.drillNo());

    Instant at = china("2041-03-05T09:00:00");
    complete(pi.getId(), "Task_PlanDrill", "purpose", "检验调度平台中断的应急处置", "drillAt", form(at),
        "participantUsers", "engineer1, operator1", "scenarioType", "EMERGENCY", "emergencyCategory", "INTERRUPTION",
        "scenario", "模拟交通调度平台主节点宕机", "steps", "切换至灾备\n数据恢复");
    assertThat(task(pi, "Task_ConfirmTraining", "engineer1").getDueDate().toInstant())
        .as("training due one day before the drill").isEqualTo(at.minus(Duration.ofDays(1)));
    assertThat(notices("operator1", d.drillNo())).anyMatch(n -> n.subject().startsWith("【演练】")
        && n.subject().contains("演练通知"));

    completeAs(pi, "Task_ConfirmTraining", "engineer1", "trainingConfirmed", true);
    completeAs(pi, "Task_ConfirmTraining", "operator1", "trainingConfirmed", true);
    assertThat(pi).isWaitingAt("Timer_WaitForDrillDate");
    fire(pi, "Timer_WaitForDrillDate");

    ProcessInstance em = processEngine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(pi.getId()).singleResult();
    assertThat(em).isNotNull();
    Emergency e = emergencies.findByProcessInstance(em.getId()).orElseThrow();
    assertThat(e.drill()).isTrue();
    assertThat(e.responseDueAt()).as("the real SLA: 5 minutes").isEqualTo(e.detectedAt().plusSeconds(300));
    assertThat(task(em.getId(), "Task_RespondEmergency").getName()).startsWith("【演练】响应应急事件｜EM")
        .doesNotContain("【演练】EM");
    assertThat(notifications.search("jtj1", null, e.emergencyNo(), 100))
        .isNotEmpty().allMatch(n -> n.subject().contains("【演练】"));

    setClock(now.plus(Duration.ofMinutes(3)));
    complete(em.getId(), "Task_RespondEmergency", "firstAssessment", "主节点宕机，启动切换");
    setClock(now.plus(Duration.ofMinutes(40)));
    complete(em.getId(), "Task_HandleEmergency", "actionType", "RECOVER", "actionNote", "已切换至备节点",
        "handlingOutcome", "RECOVERED", "cause", "演练模拟", "result", "业务恢复");
    assertThat(task(em.getId(), "Task_VerifyRecovery").getName()).startsWith("【演练】");
    setClock(now.plus(Duration.ofMinutes(10)));
    complete(em.getId(), "Task_VerifyRecovery", "verifyDecision", "CONFIRMED");
    long emergencyReport = ((Number) processEngine.getRuntimeService().getVariable(em.getId(), "reportId"))
        .longValue();
    assertThat(reports.get(emergencyReport).title()).startsWith("【演练】");
    assertThat(docText(reports.content(emergencyReport))).contains("【演练】应急事件响应报告").contains("应急演练");
    complete(em.getId(), "Task_ImprovePlan", "planDecision", "NO_CHANGE", "planChanges", "见演练报告");
    assertThat(em).isEnded();

    assertThat(kpis.compute(LocalDate.parse("2041-03-05"), LocalDate.parse("2041-03-05")).efficiency()
        .emergencyRespondedInTime()).as("a drill is not a production emergency").isNull();

    assertThat(pi).isWaitingAt("Task_RecordDrillRun");
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "emergencyNo")).isEqualTo(e.emergencyNo());
    complete(pi.getId(), "Task_RecordDrillRun", "stageRecords", SpinValues.jsonValue("["
            + "{\"stage\":\"切换至灾备\",\"startedAt\":\"2041-03-05T10:00+08:00\",\"endedAt\":\"2041-03-05T10:25+08:00\"},"
            + "{\"stage\":\"数据恢复\",\"startedAt\":\"2041-03-05T10:25+08:00\",\"endedAt\":\"2041-03-05T11:40+08:00\","
            + "\"note\":\"备份校验耗时过长\"}]").create(),
        "drillResult", "PARTIAL", "drillSummary", "切换达标，数据恢复超时");
    assertThat(plans.get(plan.id()).lastDrilledAt()).isNotNull();

    completeAs(pi, "Task_GiveFeedback", "engineer1", "observations", "切换顺利", "problems", "数据恢复慢",
        "suggestions", "1. 演练前增加备份校验\n2. 补充使用单位联络人名单");
    completeAs(pi, "Task_GiveFeedback", "operator1", "observations", "操作手册清晰");
    assertThat(pi).isWaitingAt("Task_RevisePlan");

    Drill.Detail detail = drills.detail(d.id());
    assertThat(detail.stages()).extracting(Drill.Stage::stage)
        .contains("切换至灾备", "数据恢复", "响应", "处置至恢复", "恢复验证");
    Drill.Stage response = detail.stages().stream().filter(s -> s.stage().equals("响应")).findFirst().orElseThrow();
    assertThat(response.source()).isEqualTo("EMERGENCY");
    assertThat(response.targetSeconds()).as("measured against the real SLA").isEqualTo(300L);
    assertThat(response.withinTarget()).isTrue();
    assertThat(response.actualSeconds()).as("receipt to the first response").isEqualTo(180L);
    assertThat(detail.stages()).filteredOn(st -> "EMERGENCY".equals(st.source()))
        .extracting(Drill.Stage::stage, Drill.Stage::actualSeconds)
        .as("response, handling until recovery, verification until closed, from the emergency's reporting view")
        .containsExactly(tuple("响应", 180L), tuple("处置至恢复", 2400L), tuple("恢复验证", 600L));

    long reportId = ((Number) processEngine.getRuntimeService().getVariable(pi.getId(), "reportId")).longValue();
    String text = docText(reports.content(reportId));
    assertThat(text).contains("【演练】应急演练报告").contains(d.drillNo()).contains("各环节用时")
        .contains("切换至灾备").contains("25 分钟").contains("30 分钟").contains("达标")
        .contains("数据恢复").contains("75 分钟").contains("60 分钟").contains("超时")
        .contains("响应（实战流程）").contains("3 分钟").contains("5 分钟")
        .contains("演练前增加备份校验").contains("操作手册清晰");

    List<Drill.Improvement> improvements = detail.improvements();
    assertThat(improvements).extracting(Drill.Improvement::text)
        .containsExactly("演练前增加备份校验", "补充使用单位联络人名单");
    complete(pi.getId(), "Task_RevisePlan", "improvements", SpinValues.jsonValue("[{\"id\":" + improvements.get(0).id()
        + ",\"decision\":\"ACCEPTED\"},{\"id\":" + improvements.get(1).id()
        + ",\"decision\":\"REJECTED\",\"reason\":\"已在通讯录中\"}]").create());
    assertThat(pi).isEnded().hasPassed("EndEvent_DrillClosed");

    ContingencyPlan revised = plans.get(plan.id());
    assertThat(revised.currentVersion()).isEqualTo(2);
    ContingencyPlan.Version v2 = plans.currentVersion(plan.id());
    assertThat(v2.drillNo()).isEqualTo(d.drillNo());
    assertThat(v2.changeReason()).contains("演练前增加备份校验").doesNotContain("联络人名单");
    assertThat(drills.get(d.id()).newPlanVersion()).isEqualTo(2);
    assertThat(drills.improvements(d.id())).extracting(Drill.Improvement::decision)
        .containsExactly("ACCEPTED", "REJECTED");
  }

  @Clause("P6 7.4.2.2.2")
  @Clause("P6 7.4.2.2.3")
  @Test
  void aParticipantWhoNeverConfirmsIsEscalatedBeforeTheDrillWhichStillRunsOnTime() {
    ContingencyPlan plan = plan("SECURITY", null, null);
    ProcessInstance pi = start(plan);
    Instant at = now.plus(Duration.ofDays(5));
    planTabletop(pi, at, "engineer1, operator1");
    Drill d = drill(pi);
    completeAs(pi, "Task_ConfirmTraining", "engineer1", "trainingConfirmed", true);

    assertThat(job(pi, "Timer_TrainingDue").getDuedate().toInstant()).isEqualTo(at.minus(Duration.ofDays(1)));
    fire(pi, "Timer_TrainingDue");
    assertThat(now).isBefore(at);
    assertThat(notices("manager1", d.drillNo())).anyMatch(n -> n.subject().contains("培训确认逾期")
        && n.body().contains("operator1") && !n.body().contains("engineer1"));
    assertThat(notices("operator1", d.drillNo())).anyMatch(n -> n.subject().contains("请尽快确认演练培训"));
    Drill.Participant lagging = drills.participantsOf(d.id()).stream()
        .filter(p -> p.userId().equals("operator1")).findFirst().orElseThrow();
    assertThat(lagging.confirmedAt()).isNull();
    assertThat(lagging.escalatedAt()).isNotNull();
    assertThat(task(pi, "Task_ConfirmTraining", "operator1")).as("still open until the drill").isNotNull();

    fire(pi, "Timer_DrillDateReached");
    assertThat(pi).isWaitingAt("Task_RecordDrillRun");
    assertThat(task(pi, "Task_ConfirmTraining", "operator1")).isNull();
  }

  @Clause("P6 7.4.2.2.3")
  @Test
  void theDrillWaitsForItsDateOnceEveryoneHasConfirmed() {
    ContingencyPlan plan = plan("GENERAL", "WJW-WEB", null);
    ProcessInstance pi = start(plan);
    Instant at = now.plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
    planTabletop(pi, at, "engineer1");
    completeAs(pi, "Task_ConfirmTraining", "engineer1", "trainingConfirmed", true);
    assertThat(pi).isWaitingAt("Timer_WaitForDrillDate");
    assertThat(job(pi, "Timer_WaitForDrillDate").getDuedate().toInstant()).isEqualTo(at);
    assertThat(job(pi, "Timer_TrainingDue")).as("nobody to escalate").isNull();
    assertThat(task(pi.getId(), "Task_RecordDrillRun")).isNull();
    fire(pi, "Timer_WaitForDrillDate");
    assertThat(pi).isWaitingAt("Task_RecordDrillRun");
    assertThat(drill(pi).status()).isEqualTo("RUNNING");
  }

  @Clause("P6 7.4.2.2.6")
  @Clause("P6 7.4.2.1.3")
  @Clause("P3 5.3.2.2")
  @Clause("GB 8.2.8 b 4")
  @Test
  void aRevisionWithAcceptedImprovementsCreatesANewPlanVersionLinkedToTheDrill() {
    ContingencyPlan plan = plan("DATA_DR", "WJW-HIS", null);
    ProcessInstance pi = start(plan);
    planTabletop(pi, now.plus(Duration.ofDays(2)), "engineer1");
    completeAs(pi, "Task_ConfirmTraining", "engineer1", "trainingConfirmed", true);
    fire(pi, "Timer_WaitForDrillDate");
    complete(pi.getId(), "Task_RecordDrillRun", "stageRecords", SpinValues.jsonValue("[{\"stage\":\"数据恢复\","
        + "\"startedAt\":\"" + form(now) + "\",\"endedAt\":\"" + form(now.plus(Duration.ofMinutes(50)))
        + "\"}]").create(), "drillResult", "SUCCESS");
    completeAs(pi, "Task_GiveFeedback", "engineer1", "observations", "恢复顺利", "suggestions", "恢复脚本纳入版本管理");
    Drill d = drill(pi);
    long imp = drills.improvements(d.id()).get(0).id();

    complete(pi.getId(), "Task_RevisePlan", "improvements", SpinValues.jsonValue("[{\"id\":" + imp
        + ",\"decision\":\"ACCEPTED\"}]").create(), "revisionNote", "第二轮评审通过",
        "responseProcedure", "1. 接报；2. 校验备份；3. 恢复；4. 验证");
    assertThat(pi).isEnded();
    List<ContingencyPlan.Version> versions = plans.versions(plan.id());
    assertThat(versions).extracting(ContingencyPlan.Version::version).containsExactly(2, 1);
    assertThat(versions.get(0).drillNo()).isEqualTo(d.drillNo());
    assertThat(versions.get(0).changedBy()).isEqualTo("manager1");
    assertThat(versions.get(0).responseProcedure()).contains("校验备份");
    assertThat(versions.get(0).recoveryMeasures()).contains("恢复脚本纳入版本管理");
    assertThat(versions.get(0).changeReason()).contains("第二轮评审通过");
    assertThat(versions.get(1).responseProcedure()).as("the old version is kept").doesNotContain("校验备份");
    assertThat(drills.improvements(d.id()).get(0).planVersion()).isEqualTo(2);
  }

  @Clause("P6 7.4.2.2.6")
  @Test
  void aRevisionMustDecideEveryImprovement() {
    ContingencyPlan plan = plan("GENERAL", null, null);
    ProcessInstance pi = start(plan);
    planTabletop(pi, now.plus(Duration.ofDays(2)), "engineer1");
    completeAs(pi, "Task_ConfirmTraining", "engineer1", "trainingConfirmed", true);
    fire(pi, "Timer_WaitForDrillDate");
    complete(pi.getId(), "Task_RecordDrillRun", "stageRecords", "[{\"stage\":\"推演\",\"startedAt\":\""
        + form(now) + "\",\"endedAt\":\"" + form(now.plus(Duration.ofMinutes(20))) + "\"}]", "drillResult", "SUCCESS");
    completeAs(pi, "Task_GiveFeedback", "engineer1", "observations", "顺利", "suggestions", "补充通讯录");
    Task revise = task(pi.getId(), "Task_RevisePlan");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> processEngine.getTaskService()
            .complete(revise.getId(), map("improvements", "[]")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("补充通讯录");
    assertThat(pi).isWaitingAt("Task_RevisePlan");
    assertThat(plans.get(plan.id()).currentVersion()).isEqualTo(1);
  }

  @Clause("GB 8.2.7 b 2")
  @Clause("P6 7.4.2.2.1")
  @Test
  void theReminderStartsPlanningForAnOverdueDataDrillOnlyOnceAndNotForOneDrilledLastMonth() {
    ContingencyPlan stale = plan("DATA_DR", "WJW-HIS", now.minus(Duration.ofDays(7 * 31)));
    ContingencyPlan fresh = plan("DATA_DR", "WJW-HIS", now.minus(Duration.ofDays(31)));
    assertThat(stale.overdue()).isTrue();
    assertThat(fresh.overdue()).isFalse();

    runReminder();
    Drill started = drills.openDrillOf(stale.id()).orElseThrow();
    assertThat(started.trigger()).isEqualTo("REMINDER");
    assertThat(started.status()).isEqualTo("PLANNING");
    assertThat(task(started.processInstanceId(), "Task_PlanDrill")).isNotNull();
    assertThat(drills.openDrillOf(fresh.id())).isEmpty();

    runReminder();
    assertThat(drills.search(new cn.gov.gz.govcloud.access.CurrentUser.Caller("manager1", List.of("ops-manager")),
        stale.planNo(), 10)).as("no second drill while one is open").hasSize(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> start(stale))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("进行中的演练");
  }

  private void runReminder() {
    Job timer = processEngine.getManagementService().createJobQuery().timers()
        .processDefinitionKey("emergency-drill-reminder").singleResult();
    assertThat(timer).as("the daily reminder timer").isNotNull();
    processEngine.getManagementService().executeJob(timer.getId());
  }
}
