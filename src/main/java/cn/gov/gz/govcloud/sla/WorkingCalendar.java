package cn.gov.gz.govcloud.sla;

import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.engine.CityTime;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The mainland-China working-day calendar (DOMAIN.md §3): statutory days off and make-up working days are data
 * ({@code calendar_day}, loaded per year); any other weekday works and any other weekend day does not. Working hours
 * for 5×8 service are a setting ({@code govcloud.sla.working-hours}). Each node keeps a year's data for a few
 * minutes, so a year loaded on one node reaches the others without a restart.
 */
@Implements(value = "P3 5.3.2.8 b", what = "5×8 服务时间按工作时间和国务院节假日安排（含调休）计算")
@Implements(value = "GB 5.3.6", what = "三、四级服务 5×8 受理时间的计时")
@Service
public class WorkingCalendar {

  /** The city's zone ({@link CityTime#ZONE}). */
  public static final ZoneId CHINA = CityTime.ZONE;
  private static final Duration CACHE = Duration.ofMinutes(5);

  private final JdbcClient jdbc;
  private final List<LocalTime[]> periods;
  private final Map<Integer, CachedYear> years = new ConcurrentHashMap<>();

  WorkingCalendar(JdbcClient jdbc,
      @Value("${govcloud.sla.working-hours:08:30-12:00,14:00-18:00}") String workingHours) {
    this.jdbc = jdbc;
    this.periods = parsePeriods(workingHours);
  }

  /** "08:30-12:00,14:00-18:00" into ordered periods; a bad setting stops the start. */
  static List<LocalTime[]> parsePeriods(String setting) {
    List<LocalTime[]> out = new ArrayList<>();
    for (String part : setting.split(",")) {
      String[] fromTo = part.strip().split("-");
      if (fromTo.length != 2) {
        throw new IllegalArgumentException("govcloud.sla.working-hours: 无效的时段 " + part);
      }
      LocalTime from = LocalTime.parse(fromTo[0].strip());
      LocalTime to = LocalTime.parse(fromTo[1].strip());
      if (!to.isAfter(from) || (!out.isEmpty() && from.isBefore(out.get(out.size() - 1)[1]))) {
        throw new IllegalArgumentException("govcloud.sla.working-hours: 时段须按时间先后且不重叠 " + setting);
      }
      out.add(new LocalTime[] {from, to});
    }
    return List.copyOf(out);
  }

  /** True at a moment within working hours of a working day (5×8 service). */
  public boolean isWorkingTime(Instant moment) {
    ZonedDateTime t = moment.atZone(CHINA);
    if (!isWorkingDay(t.toLocalDate())) {
      return false;
    }
    LocalTime time = t.toLocalTime();
    return periods.stream().anyMatch(p -> !time.isBefore(p[0]) && time.isBefore(p[1]));
  }

  /**
   * {@code start} plus {@code amount} of working time (5×8: working hours on working days): the clock stands still
   * outside working hours, at weekends and on holidays, and runs on make-up working days.
   */
  public Instant plusWorkingTime(Instant start, Duration amount) {
    ZonedDateTime t = start.atZone(CHINA);
    LocalDate day = t.toLocalDate();
    LocalTime time = t.toLocalTime();
    Duration left = amount;
    for (int guard = 0; guard < 3700; guard++) {
      if (isWorkingDay(day)) {
        for (LocalTime[] p : periods) {
          if (!time.isBefore(p[1])) {
            continue;
          }
          LocalTime from = time.isAfter(p[0]) ? time : p[0];
          Duration available = Duration.between(from, p[1]);
          if (left.compareTo(available) <= 0) {
            return day.atTime(from).plus(left).atZone(CHINA).toInstant();
          }
          left = left.minus(available);
          time = p[1];
        }
      }
      day = day.plusDays(1);
      time = LocalTime.MIDNIGHT;
    }
    throw new IllegalStateException("working time beyond ten years: " + amount);
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

  /** The working time between two instants (zero when {@code to} is not after {@code from}). */
  public Duration workingTimeBetween(Instant from, Instant to) {
    Duration total = Duration.ZERO;
    if (!to.isAfter(from)) {
      return total;
    }
    ZonedDateTime start = from.atZone(CHINA);
    ZonedDateTime end = to.atZone(CHINA);
    for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      for (LocalTime[] p : periods) {
        ZonedDateTime a = day.atTime(p[0]).atZone(CHINA);
        ZonedDateTime b = day.atTime(p[1]).atZone(CHINA);
        ZonedDateTime lo = a.isAfter(start) ? a : start;
        ZonedDateTime hi = b.isBefore(end) ? b : end;
        if (hi.isAfter(lo)) {
          total = total.plus(Duration.between(lo, hi));
        }
      }
    }
    return total;
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
