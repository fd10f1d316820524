package cn.gov.gz.govcloud.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A new calendar year loaded as data over the API, and bad data refused whole. The maths: {@link WorkingCalendarTest}.
 * The year is one no other test works in: the calendar is the whole suite's, and the holidays loaded here stay.
 */
class CalendarApiTest extends WebTest {

  @Autowired
  WorkingCalendar calendar;

  @Autowired
  ObjectMapper json;

  @Test
  void aNewYearIsLoadedAsDataAndBadDataIsRefusedWhole() throws Exception {
    ResponseEntity<String> bad = put("mgmt1", "/api/calendar/2049", Map.of("source", "测试",
        "holidays", List.of(Map.of("date", "2049-01-01", "name", "元旦"), Map.of("date", "2048-12-31", "name", "错年")),
        "workdays", List.of(Map.of("date", "2049-01-06", "name", "不是周末"))));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(bad.getBody()).get("errors")).hasSize(2);
    assertThat(get("mgmt1", "/api/calendar/2049").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    assertThat(put("jtj1", "/api/calendar/2049", Map.of("source", "x", "holidays",
        List.of(Map.of("date", "2049-01-01")))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> ok = put("mgmt1", "/api/calendar/2049", Map.of("source", "国务院办公厅通知（测试）",
        "holidays", List.of(Map.of("date", "2049-01-01", "name", "元旦"), Map.of("date", "2049-01-04", "name", "元旦")),
        "workdays", List.of(Map.of("date", "2049-01-09", "name", "元旦调休"))));
    assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode year = json.readTree(get("desk1", "/api/calendar/2049").getBody());
    assertThat(year.get("holidays")).hasSize(2);
    assertThat(calendar.isWorkingDay(LocalDate.parse("2049-01-04"))).as("Monday off").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2049-01-09"))).as("Saturday worked").isTrue();
  }
}
