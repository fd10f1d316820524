package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Handling and closing in processes/work-order.bpmn with mocked delegates: every handling outcome (in progress,
 * waiting on the user, replan, emergency, resolved), the feedback and recovery escalation cycles, the user's
 * confirmation (confirmed, reopened, silent), and the survey with its reminder, expiry and low-score follow-up.
 */
@Tag("process")
class WorkOrderHandlingFlowTest extends WorkOrderFlow {

  @Test
  void aFaultIsHandledConfirmedAndSurveyedWithASatisfiedScore() {
    ProcessInstance pi = dispatchedFault();
    complete(pi, "Task_HandleWorkOrder", HANDLING_OUTCOME, "IN_PROGRESS");
    assertThat(pi).isWaitingAt("Task_HandleWorkOrder");
    complete(pi, "Task_HandleWorkOrder", HANDLING_OUTCOME, "RESOLVED");
    assertThat(calls("recordProgress")).isEqualTo(2);
    assertThat(pi).hasPassed("ServiceTask_MarkResolved").isWaitingAt("Task_ConfirmResolution")
        .task().hasCandidateGroup("unit-JTJ");
    assertThat(job(pi, "Timer_FeedbackDue")).as("handling over: no feedback").isNull();
    assertThat(job(pi, "Timer_RecoveryDeadline")).isNull();

    complete(pi, "Task_ConfirmResolution", RESOLUTION_DECISION, "CONFIRMED");
    assertThat(pi).hasPassed("ServiceTask_CloseWorkOrder", "ServiceTask_ResponseReport")
        .isWaitingAt("Task_AnswerSurvey");
    assertThat(calls("generateResponseReport")).isEqualTo(1);
    complete(pi, "Task_AnswerSurvey", SATISFACTION_SCORE, 5);
    assertThat(pi).isEnded().hasPassed("ServiceTask_RecordSurvey", "EndEvent_WorkOrderClosed")
        .hasNotPassed("Task_FollowUpLowScore");
  }

  @Test
  void progressIsFedBackEveryHourAndAMissedRecoveryEscalatesOncePerLevel() {
    ProcessInstance pi = dispatchedFault();
    assertThat(job(pi, "Timer_FeedbackDue").getDuedate().toInstant()).isEqualTo(now.plus(Duration.ofHours(1)));
    fire(pi, "Timer_FeedbackDue");
    fire(pi, "Timer_FeedbackDue");
    assertThat(calls("sendProgressFeedback")).isEqualTo(2);
    assertThat(pi).hasPassed("ServiceTask_SendProgressFeedback").isWaitingAt("Task_HandleWorkOrder");
    assertThat(job(pi, "Timer_FeedbackDue").getDuedate().toInstant()).isEqualTo(now.plus(Duration.ofHours(1)));

    assertThat(job(pi, "Timer_RecoveryDeadline").getDuedate().toInstant()).isEqualTo(recoveryDue);
    fire(pi, "Timer_RecoveryDeadline");
    fire(pi, "Timer_RecoveryDeadline");
    assertThat(calls("escalateWorkOrder")).isEqualTo(2);
    assertThat(job(pi, "Timer_RecoveryDeadline")).as("each level once").isNull();
    assertThat(pi).hasPassed("EndEvent_RecoveryEscalated").isWaitingAt("Task_HandleWorkOrder");
  }

  @Test
  void waitingOnTheUserPausesTheClockAndTheirAnswerResumesHandling() {
    ProcessInstance pi = dispatchedFault();
    complete(pi, "Task_HandleWorkOrder", HANDLING_OUTCOME, "NEED_USER_INFO");
    assertThat(pi).hasPassed("ServiceTask_PauseClock").isWaitingAt("Task_ProvideInformation")
        .task().hasCandidateGroup("unit-JTJ").hasCandidateGroup("service-desk");
    assertThat(job(pi, "Timer_RecoveryDeadline")).as("no escalation while paused").isNull();
    assertThat(job(pi, "Timer_FeedbackDue")).isNull();

    complete(pi, "Task_ProvideInformation");
    assertThat(pi).hasPassed("ServiceTask_ResumeClock").isWaitingAt("Task_HandleWorkOrder");
    assertThat(job(pi, "Timer_RecoveryDeadline")).as("clocks set again").isNotNull();
  }

