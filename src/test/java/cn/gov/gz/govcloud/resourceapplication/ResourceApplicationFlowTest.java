package cn.gov.gz.govcloud.resourceapplication;

import static cn.gov.gz.govcloud.resourceapplication.ApplicationVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gov.gz.govcloud.support.MockedProcessTest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * processes/resource-application-review.bpmn on the in-memory engine with every delegate mocked: every path through
 * check, correction, technical review, approval, delivery and receipt, and its three timers (correction reminder and
 * deadline, delivery due), time moved with the engine clock. What the delegates write: ResourceApplicationProcessTest.
 */
@Tag("process")
class ResourceApplicationFlowTest extends MockedProcessTest {

  static final Duration DAY = Duration.ofDays(1);

  @Override
  protected List<String> resources() {
    return List.of("resource-application-review.bpmn", "resource-application-start.form",
        "resource-application-correct.form", "resource-application-review.form",
        "resource-application-approve.form", "resource-application-deliver.form",
        "resource-application-receipt.form");
  }

  /** Problems the check finds, one number per check; none once the list is used up. */
  final Deque<Integer> problems = new ArrayDeque<>();
  final List<String> stages = new ArrayList<>();

  @BeforeEach
  void delegatesThatSetWhatTheModelReads() {
    onDelegate("registerApplication", e -> {
      e.setVariable(APPLICATION_ID, 11L);
      e.setVariable(APPLICANT_GROUP, "unit-JTJ");
    });
    onDelegate("checkApplication", e -> {
      int n = problems.isEmpty() ? 0 : problems.pop();
      e.setVariable(PROBLEM_COUNT, n);
      if (n == 0) {
        e.setVariable(REVIEW_DUE, Date.from(now.plus(DAY.multipliedBy(3))));
      } else {
        e.setVariable(CORRECTION_REMINDER_AT, Date.from(now.plus(DAY.multipliedBy(3))));
        e.setVariable(CORRECTION_DUE, Date.from(now.plus(DAY.multipliedBy(5))));
      }
    });
    onDelegate("recordDecision", e -> {
      stages.add((String) e.getVariable(DECISION_STAGE));
      e.setVariable(APPROVAL_DUE, Date.from(now.plus(DAY.multipliedBy(3))));
      e.setVariable(DELIVERY_DUE, Date.from(now.plus(DAY.multipliedBy(5))));
      e.setVariable(CORRECTION_REMINDER_AT, Date.from(now.plus(DAY.multipliedBy(3))));
      e.setVariable(CORRECTION_DUE, Date.from(now.plus(DAY.multipliedBy(5))));
    });
  }

  ProcessInstance apply() {
    return start(PROCESS_KEY, UNIT_CODE, "JTJ", PURPOSE, "新建业务系统", URGENCY, "NORMAL");
  }

  ProcessInstance approvedForDelivery() {
    ProcessInstance pi = apply();
    complete(pi, "Task_TechnicalReview", REVIEW_DECISION, "APPROVE");
    complete(pi, "Task_ManagementApproval", APPROVAL_DECISION, "APPROVE");
    return pi;
  }

