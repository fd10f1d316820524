package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.engine.Variables.text;
import cn.gov.gz.govcloud.engine.ProcessStep;
import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The order waits on the user: the recovery clock pauses with the reason recorded, and the user is asked. */
@Component("pauseResolutionClock")
class PauseResolutionClock extends ProcessStep {

  private final WorkOrderService service;
  private final WorkOrderNotices notices;

  PauseResolutionClock(WorkOrderService service, WorkOrderNotices notices) {
    this.service = service;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = workOrderId(execution);
    String reason = text(execution, WAIT_REASON);
    service.pause(id, reason, actor(execution));
    notices.toUnit(service.get(id), "need-info", "需要您补充信息",
        "处理人员需要您补充以下信息，请在任务中心答复：\n\n" + (reason == null ? "" : reason));
  }
}
