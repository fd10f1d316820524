package cn.gov.gz.govcloud.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.notification.NotificationService;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.ProcessTest;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The periodic review of the contingency plans with the parties (P6 7.4.2.1.3) through the real models
 * contingency-plan-review-schedule.bpmn, contingency-plan-review.bpmn and contingency-plan-revision.bpmn, the engine
 * clock moved a year on: the daily check opens one review per plan due (the reminder), a review not held by its date
 * is reminded again, and its result is recorded — no change, or a revision whose new version the review records.
 */
class PlanReviewProcessTest extends ProcessTest {

  @Autowired
  PlanService plans;

  @Autowired
  PlanReviews reviews;

  @Autowired
  NotificationService notifications;

  ContingencyPlan plan() {
    return plans.create(new PlanInput("评审测试预案 " + System.nanoTime() % 100_000_000, "GENERAL",
        "JTJ-OA", "manager1", null, "测试范围", "测试风险评估", null, null, null, "1. 接报；2. 处置；3. 恢复", null,
        List.of(), null, null, null), "manager1");
  }

  Instant dueOf(ContingencyPlan plan) {
    return plan.createdAt().atZone(WorkingCalendar.CHINA).plus(Period.ofYears(1)).toInstant();
  }

  /** The daily check, run as the job executor would. */
  void dailyCheck() {
    Job check = processEngine.getManagementService().createJobQuery()
        .processDefinitionKey("contingency-plan-review-schedule").timers().singleResult();
    assertThat(check).as("the daily timer of contingency-plan-review-schedule").isNotNull();
    processEngine.getManagementService().executeJob(check.getId());
  }

  List<ProcessInstance> reviewsOf(ContingencyPlan plan) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("contingency-plan-review")
        .processInstanceBusinessKey(plan.planNo()).list();
  }

  Task task(ProcessInstance pi, String key) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  List<String> subjects(String user, ContingencyPlan plan) {
    return notifications.search(user, null, plan.planNo(), 100).stream().map(n -> n.subject()).toList();
  }

  /** The check opened the plan's review 29 days before it is due: one review task, the owner reminded. */
  ProcessInstance reviewOpened(ContingencyPlan plan) {
    setClock(dueOf(plan).minus(Duration.ofDays(31)));
    dailyCheck();
    assertThat(reviewsOf(plan)).as("not yet within the 30 days' lead").isEmpty();
    setClock(dueOf(plan).minus(Duration.ofDays(29)));
    dailyCheck();
    List<ProcessInstance> opened = reviewsOf(plan);
    assertThat(opened).hasSize(1);
    ProcessInstance pi = opened.get(0);
    assertThat(pi).isWaitingAt("Task_ReviewPlan");
    Task t = task(pi, "Task_ReviewPlan");
    assertThat(t.getAssignee()).isEqualTo("manager1");
    assertThat(t.getDueDate().toInstant()).isEqualTo(dueOf(plan));
    assertThat(subjects("manager1", plan)).anyMatch(s -> s.contains("定期评审提醒"));
    dailyCheck();
    assertThat(reviewsOf(plan)).as("one review of a plan at a time").hasSize(1);
    return pi;
  }

  @Clause("P6 7.4.2.1.3")
  @Test
  void aPlanDueForReviewGetsOneReviewTaskARemindersAndItsNoChangeConclusionIsRecorded() {
    ContingencyPlan plan = plan();
    ProcessInstance pi = reviewOpened(plan);

    fire(pi, "Timer_ReviewOverdue");
    assertThat(subjects("mgmt1", plan)).anyMatch(s -> s.contains("评审已逾期"));
    assertThat(pi).hasPassed("ServiceTask_RemindPlanReviewOverdue").isWaitingAt("Task_ReviewPlan");

    Task t = task(pi, "Task_ReviewPlan");
    assertThatThrownBy(() -> processEngine.getTaskService().complete(t.getId(), map("reviewResult", "NO_CHANGE")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("reviewParticipants")
        .hasMessageContaining("reviewReason");
    processEngine.getTaskService().complete(t.getId(), map("reviewParticipants", "交通运输局 张三；管理方 李四；服务方 王五",
        "reviewResult", "NO_CHANGE", "reviewReason", "预案与现行组织和系统一致"));
    assertThat(pi).isEnded().hasPassed("ServiceTask_RecordPlanReview", "EndEvent_PlanConfirmed")
        .hasNotPassed("CallActivity_RevisePlanAfterReview");

    PlanReview review = reviews.of(plan.id()).get(0);
    assertThat(review.result()).isEqualTo("NO_CHANGE");
    assertThat(review.participants()).contains("交通运输局");
    assertThat(review.reviewedAt()).isEqualTo(now);
    assertThat(review.dueAt()).isEqualTo(dueOf(plan));
    assertThat(reviews.nextDue(plans.get(plan.id()))).as("the next review a year after this one")
        .isEqualTo(now.atZone(WorkingCalendar.CHINA).plus(Period.ofYears(1)).toInstant());
    assertThat(plans.get(plan.id()).currentVersion()).isEqualTo(1);
    assertThat(get("manager1", "/api/plans/" + plan.planNo()).getBody()).as("the review is on the plan's record")
        .contains("\"reviews\"", "交通运输局 张三", "NO_CHANGE", "\"nextReviewDue\"");
  }

  @Clause("P6 7.4.2.1.3")
  @Test
  void aReviewThatRevisesThePlanHasTheOwnerReviseItAndRecordsTheNewVersion() {
    ContingencyPlan plan = plan();
    ProcessInstance pi = reviewOpened(plan);
    processEngine.getTaskService().complete(task(pi, "Task_ReviewPlan").getId(), map("reviewParticipants",
        "使用单位、管理方、服务方", "reviewResult", "REVISE", "reviewReason", "联络人变更，恢复措施需补充"));
    assertThat(pi).isWaitingAt("CallActivity_RevisePlanAfterReview");
    ProcessInstance revision = processEngine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(pi.getId()).singleResult();
    assertThat(revision).isWaitingAt("Task_RevisePlanContent");
    assertThat((String) processEngine.getRuntimeService().getVariable(revision.getId(), "changeReason"))
        .contains("定期评审", "联络人变更");
    processEngine.getTaskService().complete(task(revision, "Task_RevisePlanContent").getId(),
        map("recoveryMeasures", "按备份恢复，恢复后由使用单位联络人确认", "changeReason", "定期评审：补充恢复确认"));
    assertThat(revision).isEnded().hasPassed("EndEvent_PlanRevised");
    assertThat(pi).isEnded().hasPassed("EndEvent_PlanRevisedAfterReview");

    ContingencyPlan after = plans.get(plan.id());
    assertThat(after.currentVersion()).isEqualTo(2);
    ContingencyPlan.Version v2 = plans.currentVersion(plan.id());
    assertThat(v2.recoveryMeasures()).contains("使用单位联络人确认");
    assertThat(v2.responseProcedure()).as("unchanged content stays").isEqualTo("1. 接报；2. 处置；3. 恢复");
    assertThat(v2.emergencyNo()).isNull();
    PlanReview review = reviews.of(plan.id()).get(0);
    assertThat(review.result()).isEqualTo("REVISE");
    assertThat(review.newVersion()).isEqualTo(2);
  }
}
