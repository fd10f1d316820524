package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.engine.Variables.text;
import cn.gov.gz.govcloud.engine.ProcessStep;
import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Feedback to the user at the interval of the order's level (GB/T 34077.3 5.3.3 e, 5.3.2 e 3; P3 5.3.2.7/8): the
 * progress notes written since the last feedback are sent to the unit. With nothing new, the handlers are reminded to
 * write progress, and the unit is told that the order is still being worked on.
 */
@Component("sendProgressFeedback")
class SendProgressFeedback extends ProcessStep {

  private final WorkOrderService service;
  private final WorkOrderNotices notices;

  SendProgressFeedback(WorkOrderService service, WorkOrderNotices notices) {
    this.service = service;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = workOrderId(execution);
    WorkOrder order = service.get(id);
    Instant since = service.lastNoteAt(id, "FEEDBACK").orElse(Instant.EPOCH);
    List<WorkOrderNote> fresh = service.notes(id).stream()
        .filter(n -> "PROGRESS".equals(n.kind()) && n.createdAt().isAfter(since))
        .toList();
    String text;
    if (fresh.isEmpty()) {
      text = "工单正在处理中，处理人员暂未更新进展。";
      String handlers = text(execution, HANDLER_GROUP);
      if (handlers != null) {
        notices.toGroups(order, List.of(handlers), "progress-due", "请更新处理进展",
            "已到向用户反馈进展的时间，但自上次反馈以来没有新的处理进展，请及时在任务中更新。");
      }
    } else {
      StringBuilder b = new StringBuilder("最新处理进展：\n");
      fresh.forEach(n -> b.append("- ").append(n.text()).append('\n'));
      text = b.toString().strip();
    }
    service.note(id, "FEEDBACK", "system", text);
    notices.toUnit(order, "feedback", "处理进展反馈", text);
  }
}