  @Test
  void aCompleteApplicationIsReviewedApprovedDeliveredReceivedAndEntered() {
    ProcessInstance pi = apply();
    assertThat(pi).isWaitingAt("Task_TechnicalReview").hasNotPassed("Task_CorrectApplication");
    assertThat(pi).task().hasCandidateGroup("ops-engineer").hasDueDate(Date.from(now.plus(DAY.multipliedBy(3))));

    complete(pi, "Task_TechnicalReview", REVIEW_DECISION, "APPROVE");
    assertThat(pi).isWaitingAt("Task_ManagementApproval").task().hasCandidateGroup("management");
    complete(pi, "Task_ManagementApproval", APPROVAL_DECISION, "APPROVE");
    assertThat(stages).containsExactly("REVIEW", "APPROVAL");

    assertThat(pi).isWaitingAt("Task_DeliverResources").task().hasCandidateGroup("ops-operator")
        .hasDueDate(Date.from(now.plus(DAY.multipliedBy(5))));
    complete(pi, "Task_DeliverResources");
    assertThat(pi).isWaitingAt("Task_ConfirmReceipt").task().hasCandidateGroup("unit-JTJ");
    complete(pi, "Task_ConfirmReceipt", RECEIPT_DECISION, "CONFIRMED");
    assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_RecordDelivery", "ServiceTask_CreateLedgerEntries",
        "EndEvent_Delivered");
    assertThat(calls("createLedgerEntries")).isEqualTo(1);
  }

  @Test
  void problemsFoundGoToTheApplicantAndTheCorrectionIsCheckedAgain() {
    problems.add(2);
    ProcessInstance pi = apply();
    assertThat(pi).isWaitingAt("Task_CorrectApplication");
    assertThat(job(pi, "Timer_CorrectionReminder").getDuedate()).isEqualTo(Date.from(now.plus(DAY.multipliedBy(3))));
    assertThat(job(pi, "Timer_CorrectionDeadline").getDuedate()).isEqualTo(Date.from(now.plus(DAY.multipliedBy(5))));
    assertThat(pi).task().hasCandidateGroup("unit-JTJ").hasDueDate(Date.from(now.plus(DAY.multipliedBy(5))));
    complete(pi, "Task_CorrectApplication");
    assertThat(calls("applyCorrection")).isEqualTo(1);
    assertThat(calls("checkApplication")).isEqualTo(2);
    assertThat(pi).isWaitingAt("Task_TechnicalReview");
    assertThat(job(pi, "Timer_CorrectionDeadline")).isNull();
  }

  @Test
  void theApplicantIsRemindedOnceAndTheCorrectionTaskStays() {
    problems.add(1);
    ProcessInstance pi = apply();
    fire(pi, "Timer_CorrectionReminder");
    assertThat(calls("remindCorrection")).isEqualTo(1);
    assertThat(pi).hasPassed("EndEvent_CorrectionReminded").isWaitingAt("Task_CorrectApplication");
    assertThat(job(pi, "Timer_CorrectionReminder")).isNull();
  }

  @Test
  void noCorrectionByTheDeadlineWithdrawsTheApplication() {
    problems.add(1);
    ProcessInstance pi = apply();
    fire(pi, "Timer_CorrectionDeadline");
    assertThat(pi).isEnded().hasPassed("ServiceTask_WithdrawApplication", "EndEvent_Withdrawn")
        .hasNotPassed("ServiceTask_ApplyCorrection");
    assertThat(calls("remindCorrection")).as("the reminder went with the task").isZero();
  }

  @Test
  void aReviewRejectionEndsTheApplication() {
    ProcessInstance pi = apply();
    complete(pi, "Task_TechnicalReview", REVIEW_DECISION, "REJECT", REVIEW_COMMENT, "不符合上云要求");
    assertThat(pi).isEnded().hasPassed("ServiceTask_RejectApplication", "EndEvent_Rejected")
        .hasNotPassed("Task_ManagementApproval");
  }

  @Test
  void aReviewSendBackGoesToCorrection() {
    ProcessInstance pi = apply();
    complete(pi, "Task_TechnicalReview", REVIEW_DECISION, "SEND_BACK", REVIEW_COMMENT, "请补充容量测算");
    assertThat(pi).isWaitingAt("Task_CorrectApplication");
    complete(pi, "Task_CorrectApplication");
    assertThat(pi).isWaitingAt("Task_TechnicalReview");
  }

  @Test
  void anApprovalRejectionEndsTheApplication() {
    ProcessInstance pi = apply();
    complete(pi, "Task_TechnicalReview", REVIEW_DECISION, "APPROVE");
    complete(pi, "Task_ManagementApproval", APPROVAL_DECISION, "REJECT", APPROVAL_COMMENT, "预算不足");
    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("Task_DeliverResources");
  }

  @Test
  void anApprovalSendBackGoesToCorrectionAndThroughReviewAgain() {
    ProcessInstance pi = apply();
    complete(pi, "Task_TechnicalReview", REVIEW_DECISION, "APPROVE");
    complete(pi, "Task_ManagementApproval", APPROVAL_DECISION, "SEND_BACK", APPROVAL_COMMENT, "请说明用途");
    assertThat(pi).isWaitingAt("Task_CorrectApplication");
    complete(pi, "Task_CorrectApplication");
    assertThat(pi).isWaitingAt("Task_TechnicalReview");
  }

  @Test
  void aLateDeliveryIsRemindedAndTheTaskStays() {
    ProcessInstance pi = approvedForDelivery();
    fire(pi, "Timer_DeliveryDue");
    assertThat(calls("remindDelivery")).isEqualTo(1);
    assertThat(pi).hasPassed("EndEvent_DeliveryReminded").isWaitingAt("Task_DeliverResources");
  }

  @Test
  void aProblemWithTheReceiptGoesBackToDelivery() {
    ProcessInstance pi = approvedForDelivery();
    complete(pi, "Task_DeliverResources");
    complete(pi, "Task_ConfirmReceipt", RECEIPT_DECISION, "PROBLEM", RECEIPT_COMMENT, "缺少一台云主机");
    assertThat(pi).isWaitingAt("Task_DeliverResources");
    complete(pi, "Task_DeliverResources");
    complete(pi, "Task_ConfirmReceipt", RECEIPT_DECISION, "CONFIRMED");
    assertThat(pi).isEnded().hasPassed("EndEvent_Delivered");
    assertThat(calls("recordDelivery")).isEqualTo(2);
  }
}
