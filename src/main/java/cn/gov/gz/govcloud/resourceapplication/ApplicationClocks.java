package cn.gov.gz.govcloud.resourceapplication;

import cn.gov.gz.govcloud.resourceapplication.ResourceApplication.Urgency;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of the application's steps: working days on the mainland-China calendar for normal applications, hours
 * for expedited ones (important assurance, P6 7.3.3.3 b).
 */
@Component
class ApplicationClocks {

  private final WorkingCalendar calendar;
  private final ResourceApplicationProperties properties;
  private final Clock clock;

  ApplicationClocks(WorkingCalendar calendar, ResourceApplicationProperties properties, Clock clock) {
    this.calendar = calendar;
    this.properties = properties;
    this.clock = clock;
  }

  Date correctionDue() {
    return Date.from(calendar.plusWorkingDays(clock.instant(), properties.correctionWorkingDays()));
  }

  Date correctionReminder() {
    return Date.from(calendar.plusWorkingDays(clock.instant(), properties.correctionReminderWorkingDays()));
  }

  Date reviewDue(Urgency urgency) {
    return due(urgency, properties.reviewWorkingDays(), properties.expeditedReview());
  }

  Date approvalDue(Urgency urgency) {
    return due(urgency, properties.approvalWorkingDays(), properties.expeditedApproval());
  }

  Date deliveryDue(Urgency urgency) {
    return due(urgency, properties.deliveryWorkingDays(), properties.expeditedDelivery());
  }

  private Date due(Urgency urgency, int workingDays, Duration expedited) {
    Instant now = clock.instant();
    return Date.from(urgency == Urgency.EXPEDITED ? now.plus(expedited) : calendar.plusWorkingDays(now, workingDays));
  }
}
