package cn.gov.gz.govcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue 19 item 7: schedules keep Beijing time on a server whose zone is UTC (the suite runs with UTC). */
@Tag("unit")
class CityCalendarsTest {

  static final String QUARTERLY = "0 0 9 1 1,4,7,10 ?";

  @Test
  void theQuarterlyInspectionStartsAtNineBeijingTimeOnAUtcServer() {
    assertThat(TimeZone.getDefault().getID()).as("the suite runs on a UTC server").isIn("UTC", "Etc/UTC");
    Date from = Date.from(Instant.parse("2026-12-31T20:00:00Z")); // 04:00 on 1 January in Beijing
    Date due = new CityCalendars.CityCycleCalendar().resolveDuedate(QUARTERLY, from, 0);
    assertThat(due.toInstant()).isEqualTo(Instant.parse("2027-01-01T01:00:00Z")); // 09:00 Beijing time
    // what the engine's own calendar does on this server: 09:00 UTC, 17:00 in Beijing
    Date stock = new CycleBusinessCalendar().resolveDuedate(QUARTERLY, from, 0);
    assertThat(stock.toInstant()).isEqualTo(Instant.parse("2027-01-01T09:00:00Z"));
  }

  @Test
  void theMonthlyReviewAndIsoRepeatsToo() {
    Date from = Date.from(Instant.parse("2026-11-30T23:30:00Z")); // 07:30 on 1 December in Beijing
    assertThat(new CityCalendars.CityCycleCalendar().resolveDuedate("0 0 8 1 * ?", from, 0).toInstant())
        .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    Date repeat = new CityCalendars.CityCycleCalendar()
        .resolveDuedate("R2/2026-12-01T00:00:00Z/PT10M", Date.from(Instant.parse("2026-12-01T00:05:00Z")), 0);
    assertThat(repeat.toInstant()).isEqualTo(Instant.parse("2026-12-01T00:10:00Z"));
  }

  @Test
  void casesAndFormsReadBeijingTime() {
    assertThat(CityTime.minute(Instant.parse("2026-12-03T13:06:44Z"))).isEqualTo("2026-12-03 21:06");
    assertThat(CaseNumbers.of("EM", 7, Instant.parse("2026-12-03T17:00:00Z"))).isEqualTo("EM20261204-000007");
  }
}
