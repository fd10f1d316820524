package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.engine.Variables.text;
import cn.gov.gz.govcloud.engine.ProcessStep;
import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Closes the order. The reason comes from the input parameter {@code closeReason} of the service task: CONFIRMED (the
 * user confirmed), AUTO_CONFIRMED (no answer within the confirmation period), ANSWERED (consultation accepted).
 */
@Component("closeWorkOrder")
class CloseWorkOrder extends ProcessStep {

  private final WorkOrderService service;

  CloseWorkOrder(WorkOrderService service) {
    this.service = service;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String reason = text(execution, CLOSE_REASON);
    service.closed(workOrderId(execution), reason == null ? "CONFIRMED" : reason, actor(execution));
  }
}
