package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.PlanVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The review is past due and not held (P6 7.4.2.1.3): the owner, the ops managers and management are told. */
@Component("remindPlanReviewOverdue")
public class RemindPlanReviewOverdue extends ProcessStep {
  private final PlanService plans;
  private final PlanNotices notices;

  RemindPlanReviewOverdue(PlanService plans, PlanNotices notices) {
    this.plans = plans;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    ContingencyPlan plan = plans.get(text(execution, PLAN_NO));
    notices.send(plan, List.of(plan.owner()), List.of(Groups.OPS_MANAGER, Groups.MANAGEMENT), "plan-review-overdue",
        "应急预案定期评审已逾期", "本预案的定期评审已超过期限仍未完成，请尽快组织相关方评审。");
  }
}
