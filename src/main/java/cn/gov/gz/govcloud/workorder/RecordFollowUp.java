package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.engine.Variables.text;
import cn.gov.gz.govcloud.engine.ProcessStep;
import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import cn.gov.gz.govcloud.web.ValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records the manager's follow-up of a low satisfaction score (P6 7.3.2.5). */
@Component("recordFollowUp")
class RecordFollowUp extends ProcessStep {

  private final WorkOrderService service;

  RecordFollowUp(WorkOrderService service) {
    this.service = service;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String note = text(execution, FOLLOW_UP_NOTE);
    if (note == null) {
      throw ValidationException.of(FOLLOW_UP_NOTE, "请填写回访跟进情况");
    }
    service.note(workOrderId(execution), "FOLLOW_UP", actor(execution), note);
  }
}
