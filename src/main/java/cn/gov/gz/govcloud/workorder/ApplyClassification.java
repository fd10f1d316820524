package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.engine.Variables.text;
import cn.gov.gz.govcloud.engine.ProcessStep;
import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import cn.gov.gz.govcloud.workorder.WorkOrder.Priority;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Classify (P6 7.3.1.2): stores the desk's type, priority and business system, recomputes the targets from the
 * decision tables, and for a consultation offers the best matching knowledge base articles to the answer form.
 */
@Component("applyClassification")
class ApplyClassification extends ProcessStep {

  private final WorkOrderService service;
  private final WorkOrderClocks clocks;
  private final KnowledgeService knowledge;
  private final ObjectMapper json;

  ApplyClassification(WorkOrderService service, WorkOrderClocks clocks, KnowledgeService knowledge,
      ObjectMapper json) {
    this.service = service;
    this.clocks = clocks;
    this.knowledge = knowledge;
    this.json = json;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = workOrderId(execution);
    WorkOrderType type = enumValue(WorkOrderType.class, execution, TYPE, service.get(id).type());
    Priority priority = enumValue(Priority.class, execution, PRIORITY, service.get(id).priority());
    WorkOrder order = service.classify(id, type, priority, text(execution, BUSINESS_SYSTEM_CODE), actor(execution));
    service.securityCategory(id, enumValue(SecurityCategory.class, execution, SECURITY_CATEGORY, null),
        actor(execution));
    clocks.apply(execution, order);
    if (order.type() == WorkOrderType.CONSULTATION) {
      List<Map<String, String>> options = knowledge.suggest(order.title() + " " + order.description(), 10).stream()
          .map(a -> Map.of("label", a.title() + "（" + a.category() + "，已用 " + a.usageCount() + " 次）",
              "value", String.valueOf(a.id())))
          .toList();
      try {
        // a Json variable: what Camunda Forms reads for the options of a select (valuesKey)
        execution.setVariable(KB_SUGGESTIONS, SpinValues.jsonValue(json.writeValueAsString(options)).create());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
