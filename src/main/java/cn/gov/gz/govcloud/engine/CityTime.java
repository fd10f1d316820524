package cn.gov.gz.govcloud.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * The city's clock face: Beijing time (Asia/Shanghai), whatever the server's zone, for schedules, deadlines shown to
 * people, case numbers, forms, documents and notices. An installation elsewhere sets {@code GOVCLOUD_TIME_ZONE} (or
 * the system property {@code govcloud.time-zone}); the JVM's default zone is never used.
 */
public final class CityTime {

  public static final ZoneId ZONE = ZoneId.of(System.getProperty("govcloud.time-zone",
      System.getenv().getOrDefault("GOVCLOUD_TIME_ZONE", "Asia/Shanghai")));

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
  private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

  private CityTime() {}

  /** "2026-12-03 21:06", or "—" for no time. */
  public static String minute(Instant at) {
    return at == null ? "—" : MINUTE.format(at);
  }

  public static String minute(Date at) {
    return at == null ? "—" : minute(at.toInstant());
  }

  /** "2026-12-03 21:06:44", or "—" for no time. */
  public static String second(Instant at) {
    return at == null ? "—" : SECOND.format(at);
  }
}
