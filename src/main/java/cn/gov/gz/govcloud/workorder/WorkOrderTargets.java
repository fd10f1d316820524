package cn.gov.gz.govcloud.workorder;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The time targets of one work order, read from the process owners' decision tables:
 * {@code work-order-dispatch-rules} (by type and priority: dispatch deadline, feedback interval, who dispatches) and
 * {@code service-level-targets} (by service level 1–4, GB/T 34077.3 5.3.6: recovery target and service hours, which a
 * dispatch rule may override).
 */
@Component
class WorkOrderTargets {

  static final String DISPATCH_RULES = "work-order-dispatch-rules";
  static final String SERVICE_LEVEL_TARGETS = "service-level-targets";

  private final DecisionService decisions;

  WorkOrderTargets(@Lazy DecisionService decisions) {
    this.decisions = decisions;
  }

  /** The order's targets; {@code workingHoursOnly} for 5×8 levels, whose deadlines count working time. */
  record Targets(Duration dispatchWithin, Duration feedbackInterval, String dispatchGroup, Duration recoverWithin,
      boolean workingHoursOnly) {}

  /**
   * The order's service hours: the dispatch rule's when it names one (business interrupted or data lost: 7×24,
   * P3 5.3.2.7 b), otherwise the acceptance hours of the service level (GB/T 34077.3 5.3.6).
   */
  private static Object hours(Map<String, Object> dispatch, Map<String, Object> level) {
    Object rule = dispatch.get("serviceHours");
    return rule instanceof String s && !s.isBlank() ? s : level.get("acceptanceHours");
  }

  Targets of(WorkOrderType type, WorkOrder.Priority priority, int serviceLevel) {
    Map<String, Object> dispatch = decisions.evaluateDecisionByKey(DISPATCH_RULES)
        .variables(Variables.createVariables().putValue("type", type.name()).putValue("priority", priority.name()))
        .evaluate().getSingleResult().getEntryMap();
    Map<String, Object> level = decisions.evaluateDecisionByKey(SERVICE_LEVEL_TARGETS)
        .variables(Variables.createVariables().putValue("serviceLevel", serviceLevel))
        .evaluate().getSingleResult().getEntryMap();
    return new Targets(Duration.parse((String) dispatch.get("dispatchWithin")),
        Duration.parse((String) dispatch.get("feedbackInterval")), (String) dispatch.get("dispatchGroup"),
        Duration.parse((String) level.get("recoverWithin")), "5x8".equals(hours(dispatch, level)));
  }
}
