package cn.gov.gz.govcloud.inspection;

import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/** How the inspection's forms and REST callers write dates and lists, read the same way by every step. */
final class FormValues {

  private FormValues() {}

  /**
   * A moment from a form or REST: a Date, an ISO date-time with offset, a local date-time (China time) or a date
   * (meaning the end of that day, China time).
   */
  static Instant moment(Object value, String field) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant();
    }
    String s = value.toString().strip();
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).plusDays(1).atStartOfDay(WorkingCalendar.CHINA).toInstant().minusSeconds(1);
      }
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e) {
        return LocalDateTime.parse(s).atZone(WorkingCalendar.CHINA).toInstant();
      }
    } catch (DateTimeParseException e) {
      throw ValidationException.of(field, "日期格式应为 2026-12-31 或 2026-12-31T18:00+08:00: " + s);
    }
  }

  /** A list from a form (a multi-select) or REST (a JSON array or text separated by commas or spaces). */
  static List<String> list(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> l) {
      return l.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
    String s = value.toString().strip();
    if (s.startsWith("[")) {
      s = s.substring(1, s.length() - 1).replace("\"", "");
    }
    return Arrays.stream(s.split("[,，;；\\s]+")).map(String::strip).filter(x -> !x.isEmpty()).distinct().toList();
  }
}
