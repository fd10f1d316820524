package cn.gov.gz.govcloud.dashboard;

import cn.gov.gz.govcloud.sla.WorkingCalendar;
import java.time.Instant;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * When a contingency plan's next drill is due, by the configuration the drill room keeps its rule in
 * ({@code govcloud.drill.required-interval}: the longest allowed gap per plan type, GB/T 34077.3 8.2.7 b, 8.2.8 b 5):
 * that interval after the last drill, or after the plan was written if never drilled. A type without an interval has
 * no required frequency. {@code DashboardTest} checks the dates against the drill room's own.
 */
@Component
class DrillSchedule {

  static final Map<String, Period> DEFAULTS = Map.of("APPLICATION_DR", Period.ofYears(1), "DATA_DR",
      Period.ofMonths(6), "SECURITY", Period.ofYears(1));

  private final Map<String, Period> intervals;

  DrillSchedule(Environment environment) {
    Map<String, Period> bound = Binder.get(environment)
        .bind("govcloud.drill.required-interval", Bindable.mapOf(String.class, Period.class)).orElse(Map.of());
    this.intervals = bound.isEmpty() ? DEFAULTS : Map.copyOf(bound);
  }

  /** The next drill's due time, or null when the type has no required frequency. */
  Instant nextDue(String planType, Instant lastDrilled, Instant created) {
    Period interval = intervals.get(planType);
    if (interval == null) {
      return null;
    }
    Instant from = lastDrilled != null ? lastDrilled : created;
    return from.atZone(WorkingCalendar.CHINA).plus(interval).toInstant();
  }
}
