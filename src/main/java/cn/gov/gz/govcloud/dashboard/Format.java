package cn.gov.gz.govcloud.dashboard;

import cn.gov.gz.govcloud.engine.CityTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/** Times in Beijing time, durations, amounts and percentages as the screen writes them. */
final class Format {

  private Format() {}

  static String minute(Instant at) {
    return CityTime.minute(at);
  }

  static String second(Instant at) {
    return CityTime.second(at);
  }

  static String day(LocalDate d) {
    return d == null ? "—" : d.toString();
  }

  /** "3 分钟", "1 小时 5 分", "2 天 3 小时" (never negative). */
  static String duration(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    if (minutes < 60) {
      return minutes + " 分钟";
    }
    long hours = minutes / 60;
    if (hours < 24) {
      return hours + " 小时" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " 分");
    }
    return hours / 24 + " 天" + (hours % 24 == 0 ? "" : " " + hours % 24 + " 小时");
  }

  /** "1,234,567.89 元". */
  static String yuan(BigDecimal amount) {
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return f.format(amount == null ? BigDecimal.ZERO : amount.setScale(2, RoundingMode.HALF_UP)) + " 元";
  }

  /** "12.5%" of a percentage 0–100, "—" for none. */
  static String percent(Double p) {
    return p == null ? "—" : String.format(Locale.ROOT, "%.1f%%", p);
  }

  /** A number with at most one decimal and no trailing zero. */
  static String number(double v) {
    return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  static Double round1(Double v) {
    return v == null ? null : BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }
}
