package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.workorder.WorkOrderTargets.Targets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The work order's clocks, on the calendar of the order (its service hours: {@link WorkOrder#workingHoursOnly()}):
 * 5×8 orders count their deadlines, feedback intervals and escalation intervals in working time on the mainland-China
 * working-day calendar ({@link WorkingCalendar}), 7×24 orders in wall-clock time.
 *
 * <p>{@link #apply} writes the deadlines the tasks show; the model's timers ask this bean for their next date when they
 * are created ({@code timeDate}): {@link #nextFeedbackAt} (the feedback loop of handling) and {@link #nextEscalationAt}
 * (the escalation loops of triage and handling, once per level not yet reached, {@link #moreEscalations}). A level's
 * date is the deadline plus one escalation interval per level already reached; a date already past fires a second
 * from now, so that a timer created after its deadline (for example when handling resumes after a pause) skips no
 * level.
 */
@Implements(value = "GB 5.3.3 e", what = "按故障等级的反馈间隔反馈进展；5×8 工单的间隔只计工作时间")
@Implements(value = "GB 5.3.2 e 4", what = "超过分派或恢复时限逐级升级；5×8 工单的升级间隔只计工作时间")
@Component
public class WorkOrderClocks {

  private final WorkOrderService service;
  private final WorkOrderProperties properties;
  private final WorkingCalendar calendar;
  private final Clock clock;

  WorkOrderClocks(WorkOrderService service, WorkOrderProperties properties, WorkingCalendar calendar, Clock clock) {
    this.service = service;
    this.properties = properties;
    this.calendar = calendar;
    this.clock = clock;
  }

  void apply(VariableScope scope, WorkOrder order) {
    Targets t = service.targetsOf(order);
    scope.setVariable(SERVICE_LEVEL, order.serviceLevel());
    scope.setVariable(DISPATCH_GROUP, t.dispatchGroup());
    scope.setVariable(DISPATCH_DUE, date(order.dispatchDueAt()));
    scope.setVariable(RECOVERY_DUE, date(order.recoveryDueAt()));
  }

  /** When the next progress feedback is due: one feedback interval of the order from now, on its calendar. */
  public Date nextFeedbackAt(Object workOrderId) {
    WorkOrder order = service.get(id(workOrderId));
    return Date.from(after(order, now(), service.targetsOf(order).feedbackInterval()));
  }

  /**
   * When the next escalation of a deadline is due: {@code kind} DISPATCH or RECOVERY, {@code reached} the levels
   * already escalated. The deadline plus one escalation interval per level reached, on the order's calendar.
   */
  public Date nextEscalationAt(Object workOrderId, String kind, Object reached) {
    WorkOrder order = service.get(id(workOrderId));
    Instant deadline = "DISPATCH".equals(kind) ? order.dispatchDueAt() : order.recoveryDueAt();
    Instant due = after(order, deadline, properties.escalationInterval().multipliedBy(count(reached)));
    Instant now = now();
    return Date.from(due.isAfter(now) ? due : now.plusSeconds(1));
  }

  /** True while a level is left to escalate to ({@code govcloud.work-order.escalation-groups}). */
  public boolean moreEscalations(Object reached) {
    return count(reached) < properties.escalationGroups().size();
  }

  private Instant after(WorkOrder order, Instant start, Duration amount) {
    return order.workingHoursOnly() ? calendar.plusWorkingTime(start, amount) : start.plus(amount);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static long id(Object workOrderId) {
    if (!(workOrderId instanceof Number n)) {
      throw new IllegalStateException("variable workOrderId is missing");
    }
    return n.longValue();
  }

  private static int count(Object reached) {
    return reached instanceof Number n ? n.intValue() : 0;
  }
}
