package cn.gov.gz.govcloud.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.MockedProcessTest;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * processes/norm-review.bpmn and norm-review-schedule.bpmn on the in-memory engine, delegates mocked: a need returned;
 * opinions ended by the organiser and the review approved; opinions closed at their due date, the review returned
 * and approved after rework; the yearly timer reviewing each norm due.
 */
@Tag("process")
class NormReviewFlowTest extends MockedProcessTest {

  /** The model's {@code ${normPlan.due()}}. */
  public static class Plan {
    public List<String> due() {
      return List.of("GZ-AQ-01", "GZ-YY-02");
    }
  }

  /** The model's {@code ${governanceSettings.normReviewSchedule}}. */
  public static class Settings {
    public String getNormReviewSchedule() {
      return "0 0 9 15 1 ?";
    }
  }

  @Override
  protected List<String> resources() {
    return List.of("norm-review.bpmn", "norm-review-schedule.bpmn", "norm-review-start.form",
        "norm-review-confirm.form", "norm-review-opinions.form", "norm-review-record.form", "norm-review-approve.form");
  }

  @Override
  protected void deployAlso(DeploymentBuilder deployment) {
    Mocks.register("normPlan", new Plan());
    Mocks.register("governanceSettings", new Settings());
  }

  private ProcessInstance startConfirmed() {
    onDelegate("openNormReview", e -> e.setVariable("reviewId", 2L));
    onDelegate("recordNormReviewNeed", e -> {
      e.setVariable("needConfirmed", true);
      e.setVariable("opinionDue", Date.from(now.plusSeconds(10 * 86400)));
    });
    ProcessInstance pi = start("norm-review", "normCode", "GZ-AQ-01", "reviewReason", "年度评审");
    assertThat(pi).isWaitingAt("Task_ConfirmNeed").task().hasCandidateGroup("management");
    complete(pi, "Task_ConfirmNeed", "needDecision", "CONFIRMED");
    assertThat(pi).isWaitingAt("Task_CollectOpinions").task().hasCandidateGroup("ops-manager");
    assertThat(task(pi, "Task_CollectOpinions").getDueDate()).isEqualTo(Date.from(now.plusSeconds(10 * 86400)));
    return pi;
  }

  @Clause("P6 7.6.1.1")
  @Test
  void managementReturnsTheNeed() {
    onDelegate("recordNormReviewNeed", e -> e.setVariable("needConfirmed", false));
    ProcessInstance pi = start("norm-review", "normCode", "GZ-AQ-01");
    complete(pi, "Task_ConfirmNeed", "needDecision", "RETURNED", "needComment", "上月已修订");
    assertThat(pi).isEnded().hasPassed("EndEvent_NeedReturned").hasNotPassed("Task_CollectOpinions");
  }

  @Clause("P6 7.6.1.2")
  @Clause("P6 7.6.1.3")
  @Clause("P6 7.6.1.4")
  @Clause("P6 7.6.1.5")
  @Test
  void theOrganiserEndsTheOpinionsAndTheApprovedReviewIsPublishedAndFiled() {
    ProcessInstance pi = startConfirmed();
    complete(pi, "Task_CollectOpinions");
    assertThat(pi).isWaitingAt("Task_RecordReview").hasPassed("ServiceTask_CloseOpinions");
    complete(pi, "Task_RecordReview", "reviewOutcome", "REVISE");
    assertThat(pi).isWaitingAt("Task_ApproveReview").task().hasCandidateGroup("management");
    onDelegate("recordNormReviewApproval", e -> e.setVariable("reviewApproved", true));
    complete(pi, "Task_ApproveReview", "approvalDecision", "APPROVED");
    assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_SaveReview", "ServiceTask_RecordApproval",
        "ServiceTask_Publish", "ServiceTask_GenerateRecord", "EndEvent_Reviewed");
    assertThat(calls("publishNorm")).isEqualTo(1);
    assertThat(calls("generateNormReviewRecord")).isEqualTo(1);
  }

  @Clause("P6 7.6.1.2")
  @Clause("P6 7.6.1.3")
  @Test
  void theOpinionsCloseAtTheDueDateAndAReturnedReviewIsReworked() {
    ProcessInstance pi = startConfirmed();
    fire(pi, "Timer_OpinionsClosed");
    assertThat(pi).isWaitingAt("Task_RecordReview").hasPassed("Timer_OpinionsClosed");
    complete(pi, "Task_RecordReview", "reviewOutcome", "KEEP");
    boolean[] approve = {false};
    onDelegate("recordNormReviewApproval", e -> e.setVariable("reviewApproved", approve[0]));
    complete(pi, "Task_ApproveReview", "approvalDecision", "RETURNED", "approvalComment", "补充监理方意见");
    assertThat(pi).isWaitingAt("Task_RecordReview").hasNotPassed("ServiceTask_Publish");
    approve[0] = true;
    complete(pi, "Task_RecordReview", "reviewOutcome", "KEEP");
    complete(pi, "Task_ApproveReview", "approvalDecision", "APPROVED");
    assertThat(pi).isEnded().hasPassed("EndEvent_Reviewed");
    assertThat(calls("recordNormReview")).isEqualTo(2);
  }

  @Clause("P6 7.6.1.6")
  @Clause("P6 7.4.1.2")
  @Test
  void theYearlyTimerReviewsEachNormDue() {
    Job timer = engine.getManagementService().createJobQuery().activityId("StartEvent_Yearly").singleResult();
    assertThat(timer).isNotNull();
    onDelegate("openNormReview", e -> e.setVariable("reviewId", 3L));
    setClock(timer.getDuedate().toInstant().plusSeconds(1));
    engine.getManagementService().executeJob(timer.getId());
    List<ProcessInstance> reviews = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("norm-review").list();
    assertThat(reviews).hasSize(2);
    assertThat(reviews).extracting(r -> engine.getRuntimeService().getVariable(r.getId(), "normCode"))
        .containsExactlyInAnyOrder("GZ-AQ-01", "GZ-YY-02");
    assertThat(reviews.get(0)).isWaitingAt("Task_ConfirmNeed");
  }
}
