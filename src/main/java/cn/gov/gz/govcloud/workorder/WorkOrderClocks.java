package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import cn.gov.gz.govcloud.workorder.WorkOrderTargets.Targets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Writes the few variables the model's timers read: deadlines, the escalation cycles and the feedback cycle.
 *
 * <p>An escalation cycle fires once per escalation level not yet reached, {@code R<n-1>/<start>/<interval>}, so that
 * every level fires in turn. Its start is the deadline, or now when the deadline has already passed (a timer
 * created after its deadline, for example when handling resumes after a pause, would otherwise skip the levels whose
 * time lies in the past). With every level reached, the cycle is parked far in the future.
 */
@Component
class WorkOrderClocks {

  /** Start of a cycle that must not fire: every escalation level has been reached. */
  static final Instant PARKED = Instant.parse("9999-01-01T00:00:00Z");

  private final WorkOrderService service;
  private final WorkOrderProperties properties;
  private final Clock clock;

  WorkOrderClocks(WorkOrderService service, WorkOrderProperties properties, Clock clock) {
    this.service = service;
    this.properties = properties;
    this.clock = clock;
  }

  void apply(VariableScope scope, WorkOrder order) {
    Targets t = service.targetsOf(order);
    int levels = properties.escalationGroups().size();
    Instant now = clock.instant();
    scope.setVariable(SERVICE_LEVEL, order.serviceLevel());
    scope.setVariable(DISPATCH_GROUP, t.dispatchGroup());
    scope.setVariable(DISPATCH_DUE, date(order.dispatchDueAt()));
    scope.setVariable(RECOVERY_DUE, date(order.recoveryDueAt()));
    scope.setVariable(DISPATCH_ESCALATION_CYCLE,
        cycle(levels - count(scope, DISPATCH_ESCALATIONS), order.dispatchDueAt(), now));
    scope.setVariable(RECOVERY_ESCALATION_CYCLE,
        cycle(levels - count(scope, RECOVERY_ESCALATIONS), order.recoveryDueAt(), now));
    scope.setVariable(FEEDBACK_CYCLE, "R/" + t.feedbackInterval());
  }

  private String cycle(int remaining, Instant deadline, Instant now) {
    if (remaining <= 0) {
      return "R1/" + PARKED + "/" + properties.escalationInterval();
    }
    Instant start = deadline.isAfter(now) ? deadline : now.plusSeconds(1);
    // the engine fires a cycle with a start date at the start and then R more times
    return "R" + (remaining - 1) + "/" + start.truncatedTo(ChronoUnit.SECONDS) + "/"
        + properties.escalationInterval();
  }

  private static int count(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v instanceof Number n ? n.intValue() : 0;
  }
}
