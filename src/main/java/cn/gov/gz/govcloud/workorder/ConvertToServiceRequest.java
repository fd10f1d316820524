package cn.gov.gz.govcloud.workorder;

import cn.gov.gz.govcloud.engine.ProcessStep;
import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The user did not accept the answer: the consultation becomes a service request and goes to dispatch. */
@Component("convertToServiceRequest")
class ConvertToServiceRequest extends ProcessStep {

  private final WorkOrderService service;
  private final WorkOrderClocks clocks;

  ConvertToServiceRequest(WorkOrderService service, WorkOrderClocks clocks) {
    this.service = service;
    this.clocks = clocks;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = workOrderId(execution);
    WorkOrder order = service.get(id);
    service.note(id, "USER", actor(execution), "用户未接受答复，转为服务请求");
    order = service.classify(id, WorkOrderType.SERVICE_REQUEST, order.priority(), order.businessSystemCode(),
        actor(execution));
    execution.setVariable(TYPE, order.type().name());
    clocks.apply(execution, order);
  }
}
