package cn.gov.gz.govcloud.workorder;

import cn.gov.gz.govcloud.engine.ProcessStep;
import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Handling finished: the order waits for the user's confirmation (P6 7.3.2.2). */
@Component("markResolved")
class MarkResolved extends ProcessStep {

  private final WorkOrderService service;
  private final WorkOrderNotices notices;

  MarkResolved(WorkOrderService service, WorkOrderNotices notices) {
    this.service = service;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = workOrderId(execution);
    service.resolved(id, actor(execution));
    notices.toUnit(service.get(id), "resolved", "请确认处理结果",
        "您的工单已处理完成，请在任务中心确认是否已解决；如未解决可重新打开。");
  }
}
