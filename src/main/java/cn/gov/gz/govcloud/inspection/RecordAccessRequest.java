package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.inspection.InspectionVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Machine-room access request filed in advance (P6 7.2.3.2.3). */
@Component("recordAccessRequest")
class RecordAccessRequest extends ProcessStep {

  private final InspectionChecklists checklists;

  RecordAccessRequest(InspectionChecklists checklists) {
    this.checklists = checklists;
  }

  @Override
  protected void run(DelegateExecution execution) {
    checklists.requestAccess(areaId(execution), FormValues.moment(execution.getVariable(ACCESS_AT), ACCESS_AT),
        text(execution, ACCESS_NOTE), actor(execution));
    execution.setVariable(ACCESS_DECISION, null);
    execution.setVariable(ACCESS_COMMENT, null);
  }
}
