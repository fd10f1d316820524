package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.engine.Variables.text;
import cn.gov.gz.govcloud.engine.ProcessStep;
import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A missed deadline escalates level by level (GB/T 34077.3 5.3.2 e 4): each firing of the escalation timer raises the
 * level by one and tells that level's group ({@code govcloud.work-order.escalation-groups}: ops manager, then the
 * bureau). The kind (input parameter {@code escalationKind}) says which deadline: DISPATCH or RECOVERY.
 */
@Component("escalateWorkOrder")
class EscalateWorkOrder extends ProcessStep {

  private final WorkOrderService service;
  private final WorkOrderNotices notices;
  private final WorkOrderProperties properties;

  EscalateWorkOrder(WorkOrderService service, WorkOrderNotices notices, WorkOrderProperties properties) {
    this.service = service;
    this.notices = notices;
    this.properties = properties;
  }

  @Override
  protected void run(DelegateExecution execution) {
    boolean dispatch = "DISPATCH".equals(text(execution, ESCALATION_KIND));
    String counter = dispatch ? DISPATCH_ESCALATIONS : RECOVERY_ESCALATIONS;
    Object current = execution.getVariable(counter);
    int level = (current == null ? 0 : ((Number) current).intValue()) + 1;
    execution.setVariable(counter, level);
    List<String> groups = properties.escalationGroups();
    String group = groups.get(Math.min(level, groups.size()) - 1);
    long id = workOrderId(execution);
    String reason = dispatch ? "超过分派时限未分派" : "超过故障恢复时限未解决";
    service.escalated(id, level, group, reason);
    notices.toGroups(service.get(id), List.of(group), "escalation-" + counter + "-" + level,
        "升级提醒（第 " + level + " 级）：" + reason,
        "工单" + reason + "，已升级至您处（第 " + level + " 级），请督办。");
  }
}
