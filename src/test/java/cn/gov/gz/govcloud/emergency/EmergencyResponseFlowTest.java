package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gov.gz.govcloud.support.MockedProcessTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * processes/emergency-response.bpmn on the in-memory engine with every delegate mocked and the real
 * emergency-classification table: every path (joined case, reclassification, recovery, handling loop, reopen) and
 * every timer (response escalation loop, feedback beat, recovery deadline), time moved with the engine clock; the plan
 * types of the real contingency-plan-applicability table, and the plan revision the improvement step calls. What the
 * delegates write: EmergencyProcessTest and EmergencyPlansProcessTest.
 */
@Tag("process")
class EmergencyResponseFlowTest extends MockedProcessTest {

  @Override
  protected List<String> resources() {
    return List.of("emergency-response.bpmn", "emergency-classification.dmn", "service-level-targets.dmn",
        "contingency-plan-applicability.dmn", "contingency-plan-revision.bpmn", "contingency-plan-revise.form",
        "emergency-start.form",
        "emergency-respond.form", "emergency-handle.form", "emergency-verify.form", "emergency-improve.form");
  }

  Instant responseDue;
  Instant recoveryDue;

  @BeforeEach
  void delegatesThatSetWhatTheModelReads() {
    onDelegate("registerEmergency", e -> {
      e.setVariable(EMERGENCY_ID, 7L);
      e.setVariable(EMERGENCY_NO, "YJ-2026-0007");
      e.setVariable(IMPORTANCE, "CORE");
      e.setVariable(SERVICE_LEVEL, 1);
      e.setVariable(VERIFY_GROUP, "unit-JTJ");
      e.setVariable(RESPONSE_ESCALATIONS, 0);
    });
    onDelegate("startResponseClock", e -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> c = (Map<String, Object>) e.getVariable(CLASSIFICATION);
      Duration within = Duration.parse((String) c.get("responseWithin"));
      responseDue = now.plus(within);
      e.setVariable(ON_DUTY_GROUP, c.get("onDutyGroup"));
      e.setVariable(RESPONSE_DUE, Date.from(responseDue));
      e.setVariable(NEXT_FEEDBACK_AT, Date.from(now.plus(Duration.parse((String) c.get("feedbackInterval")))));
      e.setVariable(NEXT_ESCALATION_AT, Date.from(responseDue));
      e.setVariable(MORE_ESCALATIONS, true);
      e.setVariable(RECLASSIFIED, false);
      @SuppressWarnings("unchecked")
      Map<String, Object> targets = (Map<String, Object>) e.getVariable(SERVICE_LEVEL_TARGETS);
      recoveryDue = now.plus(Duration.parse((String) targets.get("recoverWithin")));
      e.setVariable(RECOVERY_DUE, Date.from(recoveryDue));
    });
    // two escalation levels: at the response deadline and 15 minutes later
    onDelegate("escalateResponse", e -> {
      boolean first = calls("escalateResponse") == 1;
      e.setVariable(MORE_ESCALATIONS, first);
      e.setVariable(NEXT_ESCALATION_AT, Date.from(responseDue.plus(Duration.ofMinutes(15))));
    });
    onDelegate("sendFeedbackBeat", e -> e.setVariable(NEXT_FEEDBACK_AT,
        Date.from(((Date) e.getVariable(NEXT_FEEDBACK_AT)).toInstant().plus(Duration.ofMinutes(30)))));
  }

  ProcessInstance report(String category) {
    return start(PROCESS_KEY, CATEGORY, category, BUSINESS_SYSTEM_CODE, "JTJ-TOCC", DESCRIPTION, "首页无法打开");
  }

  @Test
  void aReportOfAnAlertWithAnOpenCaseJoinsItAndEnds() {
    onDelegate("registerEmergency", e -> {
      e.setVariable(JOINED_EMERGENCY_NO, "YJ-2026-0001");
      throw new BpmnError(ALERT_ALREADY_OPEN, "告警已有未结案的应急事件");
    });
    ProcessInstance pi = start(PROCESS_KEY, CATEGORY, "INTERRUPTION", ALERT_REF, "ALERT-1");
    assertThat(pi).isEnded().hasPassed("Error_AlertAlreadyOpen", "EndEvent_JoinedExisting")
        .hasNotPassed("BusinessRuleTask_ClassifyEmergency");
    assertThat(calls("startResponseClock")).isZero();
  }

  @SuppressWarnings("unchecked")
  @Test
  void anInterruptionIsClassifiedRespondedHandledVerifiedReportedAndImproved() {
    ProcessInstance pi = report("INTERRUPTION");
    assertThat(pi).hasPassedInOrder("ServiceTask_RegisterEmergency", "BusinessRuleTask_ClassifyEmergency",
        "ServiceTask_StartResponseClock").isWaitingAt("Task_RespondEmergency", "Timer_NextFeedback");
    @SuppressWarnings("unchecked")
    Map<String, Object> classification = (Map<String, Object>) variable(pi, CLASSIFICATION);
    assertThat(classification).containsEntry("severity", "特别重大").containsEntry("serviceHours", "7x24");
    assertThat(pi).hasPassedInOrder("BusinessRuleTask_ServiceLevelTargets", "BusinessRuleTask_ApplicablePlanTypes",
        "ServiceTask_AttachContingencyPlans", "ServiceTask_StartResponseClock");
    assertThat((List<Object>) variable(pi, APPLICABLE_PLAN_TYPES)).as("an interruption of the top level")
        .containsExactly("APPLICATION_DR", "GENERAL");
    assertThat(responseDue).isEqualTo(now.plus(Duration.ofMinutes(5)));
    assertThat(pi).task("Task_RespondEmergency").hasCandidateGroup("ops-engineer").hasDueDate(Date.from(responseDue));
    assertThat(job(pi, "Timer_ResponseDeadline").getDuedate().toInstant()).isEqualTo(responseDue);

    complete(pi, "Task_RespondEmergency", FIRST_ASSESSMENT, "负载均衡故障");
    assertThat(job(pi, "Timer_ResponseDeadline")).as("responded: no escalation").isNull();
    assertThat(pi).isWaitingAt("Task_HandleEmergency", "Timer_NextFeedback");

    complete(pi, "Task_HandleEmergency", ACTION_NOTE, "切换备用链路", HANDLING_OUTCOME, "IN_PROGRESS");
    assertThat(pi).isWaitingAt("Task_HandleEmergency");
    complete(pi, "Task_HandleEmergency", ACTION_NOTE, "服务恢复", HANDLING_OUTCOME, "RECOVERED");
    assertThat(calls("recordEmergencyAction")).isEqualTo(2);
    assertThat(pi).hasPassed("EndEvent_Recovered").isWaitingAt("Task_VerifyRecovery");
    assertThat(job(pi, "Timer_NextFeedback")).as("no feedback after recovery").isNull();
    assertThat(pi).task("Task_VerifyRecovery").hasCandidateGroup("unit-JTJ");

    complete(pi, "Task_VerifyRecovery", VERIFY_DECISION, "CONFIRMED");
    assertThat(pi).hasPassedInOrder("ServiceTask_CloseEmergency", "ServiceTask_GenerateReport")
        .isWaitingAt("Task_ImprovePlan");
    assertThat(pi).task().hasCandidateGroup("ops-manager");
    complete(pi, "Task_ImprovePlan", PLAN_DECISION, "NO_CHANGE", PLAN_CHANGES, "预案步骤有效，无需修订");
    assertThat(pi).isEnded().hasPassed("ServiceTask_RecordImprovement", "Gateway_PlanDecision",
        "EndEvent_EmergencyClosed")
        .hasNotPassed("ServiceTask_EscalateResponse", "ServiceTask_SendFeedbackBeat", "ServiceTask_ReopenEmergency",
            "CallActivity_RevisePlan");
  }

  @SuppressWarnings("unchecked")
  @Test
  void anImprovementThatRevisesAPlanCallsThePlanRevisionAndRecordsTheNewVersion() {
    onDelegate("prepareContingencyPlanRevision", e -> e.setVariable("planOwner", "manager1"));
    onDelegate("recordContingencyPlanVersion", e -> e.setVariable(NEW_PLAN_VERSION, 3));
    ProcessInstance pi = report("DATA_LOSS");
    assertThat((List<Object>) variable(pi, APPLICABLE_PLAN_TYPES)).containsExactly("DATA_DR", "GENERAL");
    complete(pi, "Task_RespondEmergency", FIRST_ASSESSMENT, "存储故障");
    complete(pi, "Task_HandleEmergency", ACTION_NOTE, "从备份恢复", HANDLING_OUTCOME, "RECOVERED");
    complete(pi, "Task_VerifyRecovery", VERIFY_DECISION, "CONFIRMED");
    complete(pi, "Task_ImprovePlan", PLAN_DECISION, "REVISE", PLAN_REF, "YA-2026-0002", PLAN_CHANGES,
        "增加备份校验步骤");
    assertThat(pi).isWaitingAt("CallActivity_RevisePlan");
    ProcessInstance revision = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("contingency-plan-revision").singleResult();
    assertThat(revision).isWaitingAt("Task_RevisePlanContent").task().isAssignedTo("manager1");
    assertThat(variable(revision, "planNo")).isEqualTo("YA-2026-0002");
    assertThat(variable(revision, "emergencyNo")).isEqualTo("YJ-2026-0007");
    assertThat(variable(revision, "revisionProposal")).isEqualTo("增加备份校验步骤");
    complete(revision, "Task_RevisePlanContent", "changeReason", "增加备份校验步骤");
    assertThat(revision).isEnded().hasPassedInOrder("ServiceTask_PrepareRevision", "Task_RevisePlanContent",
        "ServiceTask_RecordPlanVersion", "EndEvent_PlanRevised");
    assertThat(pi).isEnded().hasPassedInOrder("CallActivity_RevisePlan", "ServiceTask_RecordPlanRevised",
        "EndEvent_EmergencyClosedPlanRevised").hasNotPassed("EndEvent_EmergencyClosed");
    assertThat(calls("recordPlanRevised")).isEqualTo(1);
  }

  @Test
  void aMissedRecoveryDeadlineEscalatesOnceAndHandlingGoesOn() {
    ProcessInstance pi = report("INTERRUPTION");
    assertThat(pi).hasPassedInOrder("BusinessRuleTask_ClassifyEmergency", "BusinessRuleTask_ServiceLevelTargets",
        "ServiceTask_StartResponseClock");
    assertThat(recoveryDue).as("service level 1: two hours").isEqualTo(now.plus(Duration.ofHours(2)));
    assertThat(job(pi, "Timer_RecoveryDeadline").getDuedate().toInstant()).isEqualTo(recoveryDue);
    complete(pi, "Task_RespondEmergency", FIRST_ASSESSMENT, "核心交换机故障");

    fire(pi, "Timer_RecoveryDeadline");
    assertThat(calls("escalateRecovery")).isEqualTo(1);
    assertThat(pi).hasPassed("EndEvent_RecoveryEscalated").isWaitingAt("Task_HandleEmergency");
    assertThat(job(pi, "Timer_RecoveryDeadline")).as("once").isNull();
    complete(pi, "Task_HandleEmergency", ACTION_NOTE, "服务恢复", HANDLING_OUTCOME, "RECOVERED");
    assertThat(pi).isWaitingAt("Task_VerifyRecovery");
  }

  @Test
  void aDegradationGetsTheLongerClocksOfItsRule() {
    ProcessInstance pi = report("DEGRADATION");
    @SuppressWarnings("unchecked")
    Map<String, Object> classification = (Map<String, Object>) variable(pi, CLASSIFICATION);
    assertThat(classification).containsEntry("severity", "较大").containsEntry("serviceHours", "5x8");
    assertThat(job(pi, "Timer_ResponseDeadline").getDuedate().toInstant()).isEqualTo(now.plus(Duration.ofMinutes(10)));
    assertThat(job(pi, "Timer_NextFeedback").getDuedate().toInstant()).isEqualTo(now.plus(Duration.ofHours(1)));
  }

  @Test
  void aMissedResponseEscalatesOncePerLevelAndTheTaskStays() {
    ProcessInstance pi = report("DATA_LOSS");
    fire(pi, "Timer_ResponseDeadline");
    assertThat(calls("escalateResponse")).isEqualTo(1);
    assertThat(pi).hasPassed("Gateway_MoreEscalation").hasNotPassed("EndEvent_ResponseEscalated")
        .isWaitingAt("Task_RespondEmergency", "Timer_ResponseDeadline");
    assertThat(job(pi, "Timer_ResponseDeadline").getDuedate().toInstant())
        .isEqualTo(responseDue.plus(Duration.ofMinutes(15)));

    fire(pi, "Timer_ResponseDeadline");
    assertThat(calls("escalateResponse")).isEqualTo(2);
    assertThat(job(pi, "Timer_ResponseDeadline")).as("each level once").isNull();
    assertThat(pi).hasPassed("EndEvent_ResponseEscalated").isWaitingAt("Task_RespondEmergency");
    complete(pi, "Task_RespondEmergency", FIRST_ASSESSMENT, "存储阵列故障");
    assertThat(pi).isWaitingAt("Task_HandleEmergency");
  }

  @Test
  void progressIsFedBackAtEveryBeatUntilRecovery() {
    ProcessInstance pi = report("INTERRUPTION");
    Instant first = now.plus(Duration.ofMinutes(30));
    assertThat(job(pi, "Timer_NextFeedback").getDuedate().toInstant()).isEqualTo(first);
    complete(pi, "Task_RespondEmergency", FIRST_ASSESSMENT, "数据库连接池耗尽");

    fire(pi, "Timer_NextFeedback");
    assertThat(calls("sendFeedbackBeat")).isEqualTo(1);
    assertThat(job(pi, "Timer_NextFeedback").getDuedate().toInstant()).isEqualTo(first.plus(Duration.ofMinutes(30)));
    fire(pi, "Timer_NextFeedback");
    assertThat(calls("sendFeedbackBeat")).isEqualTo(2);
    assertThat(pi).isWaitingAt("Task_HandleEmergency", "Timer_NextFeedback");

    complete(pi, "Task_HandleEmergency", ACTION_NOTE, "扩容", HANDLING_OUTCOME, "RECOVERED");
    assertThat(job(pi, "Timer_NextFeedback")).isNull();
    assertThat(pi).isWaitingAt("Task_VerifyRecovery");
  }

  @Test
  void aRecoveryNotConfirmedReopensTheCaseWithAFreshResponseClock() {
    ProcessInstance pi = report("INTERRUPTION");
    complete(pi, "Task_RespondEmergency", FIRST_ASSESSMENT, "挂号服务不可用");
    complete(pi, "Task_HandleEmergency", ACTION_NOTE, "重启服务", HANDLING_OUTCOME, "RECOVERED");
    setClock(now.plus(Duration.ofHours(2)));
    complete(pi, "Task_VerifyRecovery", VERIFY_DECISION, "REOPEN", VERIFY_COMMENT, "仍有部分科室无法挂号");

    assertThat(pi).hasPassed("ServiceTask_ReopenEmergency").isWaitingAt("Task_RespondEmergency", "Timer_NextFeedback");
    assertThat(calls("startResponseClock")).isEqualTo(2);
    assertThat(job(pi, "Timer_ResponseDeadline").getDuedate().toInstant()).as("from now, not the first report")
        .isEqualTo(now.plus(Duration.ofMinutes(5)));
    assertThat(calls("closeEmergency")).isZero();
  }

  @Test
  void aResponseStopsTheEscalationLoopBeforeItsFirstLevel() {
    ProcessInstance pi = report("INTERRUPTION");
    assertThat(pi).isWaitingAt("Task_RespondEmergency", "Timer_ResponseDeadline", "Timer_NextFeedback");
    complete(pi, "Task_RespondEmergency", FIRST_ASSESSMENT, "网关故障");
    assertThat(pi).hasPassed("EndEvent_Responded", "Gateway_Reclassified").hasNotPassed("BusinessRuleTask_Reclassify")
        .isWaitingAt("Task_HandleEmergency");
    assertThat(job(pi, "Timer_ResponseDeadline")).as("the loop ended with the response").isNull();
    assertThat(calls("escalateResponse")).isZero();
  }

  @Test
  void aResponderWhoCorrectsTheCategoryHasTheCaseClassifiedAgainByTheTable() {
    onDelegate("recordResponse", e -> {
      e.setVariable(CATEGORY, e.getVariable(CONFIRMED_CATEGORY));
      e.setVariable(RECLASSIFIED, true);
    });
    ProcessInstance pi = report("INTERRUPTION");
    complete(pi, "Task_RespondEmergency", FIRST_ASSESSMENT, "仅部分页面变慢，并未中断", CONFIRMED_CATEGORY, "DEGRADATION",
        CONFIRMED_SEVERITY, "较大", RECLASSIFICATION_REASON, "核实后为性能下降");
    assertThat(pi).hasPassedInOrder("ServiceTask_RecordResponse", "Gateway_Reclassified", "BusinessRuleTask_Reclassify",
        "ServiceTask_ApplyReclassification").isWaitingAt("Task_HandleEmergency", "Timer_NextFeedback");
    @SuppressWarnings("unchecked")
    Map<String, Object> again = (Map<String, Object>) variable(pi, RECLASSIFICATION);
    assertThat(again).as("the table's answer for the confirmed category").containsEntry("serviceHours", "5x8")
        .containsEntry("responseWithin", "PT10M").containsEntry("feedbackInterval", "PT1H");
    assertThat(calls("applyReclassification")).isEqualTo(1);
  }
}