  @Test
  void aReplanStartsHandlingAgainWithTheClocksSetAnew() {
    ProcessInstance pi = dispatchedFault();
    complete(pi, "Task_HandleWorkOrder", HANDLING_OUTCOME, "REPLAN");
    assertThat(pi).isWaitingAt("Task_HandleWorkOrder").hasNotPassed("ServiceTask_PauseClock",
        "ServiceTask_MarkResolved");
    assertThat(job(pi, "Timer_RecoveryDeadline")).isNotNull();
  }

  @Test
  void anEmergencyIsHandedToEmergencyResponseAndConfirmedAfterItEnds() {
    ProcessInstance pi = dispatchedFault();
    complete(pi, "Task_HandleWorkOrder", HANDLING_OUTCOME, "EMERGENCY");
    assertThat(pi).hasPassed("ServiceTask_MarkEmergency").isWaitingAt("CallActivity_EmergencyResponse");
    ProcessInstance emergency = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(pi.getId()).singleResult();
    assertThat(emergency).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(emergency.getId(), WORK_ORDER_NO)).isEqualTo("GD-2026-0003");

    complete(emergency, EMERGENCY_STAND_IN_TASK);
    assertThat(pi).hasPassed("ServiceTask_MarkResolved").isWaitingAt("Task_ConfirmResolution");
  }

  @Test
  void aResolutionTheUserRejectsReopensHandling() {
    ProcessInstance pi = resolvedFault();
    complete(pi, "Task_ConfirmResolution", RESOLUTION_DECISION, "REOPEN");
    assertThat(pi).hasPassed("ServiceTask_ReopenWorkOrder").isWaitingAt("Task_HandleWorkOrder");
    assertThat(calls("closeWorkOrder")).isZero();
  }

  @Test
  void aResolutionNotConfirmedWithinThreeDaysIsClosed() {
    ProcessInstance pi = resolvedFault();
    assertThat(job(pi, "Timer_ConfirmTimeout").getDuedate().toInstant()).isEqualTo(now.plus(Duration.ofDays(3)));
    fire(pi, "Timer_ConfirmTimeout");
    assertThat(pi).isEnded().hasPassed("ServiceTask_CloseUnconfirmed", "ServiceTask_ResponseReportUnconfirmed",
        "EndEvent_ClosedUnconfirmed").hasNotPassed("Task_AnswerSurvey");
    assertThat(calls("generateResponseReport")).isEqualTo(1);
  }

  @Test
  void anUnansweredSurveyIsRemindedAfterADayAndClosedAfterAWeek() {
    ProcessInstance pi = resolvedFault();
    complete(pi, "Task_ConfirmResolution", RESOLUTION_DECISION, "CONFIRMED");
    assertThat(job(pi, "Timer_SurveyReminder").getDuedate().toInstant()).isEqualTo(now.plus(Duration.ofDays(1)));
    assertThat(job(pi, "Timer_SurveyExpired").getDuedate().toInstant()).isEqualTo(now.plus(Duration.ofDays(7)));
    fire(pi, "Timer_SurveyReminder");
    assertThat(calls("remindSurvey")).isEqualTo(1);
    assertThat(pi).hasPassed("EndEvent_SurveyReminded").isWaitingAt("Task_AnswerSurvey");
    fire(pi, "Timer_SurveyExpired");
    assertThat(pi).isEnded().hasPassed("EndEvent_SurveyUnanswered").hasNotPassed("ServiceTask_RecordSurvey");
  }

  @Test
  void aLowScoreIsFollowedUpByTheOpsManager() {
    ProcessInstance pi = resolvedFault();
    complete(pi, "Task_ConfirmResolution", RESOLUTION_DECISION, "CONFIRMED");
    complete(pi, "Task_AnswerSurvey", SATISFACTION_SCORE, 2);
    assertThat(pi).isWaitingAt("Task_FollowUpLowScore").task().hasCandidateGroup("ops-manager");
    complete(pi, "Task_FollowUpLowScore");
    assertThat(pi).isEnded().hasPassed("ServiceTask_RecordFollowUp", "EndEvent_FollowedUp")
        .hasNotPassed("EndEvent_WorkOrderClosed");
  }
}
