package cn.gov.gz.govcloud.sla;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The mainland-China working-day calendar (DOMAIN.md §3): statutory days off and make-up working days are data
 * ({@code calendar_day}, loaded per year); any other weekday works and any other weekend day does not. Each node keeps
 * a year's data for a few minutes, so a year loaded on one node reaches the others without a restart.
 */
@Service
public class WorkingCalendar {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final Duration CACHE = Duration.ofMinutes(5);

  private final JdbcClient jdbc;
  private final Map<Integer, CachedYear> years = new ConcurrentHashMap<>();

  WorkingCalendar(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record CachedYear(Map<LocalDate, String> days, Instant loadedAt) {}

  public boolean isWorkingDay(LocalDate day) {
    String kind = year(day.getYear()).get(day);
    if (kind != null) {
      return "WORKDAY".equals(kind);
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** The same time of day {@code days} working days later (in China time); a start on a day off counts from the next working day. */
  public Instant plusWorkingDays(Instant start, int days) {
    ZonedDateTime t = start.atZone(CHINA);
    LocalDate day = t.toLocalDate();
    int left = days;
    while (left > 0) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day.atTime(t.toLocalTime()).atZone(CHINA).toInstant();
  }

  /** Forgets cached data of a year (after it was loaded or replaced). */
  void forget(int year) {
    years.remove(year);
  }

  private Map<LocalDate, String> year(int year) {
    CachedYear cached = years.get(year);
    if (cached == null || cached.loadedAt().plus(CACHE).isBefore(Instant.now())) {
      Map<LocalDate, String> days = new HashMap<>();
      jdbc.sql("SELECT cal_date, kind FROM calendar_day WHERE cal_date >= ? AND cal_date < ?")
          .params(Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year + 1, 1, 1)))
          .query((rs, i) -> days.put(rs.getDate(1).toLocalDate(), rs.getString(2)))
          .list();
      cached = new CachedYear(Map.copyOf(days), Instant.now());
      years.put(year, cached);
    }
    return cached.days();
  }
}
