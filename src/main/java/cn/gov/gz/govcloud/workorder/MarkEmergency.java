package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The fault is an emergency: the order records the link before the emergency-response process is called with the
 * order's business key (both are linked in Cockpit through the call activity).
 */
@Component("markEmergency")
class MarkEmergency extends WorkOrderStep {

  private final WorkOrderService service;

  MarkEmergency(WorkOrderService service) {
    this.service = service;
  }

  @Override
  void run(DelegateExecution execution) {
    service.transferredToEmergency(workOrderId(execution), "emergency-response/" + execution.getProcessBusinessKey(),
        actor(execution));
  }
}
