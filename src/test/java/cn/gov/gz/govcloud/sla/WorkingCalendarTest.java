package cn.gov.gz.govcloud.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.gz.govcloud.support.Clause;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.TimeZone;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The working-day calendar's maths on the State Council data for 2025–2026 (no application, no engine): holidays,
 * make-up working days (调休), working hours, and Beijing time whatever the JVM's zone. Loading a year over the API
 * is {@link CalendarApiTest}.
 */
@Tag("unit")
class WorkingCalendarTest {

  final WorkingCalendar calendar = TestCalendars.stateCouncil();

  static Instant china(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.CHINA).toInstant();
  }

  @Test
  void holidaysAndMakeUpWorkingDaysOf2026() {
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).as("Spring Festival Monday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).as("make-up Saturday").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-28"))).as("make-up Saturday").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-07"))).as("ordinary Saturday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-09"))).as("ordinary Monday").isTrue();
  }

  @Clause("P3 5.3.2.8 b")
  @Test
  void fiveWorkingDaysAcrossTheNationalDayHolidayCountTheMakeUpSaturday() {
    // Wed 30 Sep 2026 10:00: 1–7 Oct off, Thu 8, Fri 9, Sat 10 (make-up), Mon 12, Tue 13
    assertThat(calendar.plusWorkingDays(china("2026-09-30T10:00:00"), 5)).isEqualTo(china("2026-10-13T10:00:00"));
    // Fri 27 Nov 2026 17:55 + 1 working day = Mon 30 Nov 17:55
    assertThat(calendar.plusWorkingDays(china("2026-11-27T17:55:00"), 1)).isEqualTo(china("2026-11-30T17:55:00"));
  }

  @Clause("P3 5.3.2.8 b")
  @Clause("GB 5.3.6")
  @Test
  void workingTimeStandsStillAtNightAtWeekendsAndOnHolidays() {
    // Friday 17:55 + 10 working minutes: 5 on Friday, 5 on Monday morning
    assertThat(calendar.plusWorkingTime(china("2026-11-27T17:55:00"), Duration.ofMinutes(10)))
        .isEqualTo(china("2026-11-30T08:35:00"));
    // lunch break: 11:50 + 30 min = 14:20
    assertThat(calendar.plusWorkingTime(china("2026-11-30T11:50:00"), Duration.ofMinutes(30)))
        .isEqualTo(china("2026-11-30T14:20:00"));
    // Friday 13 Feb 2026 17:30 + 1 h: 30 min Friday, then the make-up Saturday 14 Feb 09:00
    assertThat(calendar.plusWorkingTime(china("2026-02-13T17:30:00"), Duration.ofHours(1)))
        .isEqualTo(china("2026-02-14T09:00:00"));
    // Saturday 14 Feb 17:50 + 1 h: Spring Festival 15–23 Feb off, Tuesday 24 Feb 09:20
    assertThat(calendar.plusWorkingTime(china("2026-02-14T17:50:00"), Duration.ofHours(1)))
        .isEqualTo(china("2026-02-24T09:20:00"));
    assertThat(calendar.isWorkingTime(china("2026-02-14T10:00:00"))).isTrue();
    assertThat(calendar.isWorkingTime(china("2026-02-16T10:00:00"))).isFalse();
    assertThat(calendar.isWorkingTime(china("2026-11-30T12:30:00"))).isFalse();
  }

  @Test
  void workingHoursAreHalfOpenPeriods() {
    assertThat(calendar.isWorkingTime(china("2026-03-09T08:29:59"))).isFalse();
    assertThat(calendar.isWorkingTime(china("2026-03-09T08:30:00"))).isTrue();
    assertThat(calendar.isWorkingTime(china("2026-03-09T11:59:59"))).isTrue();
    assertThat(calendar.isWorkingTime(china("2026-03-09T12:00:00"))).isFalse();
    assertThat(calendar.isWorkingTime(china("2026-03-09T14:00:00"))).isTrue();
    assertThat(calendar.isWorkingTime(china("2026-03-09T18:00:00"))).isFalse();
  }

  @Test
  void workingTimeEndingExactlyAtAPeriodsEndStaysInThatPeriod() {
    // 08:30 + 3.5 h = 12:00 the same morning, not 14:00
    assertThat(calendar.plusWorkingTime(china("2026-03-09T08:30:00"), Duration.ofMinutes(210)))
        .isEqualTo(china("2026-03-09T12:00:00"));
    // a start before opening counts from 08:30; a start at night counts from the next working morning
    assertThat(calendar.plusWorkingTime(china("2026-03-09T06:00:00"), Duration.ofMinutes(30)))
        .isEqualTo(china("2026-03-09T09:00:00"));
    assertThat(calendar.plusWorkingTime(china("2026-03-09T22:00:00"), Duration.ofMinutes(30)))
        .isEqualTo(china("2026-03-10T09:00:00"));
    assertThat(calendar.plusWorkingTime(china("2026-03-09T10:00:00"), Duration.ZERO))
        .isEqualTo(china("2026-03-09T10:00:00"));
    // one whole working day (7.5 h) from Friday 18:00 ends the next working Monday at 18:00
    assertThat(calendar.plusWorkingTime(china("2026-03-13T18:00:00"), Duration.ofMinutes(450)))
        .isEqualTo(china("2026-03-16T18:00:00"));
  }

  @Test
  void workingDaysFromADayOffCountFromTheNextWorkingDay() {
    // Sunday 1 Feb 2026 09:00 + 1 working day = Monday 2 Feb 09:00
    assertThat(calendar.plusWorkingDays(china("2026-02-01T09:00:00"), 1)).isEqualTo(china("2026-02-02T09:00:00"));
    // Thursday 12 Feb + 3: Fri 13, Sat 14 (make-up), then the Spring Festival until Tue 24
    assertThat(calendar.plusWorkingDays(china("2026-02-12T10:00:00"), 3)).isEqualTo(china("2026-02-24T10:00:00"));
    // New Year 2026: 1–3 Jan off, Sunday 4 Jan worked
    assertThat(calendar.plusWorkingDays(china("2025-12-31T16:00:00"), 1)).isEqualTo(china("2026-01-04T16:00:00"));
    assertThat(calendar.plusWorkingDays(china("2026-03-09T10:00:00"), 0)).isEqualTo(china("2026-03-09T10:00:00"));
  }

  @Test
  void workingTimeBetweenTwoMomentsSkipsNightsLunchAndHolidays() {
    assertThat(calendar.workingTimeBetween(china("2026-11-27T17:55:00"), china("2026-11-30T08:35:00")))
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(calendar.workingTimeBetween(china("2026-11-30T11:50:00"), china("2026-11-30T14:20:00")))
        .isEqualTo(Duration.ofMinutes(30));
    assertThat(calendar.workingTimeBetween(china("2026-02-14T17:50:00"), china("2026-02-24T09:20:00")))
        .isEqualTo(Duration.ofHours(1));
    assertThat(calendar.workingTimeBetween(china("2026-03-10T10:00:00"), china("2026-03-09T10:00:00")))
        .as("backwards").isZero();
    // a whole ordinary week: 5 × 7.5 h
    assertThat(calendar.workingTimeBetween(china("2026-03-09T00:00:00"), china("2026-03-16T00:00:00")))
        .isEqualTo(Duration.ofMinutes(5 * 450));
  }

  @Test
  void plusWorkingTimeAndWorkingTimeBetweenAgree() {
    Instant start = china("2026-09-30T16:20:00");
    for (long minutes : new long[] {1, 99, 450, 451, 2000, 6000}) {
      Instant end = calendar.plusWorkingTime(start, Duration.ofMinutes(minutes));
      assertThat(calendar.workingTimeBetween(start, end)).as("%d min", minutes).isEqualTo(Duration.ofMinutes(minutes));
    }
  }

  @Test
  void aYearWithoutDataHasWeekendsOffOnly() {
    assertThat(calendar.isWorkingDay(LocalDate.parse("2031-01-01"))).as("a Wednesday, no data").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2031-01-04"))).as("a Saturday").isFalse();
  }

  @Test
  void beijingTimeWhateverTheZoneOfTheJvm() {
    TimeZone saved = TimeZone.getDefault();
    try {
      for (String zone : new String[] {"UTC", "America/New_York", "Pacific/Kiritimati"}) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        WorkingCalendar fresh = TestCalendars.stateCouncil();
        // 17:55 on Friday in Beijing is 09:55 UTC, still Friday working time wherever the JVM is
        assertThat(fresh.isWorkingTime(Instant.parse("2026-11-27T09:55:00Z"))).as(zone).isTrue();
        assertThat(fresh.plusWorkingTime(Instant.parse("2026-11-27T09:55:00Z"), Duration.ofMinutes(10)))
            .as(zone).isEqualTo(Instant.parse("2026-11-30T00:35:00Z"));
        assertThat(fresh.plusWorkingDays(Instant.parse("2026-09-30T02:00:00Z"), 5))
            .as(zone).isEqualTo(Instant.parse("2026-10-13T02:00:00Z"));
      }
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void otherWorkingHoursAreASetting() {
    WorkingCalendar nineToFive = TestCalendars.withHours("09:00-17:00");
    assertThat(nineToFive.plusWorkingTime(china("2026-03-09T16:30:00"), Duration.ofHours(1)))
        .isEqualTo(china("2026-03-10T09:30:00"));
    assertThat(nineToFive.isWorkingTime(china("2026-03-09T12:30:00"))).isTrue();
  }

  @Test
  void aBadWorkingHoursSettingStopsTheStart() {
    assertThat(WorkingCalendar.parsePeriods(" 08:30 - 12:00 , 14:00-18:00 ")).hasSize(2);
    assertThatThrownBy(() -> WorkingCalendar.parsePeriods("08:30")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("无效的时段");
    assertThatThrownBy(() -> WorkingCalendar.parsePeriods("12:00-08:30"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不重叠");
    assertThatThrownBy(() -> WorkingCalendar.parsePeriods("08:30-12:00,11:00-18:00"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不重叠");
    assertThatThrownBy(() -> WorkingCalendar.parsePeriods("14:00-18:00,08:30-12:00"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
