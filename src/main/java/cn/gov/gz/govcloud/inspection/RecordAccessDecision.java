package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.inspection.InspectionVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The room's decision on the access request; a refusal goes back to the inspector with the reason. */
@Component("recordAccessDecision")
class RecordAccessDecision extends ProcessStep {

  private final InspectionChecklists checklists;

  RecordAccessDecision(InspectionChecklists checklists) {
    this.checklists = checklists;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String decision = text(execution, ACCESS_DECISION);
    if (!"APPROVE".equals(decision) && !"DENY".equals(decision)) {
      throw ValidationException.of(ACCESS_DECISION, "请选择同意（APPROVE）或不同意（DENY）");
    }
    checklists.decideAccess(areaId(execution), "APPROVE".equals(decision), text(execution, ACCESS_COMMENT),
        actor(execution));
  }
}
