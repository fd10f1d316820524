package cn.gov.gz.govcloud.workorder;

import cn.gov.gz.govcloud.engine.ProcessStep;
import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.organization.OrganizationService;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Receive (P6 7.3.1.1): validates the intake, registers the order with its targets, acknowledges it to the user. */
@Component("registerWorkOrder")
class RegisterWorkOrder extends ProcessStep {

  private final WorkOrderService service;
  private final WorkOrderClocks clocks;
  private final WorkOrderNotices notices;
  private final WorkOrderProperties properties;
  private final OrganizationService organization;
  private final JsonVariables json;

  RegisterWorkOrder(WorkOrderService service, WorkOrderClocks clocks, WorkOrderNotices notices,
      WorkOrderProperties properties, OrganizationService organization, JsonVariables json) {
    this.service = service;
    this.clocks = clocks;
    this.notices = notices;
    this.properties = properties;
    this.organization = organization;
    this.json = json;
  }

  @Override
  protected void run(DelegateExecution execution) {
    WorkOrder order = service.register(intake(execution), execution.getProcessInstanceId(), actor(execution));
    execution.setVariable(WORK_ORDER_ID, order.id());
    execution.setVariable(WORK_ORDER_NO, order.orderNo());
    execution.setVariable(TYPE, order.type().name());
    execution.setVariable(PRIORITY, order.priority().name());
    execution.setVariable(CONFIRM_GROUP,
        order.unitCode() == null ? Groups.SERVICE_DESK : Groups.unitGroup(order.unitCode()));
    execution.setVariable(CONFIRM_WITHIN, properties.confirmWithin().toString());
    execution.setVariable(SURVEY_REMINDER_AFTER, properties.surveyReminderAfter().toString());
    execution.setVariable(SURVEY_CLOSE_AFTER, properties.surveyCloseAfter().toString());
    execution.setVariable(LOW_SCORE, properties.lowScore());
    execution.setVariable(DISPATCH_ESCALATIONS, 0);
    execution.setVariable(RECOVERY_ESCALATIONS, 0);
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(order.orderNo());
    }
    clocks.apply(execution, order);
    execution.setVariable(SYSTEM_OPTIONS, SpinValues.jsonValue(json.write(organization.systemsOf(order.unitCode())
        .stream().map(s -> Map.of("label", s.name() + "（" + s.serviceLevel() + " 级服务）",
            "value", s.code())).toList())).create());
    notices.toUnit(order, "received", "已受理", "您提交的工单已受理，服务台将尽快处理。");
  }
}
