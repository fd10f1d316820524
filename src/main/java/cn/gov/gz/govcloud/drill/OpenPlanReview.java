package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.PlanVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Open a periodic review (P6 7.4.2.1.3): the review is recorded with its due date and the plan version under review,
 * and the owner and the ops managers are reminded to review the plan with the parties before it is due.
 */
@Component("openPlanReview")
public class OpenPlanReview extends ProcessStep {
  private final PlanService plans;
  private final PlanReviews reviews;
  private final PlanSummary summary;
  private final PlanNotices notices;

  OpenPlanReview(PlanService plans, PlanReviews reviews, PlanSummary summary, PlanNotices notices) {
    this.plans = plans;
    this.reviews = reviews;
    this.summary = summary;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String planNo = text(execution, PLAN_NO);
    ContingencyPlan plan = planNo == null ? null : plans.find(planNo).orElse(null);
    if (plan == null) {
      throw ValidationException.of(PLAN_NO, "应急预案不存在: " + planNo);
    }
    Instant due = execution.getVariable(REVIEW_DUE) instanceof Date d ? d.toInstant() : reviews.nextDue(plan);
    PlanReview review = reviews.open(plan, due, execution.getProcessInstanceId());
    execution.setVariable(REVIEW_ID, review.id());
    execution.setVariable(REVIEW_DUE, Date.from(due));
    execution.setVariable(PLAN_OWNER, plan.owner());
    String when = DrillReport.time(due);
    execution.setVariable(PLAN_SUMMARY, summary.of(plan, "定期评审，须在 " + when + " 前完成"));
    notices.send(plan, List.of(plan.owner()), List.of(Groups.OPS_MANAGER), "plan-review", "应急预案定期评审提醒",
        "请在 " + when + " 前组织相关方（使用单位、管理方、服务方）评审本预案及相关制度，并在待办中记录参加方和评审结论。");
  }
}
