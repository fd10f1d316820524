package cn.gov.gz.govcloud.notification;

import cn.gov.gz.govcloud.engine.CityTime;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * A nightly window in Beijing time ({@code 22:00-08:00}; it may cross midnight) in which routine pages wait for the
 * morning. Empty: no quiet hours.
 */
final class QuietHours {

  private final LocalTime start;
  private final LocalTime end;

  private QuietHours(LocalTime start, LocalTime end) {
    this.start = start;
    this.end = end;
  }

  static QuietHours parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return new QuietHours(null, null);
    }
    String[] parts = spec.strip().split("-");
    try {
      if (parts.length != 2) {
        throw new DateTimeParseException("", spec, 0);
      }
      LocalTime s = LocalTime.parse(parts[0].strip());
      LocalTime e = LocalTime.parse(parts[1].strip());
      if (s.equals(e)) {
        throw new DateTimeParseException("", spec, 0);
      }
      return new QuietHours(s, e);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("govcloud.notification.quiet-hours (NOTIFY_QUIET_HOURS) must look like "
          + "22:00-08:00, not '" + spec + "'");
    }
  }

  /** {@code at}, or the end of the quiet hours when {@code at} falls in them. */
  Instant release(Instant at) {
    if (start == null) {
      return at;
    }
    ZonedDateTime local = at.atZone(CityTime.ZONE);
    LocalTime t = local.toLocalTime();
    boolean crossesMidnight = start.isAfter(end);
    boolean quiet = crossesMidnight ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
    if (!quiet) {
      return at;
    }
    ZonedDateTime release = local.with(end);
    if (!release.isAfter(local)) {
      release = release.plusDays(1);
    }
    return release.toInstant();
  }
}
