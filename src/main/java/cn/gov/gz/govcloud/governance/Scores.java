package cn.gov.gz.govcloud.governance;

import cn.gov.gz.govcloud.web.ValidationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Small readers and formats of the governance room's inputs: scores, counts, days, limited texts. */
final class Scores {

  private Scores() {}

  /** A whole number between min and max, or a validation error naming the field. */
  static int whole(Object v, String field, String label, int min, int max) {
    Integer n = null;
    if (v instanceof Number x && x.doubleValue() == Math.rint(x.doubleValue())) {
      n = x.intValue();
    } else if (v != null && v.toString().strip().matches("-?[0-9]{1,6}")) {
      n = Integer.valueOf(v.toString().strip());
    }
    if (n == null || n < min || n > max) {
      throw ValidationException.of(field, label + "：请填写 " + min + "–" + max + " 的整数");
    }
    return n;
  }

  /** Required text of at most max characters. */
  static String required(String v, String field, String label, int max) {
    if (v == null || v.isBlank()) {
      throw ValidationException.of(field, "请填写" + label);
    }
    return optional(v, field, label, max);
  }

  /** Optional text of at most max characters; null when blank. */
  static String optional(String v, String field, String label, int max) {
    if (v == null || v.isBlank()) {
      return null;
    }
    String s = v.strip();
    if (s.length() > max) {
      throw ValidationException.of(field, label + "不能超过 " + max + " 字");
    }
    return s;
  }

  /** A day (YYYY-MM-DD, or the date part of a date-time). */
  static LocalDate day(Object v, String field, String label) {
    if (v == null || v.toString().isBlank()) {
      throw ValidationException.of(field, "请填写" + label + "（YYYY-MM-DD）");
    }
    String s = v.toString().strip();
    try {
      return LocalDate.parse(s.substring(0, Math.min(10, s.length())));
    } catch (DateTimeParseException e) {
      throw ValidationException.of(field, label + "的格式应为 YYYY-MM-DD");
    }
  }

  /** The id a delegate reads from its process (a number variable). */
  static long id(org.camunda.bpm.engine.delegate.VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalStateException("流程变量 " + name + " 不是编号: " + v);
  }

  static Double average(List<? extends Number> values) {
    return values.isEmpty() ? null : values.stream().mapToDouble(Number::doubleValue).average().orElse(0);
  }

  static String score(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.2f", v);
  }

  static String pct(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.1f%%", v * 100);
  }
}
