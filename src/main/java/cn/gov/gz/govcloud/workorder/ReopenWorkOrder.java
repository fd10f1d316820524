package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.engine.Variables.text;
import cn.gov.gz.govcloud.engine.ProcessStep;
import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The user reopens the order: it goes back to its handlers with the user's reason. */
@Component("reopenWorkOrder")
class ReopenWorkOrder extends ProcessStep {

  private final WorkOrderService service;
  private final WorkOrderNotices notices;

  ReopenWorkOrder(WorkOrderService service, WorkOrderNotices notices) {
    this.service = service;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = workOrderId(execution);
    String reason = text(execution, REOPEN_REASON);
    service.reopened(id, actor(execution), reason);
    execution.setVariable(HANDLING_OUTCOME, OUTCOME_IN_PROGRESS);
    String handlers = text(execution, HANDLER_GROUP);
    if (handlers != null) {
      notices.toGroups(service.get(id), List.of(handlers), "reopened", "用户重新打开工单",
          "用户认为问题未解决：" + (reason == null ? "（未说明原因）" : reason));
    }
  }
}
