package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The triage part of processes/work-order.bpmn with mocked delegates: classification, consultation answered and
 * confirmed, accepted by silence or turned into a service request, dispatch, and the dispatch escalation cycle.
 */
@Tag("process")
class WorkOrderTriageFlowTest extends WorkOrderFlow {

  @Test
  void aFaultIsClassifiedAndDispatchedWithinItsDeadline() {
    ProcessInstance pi = receive("FAULT");
    assertThat(pi).isWaitingAt("Task_ClassifyWorkOrder").task().hasCandidateGroup("service-desk")
        .hasDueDate(Date.from(dispatchDue));
    assertThat(job(pi, "Timer_DispatchDeadline").getDuedate().toInstant()).isEqualTo(dispatchDue);

    complete(pi, "Task_ClassifyWorkOrder");
    assertThat(pi).hasPassed("ServiceTask_ApplyClassification").isWaitingAt("Task_DispatchWorkOrder")
        .task().hasCandidateGroup("service-desk");
    complete(pi, "Task_DispatchWorkOrder");
    assertThat(pi).hasPassed("ServiceTask_RecordDispatch", "EndEvent_TriageDispatched")
        .isWaitingAt("Task_HandleWorkOrder").task().hasCandidateGroup("ops-engineer")
        .hasDueDate(Date.from(recoveryDue));
    assertThat(job(pi, "Timer_DispatchDeadline")).as("dispatched: no escalation").isNull();
    assertThat(calls("escalateWorkOrder")).isZero();
  }

  @Test
  void aMissedDispatchDeadlineEscalatesOncePerLevelAndTriageGoesOn() {
    ProcessInstance pi = receive("FAULT");
    fire(pi, "Timer_DispatchDeadline");
    assertThat(calls("escalateWorkOrder")).isEqualTo(1);
    assertThat(pi).hasPassed("ServiceTask_EscalateDispatch").hasNotPassed("EndEvent_DispatchEscalated")
        .isWaitingAt("Task_ClassifyWorkOrder");
    assertThat(job(pi, "Timer_DispatchDeadline").getDuedate().toInstant())
        .isEqualTo(dispatchDue.plus(Duration.ofMinutes(30)));
    fire(pi, "Timer_DispatchDeadline");
    assertThat(calls("escalateWorkOrder")).isEqualTo(2);
    assertThat(job(pi, "Timer_DispatchDeadline")).as("each level once").isNull();
    assertThat(pi).hasPassed("EndEvent_DispatchEscalated");
    complete(pi, "Task_ClassifyWorkOrder");
    assertThat(pi).isWaitingAt("Task_DispatchWorkOrder");
  }

  @Test
  void aConsultationIsAnsweredAndClosedWhenTheUserAcceptsTheAnswer() {
    ProcessInstance pi = receive("CONSULTATION");
    complete(pi, "Task_ClassifyWorkOrder");
    assertThat(pi).isWaitingAt("Task_AnswerConsultation").task().hasCandidateGroup("service-desk");
    complete(pi, "Task_AnswerConsultation");
    assertThat(pi).hasPassed("ServiceTask_RecordConsultationAnswer", "EndEvent_TriageAnswered")
        .isWaitingAt("Task_ConfirmAnswer").task().hasCandidateGroup("unit-JTJ");
    complete(pi, "Task_ConfirmAnswer", ANSWER_DECISION, "ACCEPTED");
    assertThat(pi).isEnded().hasPassed("ServiceTask_CloseAnswered", "EndEvent_ConsultationClosed")
        .hasNotPassed("Task_DispatchWorkOrder", "SubProcess_Handling");
  }

  @Test
  void anAnswerNotConfirmedWithinThreeDaysIsClosedAsAccepted() {
    ProcessInstance pi = receive("CONSULTATION");
    complete(pi, "Task_ClassifyWorkOrder");
    complete(pi, "Task_AnswerConsultation");
    assertThat(job(pi, "Timer_AnswerConfirmTimeout").getDuedate().toInstant()).isEqualTo(now.plus(Duration.ofDays(3)));
    fire(pi, "Timer_AnswerConfirmTimeout");
    assertThat(pi).isEnded().hasPassed("ServiceTask_CloseAnswered", "EndEvent_ConsultationClosed");
  }

  @Test
  void aRejectedAnswerBecomesAServiceRequestThatIsTriagedAndDispatched() {
    ProcessInstance pi = receive("CONSULTATION");
    complete(pi, "Task_ClassifyWorkOrder");
    complete(pi, "Task_AnswerConsultation");
    complete(pi, "Task_ConfirmAnswer", ANSWER_DECISION, "REJECTED");
    assertThat(pi).hasPassed("ServiceTask_ConvertToServiceRequest").isWaitingAt("Task_ClassifyWorkOrder");
    assertThat(variable(pi, TYPE)).isEqualTo("SERVICE_REQUEST");
    complete(pi, "Task_ClassifyWorkOrder");
    assertThat(pi).isWaitingAt("Task_DispatchWorkOrder");
    complete(pi, "Task_DispatchWorkOrder");
    assertThat(pi).isWaitingAt("Task_HandleWorkOrder");
  }
}
