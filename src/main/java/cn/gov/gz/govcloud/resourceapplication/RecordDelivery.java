package cn.gov.gz.govcloud.resourceapplication;

import static cn.gov.gz.govcloud.resourceapplication.ApplicationVariables.*;

import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records the delivered resources per line (P6 7.2.2.3) and asks the unit to confirm receipt. */
@Component("recordDelivery")
class RecordDelivery extends ProcessStep {

  static final TypeReference<List<DeliveryInput>> DELIVERIES_TYPE = new TypeReference<>() {};

  private final ResourceApplicationService service;
  private final JsonVariables json;
  private final ApplicationNotices notices;

  RecordDelivery(ResourceApplicationService service, JsonVariables json, ApplicationNotices notices) {
    this.service = service;
    this.json = json;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = applicationId(execution);
    service.recordDeliveries(id, json.read(execution, DELIVERIES, DELIVERIES_TYPE), actor(execution));
    notices.toUnit(service.get(id), "delivered", "资源已交付，请确认", "您申请的资源已交付，请在任务中心确认收到。");
  }
}
