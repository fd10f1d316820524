package cn.gov.gz.govcloud.resourceapplication;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.resourceapplication.ResourceApplication.Urgency;
import cn.gov.gz.govcloud.sla.TestCalendars;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Due dates of the application's steps (no application, no engine): working days on the State Council calendar for
 * normal applications, hours for expedited ones (P6 7.3.3.3 b), with the default settings.
 */
@Tag("unit")
class ApplicationClocksTest {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  static Date china(String local) {
    return Date.from(LocalDateTime.parse(local).atZone(CHINA).toInstant());
  }

  static ApplicationClocks at(String local) {
    Instant now = LocalDateTime.parse(local).atZone(CHINA).toInstant();
    return new ApplicationClocks(TestCalendars.stateCouncil(),
        new ResourceApplicationProperties(null, null, null, null, null, null, null, null, null, null),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void normalApplicationsCountWorkingDaysAcrossHolidaysAndMakeUpDays() {
    // Thursday 12 Feb 2026 10:00: Fri 13, Sat 14 (make-up), Spring Festival 15–23, Tue 24, Wed 25
    ApplicationClocks clocks = at("2026-02-12T10:00:00");
    assertThat(clocks.reviewDue(Urgency.NORMAL)).isEqualTo(china("2026-02-24T10:00:00"));
    assertThat(clocks.approvalDue(Urgency.NORMAL)).isEqualTo(china("2026-02-24T10:00:00"));
    assertThat(clocks.deliveryDue(Urgency.NORMAL)).isEqualTo(china("2026-02-26T10:00:00"));
    assertThat(clocks.correctionReminder()).isEqualTo(china("2026-02-24T10:00:00"));
    assertThat(clocks.correctionDue()).isEqualTo(china("2026-02-26T10:00:00"));
  }

  @Test
  void expeditedApplicationsCountHoursNightsAndHolidaysIncluded() {
    ApplicationClocks clocks = at("2026-02-14T17:00:00");
    assertThat(clocks.reviewDue(Urgency.EXPEDITED)).isEqualTo(china("2026-02-14T21:00:00"));
    assertThat(clocks.approvalDue(Urgency.EXPEDITED)).isEqualTo(china("2026-02-14T21:00:00"));
    assertThat(clocks.deliveryDue(Urgency.EXPEDITED)).isEqualTo(china("2026-02-15T17:00:00"));
  }

  @Test
  void anOrdinaryWeekSkipsTheWeekend() {
    // Friday 13 Mar 2026 16:00 + 3 working days = Wednesday 18 Mar 16:00
    ApplicationClocks clocks = at("2026-03-13T16:00:00");
    assertThat(clocks.reviewDue(Urgency.NORMAL)).isEqualTo(china("2026-03-18T16:00:00"));
    assertThat(clocks.correctionDue()).isEqualTo(china("2026-03-20T16:00:00"));
  }
}
