package cn.gov.gz.govcloud.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The numbers people quote on the phone and in reports: a prefix, the day of receipt in China, and the row id, such
 * as {@code WO20261125-000042}. They are the business keys of the processes.
 */
public final class CaseNumbers {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
      .withZone(CityTime.ZONE);

  private CaseNumbers() {}

  public static String of(String prefix, long id, Instant receivedAt) {
    return prefix + DAY.format(receivedAt) + "-" + String.format("%06d", id);
  }
}
