package cn.gov.gz.govcloud.workorder;

import cn.gov.gz.govcloud.engine.ProcessStep;
import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The fault is an emergency: the order records the link before the emergency-response process is called with the
 * order's business key (both are linked in Cockpit through the call activity).
 */
@Component("markEmergency")
class MarkEmergency extends ProcessStep {

  private final WorkOrderService service;

  MarkEmergency(WorkOrderService service) {
    this.service = service;
  }

  @Override
  protected void run(DelegateExecution execution) {
    service.transferredToEmergency(workOrderId(execution), "emergency-response/" + execution.getProcessBusinessKey(),
        actor(execution));
  }
}
