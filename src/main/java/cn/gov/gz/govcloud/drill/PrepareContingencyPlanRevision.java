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
 * Revise a plan (P6 7.4.2.3.7, 7.4.2.1.3): the plan asked for (by an emergency's improvement step or a periodic
 * review) goes to its owner with its current procedure and recovery measures to edit and the proposal as the reason.
 */
@Component("prepareContingencyPlanRevision")
public class PrepareContingencyPlanRevision extends ProcessStep {
  private final PlanService plans;
  private final PlanSummary summary;
  private final PlanNotices notices;

  PrepareContingencyPlanRevision(PlanService plans, PlanSummary summary, PlanNotices notices) {
    this.plans = plans;
    this.summary = summary;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String planNo = text(execution, PLAN_NO);
    if (planNo == null) {
      throw ValidationException.of(PLAN_NO, "请指定要修订的应急预案");
    }
    ContingencyPlan plan = plans.find(planNo).orElseThrow(() -> ValidationException.of(PLAN_NO,
        "应急预案不存在: " + planNo));
    String emergencyNo = text(execution, EMERGENCY_NO);
    String proposal = text(execution, REVISION_PROPOSAL);
    String why = (emergencyNo != null ? "应急事件 " + emergencyNo + " 处置后评审提出修订"
        : execution.getVariable(REVIEW_ID) != null ? "定期评审提出修订" : "修订")
        + (proposal == null ? "" : "：" + proposal);
    ContingencyPlan.Version current = plans.currentVersion(plan.id());
    execution.setVariable(PLAN_OWNER, plan.owner());
    execution.setVariable(PLAN_SUMMARY, summary.of(plan, why));
    execution.setVariable(RESPONSE_PROCEDURE, current.responseProcedure());
    execution.setVariable(RECOVERY_MEASURES, current.recoveryMeasures());
    execution.setVariable(CHANGE_REASON, why);
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(plan.planNo());
    }
    notices.send(plan, List.of(plan.owner()), List.of(Groups.OPS_MANAGER), "plan-revision", "请修订应急预案",
        why + "\n请在待办中修订应急响应流程或恢复措施，提交后形成新版本。");
  }
}
