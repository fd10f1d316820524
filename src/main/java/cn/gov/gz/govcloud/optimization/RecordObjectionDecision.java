package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.optimization.OptimizationVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Management's answer to a unit's objection: withdraw the recommendations or maintain them. */
@Component("recordObjectionDecision")
class RecordObjectionDecision extends ProcessStep {
  private final OptimizationDecisions decisions;

  RecordObjectionDecision(OptimizationDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String decision = text(execution, OBJECTION_DECISION);
    if (!"WITHDRAW".equals(decision) && !"MAINTAIN".equals(decision)) {
      throw ValidationException.of(OBJECTION_DECISION, "请选择采纳异议、撤回建议（WITHDRAW）或维持建议（MAINTAIN）");
    }
    decisions.objectionDecision(reviewId(execution), unit(execution), "WITHDRAW".equals(decision),
        text(execution, MANAGEMENT_COMMENT), actor(execution));
    execution.setVariable(UNIT_DECISION, null);
  }
}
