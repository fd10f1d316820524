package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import cn.gov.gz.govcloud.support.MockedProcessTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;

/**
 * processes/work-order.bpmn on the in-memory engine with every delegate mocked (base of the work-order flow tests).
 * The mocked register step writes what the real one and {@code WorkOrderClocks} write: the groups, the confirm and
 * survey periods, the deadlines and the escalation and feedback cycles. The emergency the model calls is a stand-in
 * with one task, so these tests stay on the work order's own flow.
 */
abstract class WorkOrderFlow extends MockedProcessTest {

  /** The called process key, as work-order.bpmn names it in its call activity. */
  static final String CALLED_EMERGENCY = "emergency-response";
  static final String EMERGENCY_STAND_IN_TASK = "Task_EmergencyStandIn";

  Instant dispatchDue;
  Instant recoveryDue;

  @Override
  protected List<String> resources() {
    return List.of("work-order.bpmn", "work-order-start.form", "work-order-classify.form",
        "work-order-answer.form", "work-order-confirm-answer.form", "work-order-dispatch.form",
        "work-order-handle.form", "work-order-provide-info.form", "work-order-confirm.form",
        "work-order-survey.form", "work-order-follow-up.form");
  }

  @Override
  protected void deployAlso(DeploymentBuilder deployment) {
    deployment.addModelInstance("emergency-stand-in.bpmn", Bpmn.createExecutableProcess(CALLED_EMERGENCY)
        .camundaHistoryTimeToLive(1).startEvent().userTask(EMERGENCY_STAND_IN_TASK).endEvent().done());
  }

  @BeforeEach
  void delegatesThatSetWhatTheModelReads() {
    onDelegate("registerWorkOrder", e -> {
      dispatchDue = now.plus(Duration.ofMinutes(30));
      recoveryDue = now.plus(Duration.ofHours(4));
      e.setVariable(WORK_ORDER_ID, 3L);
      e.setVariable(WORK_ORDER_NO, "GD-2026-0003");
      e.setVariable(CONFIRM_GROUP, "unit-JTJ");
      e.setVariable(CONFIRM_WITHIN, "P3D");
      e.setVariable(SURVEY_REMINDER_AFTER, "P1D");
      e.setVariable(SURVEY_CLOSE_AFTER, "P7D");
      e.setVariable(LOW_SCORE, 2);
      e.setVariable(DISPATCH_GROUP, "service-desk");
      e.setVariable(DISPATCH_DUE, Date.from(dispatchDue));
      e.setVariable(RECOVERY_DUE, Date.from(recoveryDue));
      e.setVariable(DISPATCH_ESCALATIONS, 0);
      e.setVariable(RECOVERY_ESCALATIONS, 0);
    });
    // as the real escalation step: one level more of the kind the task names
    onDelegate("escalateWorkOrder", e -> {
      String counter = "DISPATCH".equals(e.getVariable(ESCALATION_KIND)) ? DISPATCH_ESCALATIONS : RECOVERY_ESCALATIONS;
      e.setVariable(counter, ((Number) e.getVariable(counter)).intValue() + 1);
    });
    // the clocks the timers ask: feedback every hour, two escalation levels 30 min apart from the deadline
    WorkOrderClocks clocks = org.mockito.Mockito.mock(WorkOrderClocks.class);
    org.mockito.Mockito.when(clocks.nextFeedbackAt(org.mockito.ArgumentMatchers.any()))
        .thenAnswer(i -> Date.from(now.plus(Duration.ofHours(1))));
    org.mockito.Mockito.when(clocks.nextEscalationAt(org.mockito.ArgumentMatchers.any(),
        org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any())).thenAnswer(i -> {
          Instant deadline = "DISPATCH".equals(i.getArgument(1)) ? dispatchDue : recoveryDue;
          Instant due = deadline.plus(Duration.ofMinutes(30).multipliedBy(((Number) i.getArgument(2)).intValue()));
          return Date.from(due.isAfter(now) ? due : now.plusSeconds(1));
        });
    org.mockito.Mockito.when(clocks.moreEscalations(org.mockito.ArgumentMatchers.any()))
        .thenAnswer(i -> ((Number) i.getArgument(0)).intValue() < 2);
    org.camunda.bpm.engine.test.mock.Mocks.register("workOrderClocks", clocks);
    onDelegate("recordDispatch", e -> e.setVariable(HANDLER_GROUP, "ops-engineer"));
    onDelegate("convertToServiceRequest", e -> e.setVariable(TYPE, "SERVICE_REQUEST"));
  }

  ProcessInstance receive(String type) {
    return start(PROCESS_KEY, TYPE, type, TITLE, "OA 系统登录缓慢", UNIT_CODE, "JTJ");
  }

  /** A fault classified and dispatched: waiting in handling. */
  ProcessInstance dispatchedFault() {
    ProcessInstance pi = receive("FAULT");
    complete(pi, "Task_ClassifyWorkOrder");
    complete(pi, "Task_DispatchWorkOrder");
    return pi;
  }

  /** A fault handled and resolved: waiting for the user's confirmation. */
  ProcessInstance resolvedFault() {
    ProcessInstance pi = dispatchedFault();
    complete(pi, "Task_HandleWorkOrder", HANDLING_OUTCOME, "RESOLVED");
    return pi;
  }
}
