package cn.gov.gz.govcloud.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The working-day calendar: State Council data for 2025–2026 and a new year loaded as data. */
class WorkingCalendarTest extends WebTest {

  @Autowired
  WorkingCalendar calendar;

  @Autowired
  ObjectMapper json;

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
    assertThat(calendar.plusWorkingTime(china("2026-11-27T17:55:00"), java.time.Duration.ofMinutes(10)))
        .isEqualTo(china("2026-11-30T08:35:00"));
    // lunch break: 11:50 + 30 min = 14:20
    assertThat(calendar.plusWorkingTime(china("2026-11-30T11:50:00"), java.time.Duration.ofMinutes(30)))
        .isEqualTo(china("2026-11-30T14:20:00"));
    // Friday 13 Feb 2026 17:30 + 1 h: 30 min Friday, then the make-up Saturday 14 Feb 09:00
    assertThat(calendar.plusWorkingTime(china("2026-02-13T17:30:00"), java.time.Duration.ofHours(1)))
        .isEqualTo(china("2026-02-14T09:00:00"));
    // Saturday 14 Feb 17:50 + 1 h: Spring Festival 15–23 Feb off, Tuesday 24 Feb 09:20
    assertThat(calendar.plusWorkingTime(china("2026-02-14T17:50:00"), java.time.Duration.ofHours(1)))
        .isEqualTo(china("2026-02-24T09:20:00"));
    assertThat(calendar.isWorkingTime(china("2026-02-14T10:00:00"))).isTrue();
    assertThat(calendar.isWorkingTime(china("2026-02-16T10:00:00"))).isFalse();
    assertThat(calendar.isWorkingTime(china("2026-11-30T12:30:00"))).isFalse();
  }

  @Test
  void aNewYearIsLoadedAsDataAndBadDataIsRefusedWhole() throws Exception {
    ResponseEntity<String> bad = put("mgmt1", "/api/calendar/2031", Map.of("source", "测试",
        "holidays", List.of(Map.of("date", "2031-01-01", "name", "元旦"), Map.of("date", "2030-12-31", "name", "错年")),
        "workdays", List.of(Map.of("date", "2031-01-06", "name", "不是周末"))));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(bad.getBody()).get("errors")).hasSize(2);
    assertThat(get("mgmt1", "/api/calendar/2031").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    assertThat(put("jtj1", "/api/calendar/2031", Map.of("source", "x", "holidays",
        List.of(Map.of("date", "2031-01-01")))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> ok = put("mgmt1", "/api/calendar/2031", Map.of("source", "国务院办公厅通知（测试）",
        "holidays", List.of(Map.of("date", "2031-01-01", "name", "元旦"), Map.of("date", "2031-01-02", "name", "元旦")),
        "workdays", List.of(Map.of("date", "2031-01-04", "name", "元旦调休"))));
    assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode year = json.readTree(get("desk1", "/api/calendar/2031").getBody());
    assertThat(year.get("holidays")).hasSize(2);
    assertThat(calendar.isWorkingDay(LocalDate.parse("2031-01-02"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2031-01-04"))).as("Saturday worked").isTrue();
  }
}
