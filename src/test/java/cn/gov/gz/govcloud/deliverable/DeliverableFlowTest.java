package cn.gov.gz.govcloud.deliverable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.MockedProcessTest;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * processes/deliverable-approval.bpmn and processes/service-summary-report.bpmn on the in-memory engine, delegates
 * mocked: an upload is approved (with the reminder while it waits), returned and resubmitted, or returned and
 * withdrawn; the summary report is confirmed, or returned and reviewed again.
 */
@Tag("process")
class DeliverableFlowTest extends MockedProcessTest {

  @Override
  protected List<String> resources() {
    return List.of("deliverable-approval.bpmn", "service-summary-report.bpmn", "deliverable-approve.form",
        "deliverable-resubmit.form", "service-summary-start.form", "service-summary-review.form",
        "service-summary-confirm.form");
  }

  private ProcessInstance upload() {
    onDelegate("registerDeliverableSubmission", e -> {
      e.setVariable("approvalDue", Date.from(now.plusSeconds(5 * 86400)));
      e.setVariable("approvalRemindAfter", "P3D");
    });
    onDelegate("recordDeliverableDecision", e -> {
      boolean approved = "APPROVE".equals(e.getVariable("approvalDecision"));
      e.setVariable("approved", approved);
      if (!approved) {
        e.setVariable("correctionDue", Date.from(now.plusSeconds(10 * 86400)));
      }
    });
    onDelegate("recordDeliverableResubmission", e -> e.setVariable("resubmitted",
        "RESUBMIT".equals(e.getVariable("resubmitAction"))));
    return start("deliverable-approval", "documentId", 11L, "itemNo", 1, "uploadedBy", "manager1");
  }

  @Clause("P3 5.5.2.1")
  @Clause("P3 6.3.2")
  @Clause("P6 7.6.2.5")
  @Test
  void anUploadWaitsForManagementIsRemindedAndApproved() {
    ProcessInstance pi = upload();
    assertThat(pi).isWaitingAt("Task_ApproveDocument").hasPassed("StartEvent_DocumentUploaded",
        "ServiceTask_RegisterSubmission");
    assertThat(pi).task().hasCandidateGroup("management").hasDueDate(Date.from(now.plusSeconds(5 * 86400)));
    Job reminder = job(pi, "Timer_ApprovalReminder");
    assertThat(reminder.getDuedate()).isEqualTo(Date.from(now.plusSeconds(3 * 86400)));
    fire(pi, "Timer_ApprovalReminder");
    assertThat(calls("remindDeliverableApproval")).isEqualTo(1);
    assertThat(pi).isWaitingAt("Task_ApproveDocument").hasPassed("EndEvent_ReminderSent");

    complete(pi, "Task_ApproveDocument", "approvalDecision", "APPROVE");
    assertThat(pi).isEnded().hasPassed("ServiceTask_RecordDecision", "EndEvent_DocumentApproved")
        .hasNotPassed("Task_ResubmitDocument");
    assertThat(calls("recordDeliverableDecision")).isEqualTo(1);
  }

  @Clause("P6 7.6.2.6")
  @Test
  void aReturnedDocumentIsResubmittedAndApprovedTheSecondTime() {
    ProcessInstance pi = upload();
    complete(pi, "Task_ApproveDocument", "approvalDecision", "RETURN", "approvalReason", "缺少签字页");
    assertThat(pi).isWaitingAt("Task_ResubmitDocument");
    assertThat(job(pi, "Timer_ApprovalReminder")).as("the reminder ends with its task").isNull();
    List<IdentityLink> links = engine.getTaskService().getIdentityLinksForTask(task(pi, "Task_ResubmitDocument")
        .getId());
    assertThat(links).extracting(l -> l.getUserId() == null ? l.getGroupId() : l.getUserId())
        .contains("manager1", "ops-manager");
    assertThat(pi).task().hasDueDate(Date.from(now.plusSeconds(10 * 86400)));

    complete(pi, "Task_ResubmitDocument", "resubmitAction", "RESUBMIT");
    assertThat(pi).isWaitingAt("Task_ApproveDocument");
    complete(pi, "Task_ApproveDocument", "approvalDecision", "APPROVE");
    assertThat(pi).isEnded().hasPassed("EndEvent_DocumentApproved");
    assertThat(calls("recordDeliverableDecision")).isEqualTo(2);
    assertThat(calls("recordDeliverableResubmission")).isEqualTo(1);
  }

  @Clause("P6 7.6.2.6")
  @Test
  void aReturnedDocumentIsWithdrawn() {
    ProcessInstance pi = upload();
    complete(pi, "Task_ApproveDocument", "approvalDecision", "RETURN", "approvalReason", "不属于本项");
    complete(pi, "Task_ResubmitDocument", "resubmitAction", "WITHDRAW", "resubmitReason", "改为第 5 项提交");
    assertThat(pi).isEnded().hasPassed("ServiceTask_RecordResubmission", "EndEvent_SubmissionWithdrawn")
        .hasNotPassed("EndEvent_DocumentApproved");
  }

  private ProcessInstance summary() {
    onDelegate("generateServiceSummary", e -> e.setVariable("reviewDue", Date.from(now.plusSeconds(5 * 86400))));
    onDelegate("fileServiceSummary", e -> e.setVariable("approvalDue", Date.from(now.plusSeconds(5 * 86400))));
    onDelegate("recordServiceSummaryDecision", e -> e.setVariable("summaryConfirmed",
        "CONFIRM".equals(e.getVariable("summaryDecision"))));
    return start("service-summary-report", "periodFrom", "2026-01-01", "periodTo", "2026-12-31");
  }

  @Clause("P3 5.5.2.3")
  @Test
  void theSummaryIsDraftedReviewedByTheProviderAndConfirmedByManagement() {
    ProcessInstance pi = summary();
    assertThat(pi).isWaitingAt("Task_ReviewSummary").task().hasCandidateGroup("ops-manager");
    complete(pi, "Task_ReviewSummary", "commentary", "全年服务平稳");
    assertThat(pi).isWaitingAt("Task_ConfirmSummary").task().hasCandidateGroup("management");
    complete(pi, "Task_ConfirmSummary", "summaryDecision", "CONFIRM");
    assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_GenerateSummary", "Task_ReviewSummary",
        "ServiceTask_FileSummary", "Task_ConfirmSummary", "ServiceTask_RecordSummaryDecision",
        "EndEvent_SummaryConfirmed");
  }

  @Clause("P3 5.5.2.3")
  @Test
  void aReturnedSummaryGoesBackToTheProvidersReview() {
    ProcessInstance pi = summary();
    complete(pi, "Task_ReviewSummary", "commentary", "初稿总结");
    complete(pi, "Task_ConfirmSummary", "summaryDecision", "RETURN", "summaryReason", "补充安全事件分析");
    assertThat(pi).isWaitingAt("Task_ReviewSummary");
    complete(pi, "Task_ReviewSummary", "commentary", "已补充安全事件分析");
    complete(pi, "Task_ConfirmSummary", "summaryDecision", "CONFIRM");
    assertThat(pi).isEnded();
    assertThat(calls("fileServiceSummary")).isEqualTo(2);
    assertThat(calls("recordServiceSummaryDecision")).isEqualTo(2);
  }
}
