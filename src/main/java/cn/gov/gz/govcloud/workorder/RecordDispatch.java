package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.engine.Variables.text;
import cn.gov.gz.govcloud.engine.ProcessStep;
import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.web.ValidationException;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Dispatch (P6 7.3.2.1): records the handler group chosen by the desk (or, for complaints, the manager). */
@Component("recordDispatch")
class RecordDispatch extends ProcessStep {

  static final Set<String> HANDLER_GROUPS = Set.of(Groups.OPS_ENGINEER, Groups.OPS_OPERATOR, Groups.OPS_MANAGER);

  private final WorkOrderService service;

  RecordDispatch(WorkOrderService service) {
    this.service = service;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String group = text(execution, HANDLER_GROUP);
    if (group == null) {
      group = Groups.OPS_ENGINEER;
      execution.setVariable(HANDLER_GROUP, group);
    }
    if (!HANDLER_GROUPS.contains(group)) {
      throw ValidationException.of(HANDLER_GROUP, "处理组无效: " + group);
    }
    long id = workOrderId(execution);
    service.dispatched(id, group, actor(execution));
    service.note(id, "PROGRESS", actor(execution), text(execution, DISPATCH_NOTE));
  }
}
