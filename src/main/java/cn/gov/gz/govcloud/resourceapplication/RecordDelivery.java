package cn.gov.gz.govcloud.resourceapplication;

import static cn.gov.gz.govcloud.engine.Variables.text;
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

  /** The form's list: one resource per line, "line number, resource id, IP, location" (commas, 、 or tabs). */
  static List<DeliveryInput> parse(String text) {
    if (text == null) {
      return null;
    }
    List<DeliveryInput> out = new java.util.ArrayList<>();
    String[] rows = text.split("\\r?\\n");
    for (int i = 0; i < rows.length; i++) {
      String row = rows[i].strip();
      if (row.isEmpty()) {
        continue;
      }
      String[] cells = row.split("\\s*[,，、\\t]\\s*");
      Integer lineNo;
      try {
        lineNo = Integer.valueOf(cells[0].strip());
      } catch (NumberFormatException e) {
        throw cn.gov.gz.govcloud.web.ValidationException.of(DELIVERY_LIST,
            "第 " + (i + 1) + " 行：行号应为数字，格式为“申请行号, 实例编号, IP, 位置”");
      }
      out.add(new DeliveryInput(lineNo, cells.length > 1 ? cells[1].strip() : null,
          cells.length > 2 && !cells[2].isBlank() ? cells[2].strip() : null,
          cells.length > 3 && !cells[3].isBlank() ? cells[3].strip() : null, null, null, null, null, null));
    }
    return out;
  }

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
    List<DeliveryInput> deliveries = json.read(execution, DELIVERIES, DELIVERIES_TYPE);
    if (deliveries == null) {
      deliveries = parse(text(execution, DELIVERY_LIST));
    }
    service.recordDeliveries(id, deliveries, actor(execution));
    notices.toUnit(service.get(id), "delivered", "资源已交付，请确认", "您申请的资源已交付，请在任务中心确认收到。");
  }
}
