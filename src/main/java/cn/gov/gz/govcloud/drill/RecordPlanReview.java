package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.PlanVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Record the periodic review (P6 7.4.2.1.3): who took part, the conclusion (no change, or revise), and why; a
 * revision goes on to the plan owner with the reason as its proposal.
 */
@Component("recordPlanReview")
public class RecordPlanReview extends ProcessStep {
  private final PlanService plans;
  private final PlanReviews reviews;
  private final PlanNotices notices;

  RecordPlanReview(PlanService plans, PlanReviews reviews, PlanNotices notices) {
    this.plans = plans;
    this.reviews = reviews;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String participants = text(execution, REVIEW_PARTICIPANTS);
    String result = text(execution, REVIEW_RESULT);
    String reason = text(execution, REVIEW_REASON);
    List<FieldError> errors = new ArrayList<>();
    if (participants == null) {
      errors.add(new FieldError(null, REVIEW_PARTICIPANTS, "请填写参加评审的相关方"));
    } else if (participants.length() > 1000) {
      errors.add(new FieldError(null, REVIEW_PARTICIPANTS, "最长 1000 字"));
    }
    result = result == null ? null : result.toUpperCase(Locale.ROOT);
    if (!"NO_CHANGE".equals(result) && !"REVISE".equals(result)) {
      errors.add(new FieldError(null, REVIEW_RESULT, "请选择评审结论：无需修订或修订预案"));
    }
    if (reason == null) {
      errors.add(new FieldError(null, REVIEW_REASON, "请说明评审意见（无需修订的理由或修订要点）"));
    } else if (reason.length() > 4000) {
      errors.add(new FieldError(null, REVIEW_REASON, "最长 4000 字"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    long id = ((Number) execution.getVariable(REVIEW_ID)).longValue();
    reviews.record(id, actor(execution), participants, result, reason);
    execution.setVariable(REVIEW_RESULT, result);
    ContingencyPlan plan = plans.get(text(execution, PLAN_NO));
    if ("REVISE".equals(result)) {
      execution.setVariable(REVISION_PROPOSAL, reason);
    }
    notices.send(plan, List.of(plan.owner()), List.of(Groups.OPS_MANAGER), "plan-reviewed",
        "应急预案定期评审已完成", "参加方：" + participants + "\n结论：" + ("REVISE".equals(result) ? "修订预案" : "无需修订")
            + "\n意见：" + reason);
  }
}
