package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.PlanVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The revised plan becomes a new version (P6 7.4.2.1.3, 7.4.2.3.7): its reason names the emergency that caused it
 * (the version is linked to the case) or the periodic review; the review records the version it produced.
 */
@Component("recordContingencyPlanVersion")
public class RecordContingencyPlanVersion extends ProcessStep {
  private final PlanService plans;
  private final PlanReviews reviews;
  private final PlanNotices notices;

  RecordContingencyPlanVersion(PlanService plans, PlanReviews reviews, PlanNotices notices) {
    this.plans = plans;
    this.reviews = reviews;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String planNo = text(execution, PLAN_NO);
    String emergencyNo = text(execution, EMERGENCY_NO);
    String reason = text(execution, CHANGE_REASON);
    if (reason == null) {
      throw ValidationException.of(CHANGE_REASON, "请说明修订原因");
    }
    if (emergencyNo != null && !reason.contains(emergencyNo)) {
      reason = "应急事件 " + emergencyNo + "：" + reason;
    }
    int version = plans.revise(planNo, new PlanInput(null, null, null, null, null, null, null, null, null, null,
        text(execution, RESPONSE_PROCEDURE), text(execution, RECOVERY_MEASURES), null, reason, null, emergencyNo),
        actor(execution)).version();
    if (execution.getVariable(REVIEW_ID) instanceof Number reviewId) {
      reviews.revised(reviewId.longValue(), version);
    }
    execution.setVariable(NEW_PLAN_VERSION, version);
    ContingencyPlan plan = plans.get(planNo);
    notices.send(plan, List.of(plan.owner()), List.of(Groups.OPS_MANAGER), "plan-revised",
        "应急预案已修订为第 " + version + " 版", "修订原因：" + reason);
  }
}
