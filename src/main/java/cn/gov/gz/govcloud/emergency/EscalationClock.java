package cn.gov.gz.govcloud.emergency;

import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * When each level of the response escalation chain is due (P6 7.4.2.3.3): the first level at the response deadline,
 * each next one an escalation interval later, counted in working time for 5×8 service (P3 5.3.2.8) and on the clock
 * for 7×24 service (P3 5.3.2.7), so a 5×8 case does not climb the chain overnight.
 */
@Implements(value = "P3 5.3.2.8", what = "5×8 事件的响应升级间隔按工作时间计算")
@Service
class EscalationClock {
  private final EmergencyProperties properties;
  private final WorkingCalendar calendar;

  EscalationClock(EmergencyProperties properties, WorkingCalendar calendar) {
    this.properties = properties;
    this.calendar = calendar;
  }

  /** The time each level of the chain is due, first level first. */
  List<Instant> levelDues(Emergency e) {
    Duration interval = properties.escalationInterval();
    List<Instant> dues = new ArrayList<>();
    Instant due = e.responseDueAt();
    for (int level = 1; level <= properties.escalationGroups().size(); level++) {
      if (level > 1) {
        due = e.workingHoursOnly() ? calendar.plusWorkingTime(due, interval) : due.plus(interval);
      }
      dues.add(due);
    }
    return dues;
  }

  /** The level the chain must have reached at {@code now}: how many level times have come. */
  int levelAt(Emergency e, Instant now) {
    return (int) levelDues(e).stream().filter(due -> !due.isAfter(now)).count();
  }
}
