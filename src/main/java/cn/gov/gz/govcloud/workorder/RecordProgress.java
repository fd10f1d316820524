package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.engine.Variables.text;
import cn.gov.gz.govcloud.engine.ProcessStep;
import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.workorder.WorkOrder.Priority;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Handle and track (P6 7.3.2.2): records the handler's progress note. A changed priority recomputes the targets
 * (keeping the time already paused) and replans the handling, so that its timers follow the new deadline.
 */
@Component("recordProgress")
class RecordProgress extends ProcessStep {

  static final Set<String> OUTCOMES =
      Set.of(OUTCOME_IN_PROGRESS, OUTCOME_RESOLVED, OUTCOME_NEED_USER_INFO, OUTCOME_EMERGENCY);

  private final WorkOrderService service;
  private final WorkOrderClocks clocks;

  RecordProgress(WorkOrderService service, WorkOrderClocks clocks) {
    this.service = service;
    this.clocks = clocks;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = workOrderId(execution);
    String outcome = text(execution, HANDLING_OUTCOME);
    if (outcome == null || !OUTCOMES.contains(outcome)) {
      throw ValidationException.of(HANDLING_OUTCOME, "请选择处理结果");
    }
    String note = text(execution, PROGRESS_NOTE);
    if (note == null) {
      throw ValidationException.of(PROGRESS_NOTE, "请填写处理进展");
    }
    if (OUTCOME_NEED_USER_INFO.equals(outcome) && text(execution, WAIT_REASON) == null) {
      throw ValidationException.of(WAIT_REASON, "请说明需要用户补充的信息");
    }
    service.note(id, "PROGRESS", actor(execution), note);
    WorkOrder order = service.get(id);
    Priority priority = enumValue(Priority.class, execution, PRIORITY, order.priority());
    if (priority != order.priority()) {
      order = service.classify(id, order.type(), priority, order.businessSystemCode(), actor(execution));
      clocks.apply(execution, order);
      if (OUTCOME_IN_PROGRESS.equals(outcome)) {
        execution.setVariable(HANDLING_OUTCOME, OUTCOME_REPLAN);
      }
    }
  }
}
