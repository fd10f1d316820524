package cn.gov.gz.govcloud.resourceapplication;

import static cn.gov.gz.govcloud.resourceapplication.ApplicationVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The delivery is due and not done: operators and ops managers are told (P6 7.2.2.3 follow-up). */
@Component("remindDelivery")
class RemindDelivery extends ProcessStep {

  private final ResourceApplicationService service;
  private final ApplicationNotices notices;

  RemindDelivery(ResourceApplicationService service, ApplicationNotices notices) {
    this.service = service;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    notices.toGroups(service.get(applicationId(execution)), List.of(Groups.OPS_OPERATOR, Groups.OPS_MANAGER),
        "delivery-overdue", "交付已到期", "该资源申请已到交付期限，尚未完成交付，请尽快处理。");
  }
}
