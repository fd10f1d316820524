package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.engine.Variables.text;
import cn.gov.gz.govcloud.engine.ProcessStep;
import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import cn.gov.gz.govcloud.web.ValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The user answered: the answer is recorded and the recovery clock runs again, its deadline moved by the pause. */
@Component("resumeResolutionClock")
class ResumeResolutionClock extends ProcessStep {

  private final WorkOrderService service;
  private final WorkOrderClocks clocks;

  ResumeResolutionClock(WorkOrderService service, WorkOrderClocks clocks) {
    this.service = service;
    this.clocks = clocks;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = workOrderId(execution);
    String reply = text(execution, USER_REPLY);
    if (reply == null) {
      throw ValidationException.of(USER_REPLY, "请填写补充信息");
    }
    service.note(id, "USER", actor(execution), reply);
    service.resume(id, actor(execution));
    clocks.apply(execution, service.get(id));
    execution.setVariable(HANDLING_OUTCOME, OUTCOME_IN_PROGRESS);
  }
}
