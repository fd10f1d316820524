package cn.gov.gz.govcloud.engine;

import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Small readers of process variables shared by every feature's delegates. */
public final class Variables {

  private Variables() {}

  /** The variable as trimmed text, or null when it is not set or blank (Camunda Forms submit empty strings). */
  public static String text(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null) {
      return null;
    }
    String s = v.toString().strip();
    return s.isEmpty() ? null : s;
  }

  /**
   * A moment from a variable or a REST body: a Date, an ISO instant, an offset time (Camunda Forms write
   * 2026-10-01T09:00+08:00) or a local time in the city's zone; null when blank; bad text is refused naming the field.
   */
  public static Instant moment(Object v, String field) {
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    if (v instanceof Date d) {
      return d.toInstant();
    }
    String s = v.toString().strip();
    try {
      return Instant.parse(s);
    } catch (RuntimeException e) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (RuntimeException again) {
        try {
          return LocalDateTime.parse(s).atZone(CityTime.ZONE).toInstant();
        } catch (RuntimeException last) {
          throw ValidationException.of(field, "时间格式应为 ISO 8601，如 2026-10-01T09:00:00+08:00");
        }
      }
    }
  }

  /**
   * A day from a variable: a Date (its day in Beijing time) or text YYYY-MM-DD (or the date part of a date-time); null
   * when blank; bad text is refused naming the variable.
   */
  public static LocalDate day(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    if (v instanceof Date d) {
      return d.toInstant().atZone(CityTime.ZONE).toLocalDate();
    }
    String s = v.toString().strip();
    try {
      return LocalDate.parse(s.substring(0, Math.min(10, s.length())));
    } catch (DateTimeParseException e) {
      throw ValidationException.of(name, "日期格式应为 YYYY-MM-DD");
    }
  }

  /** A record's id from a variable: a number, or its digits as text; anything else is refused naming the variable. */
  public static long id(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(String.valueOf(v).strip());
    } catch (NumberFormatException e) {
      throw ValidationException.of(name, "请填写编号（数字）");
    }
  }
}
