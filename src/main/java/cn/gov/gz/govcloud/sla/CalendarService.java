package cn.gov.gz.govcloud.sla;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.sla.CalendarYear.Day;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads and reads years of the working-day calendar (no code change when the State Council publishes a new year). */
@Service
public class CalendarService {

  private final JdbcClient jdbc;
  private final WorkingCalendar calendar;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CalendarService(JdbcClient jdbc, WorkingCalendar calendar, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public CalendarYear get(int year) {
    String source = jdbc.sql("SELECT source FROM calendar_year WHERE cal_year = ?").param(year).query(String.class)
        .optional().orElseThrow(() -> new NotFoundException(year + " 年的工作日历尚未导入"));
    List<Day> holidays = days(year, "HOLIDAY");
    List<Day> workdays = days(year, "WORKDAY");
    return new CalendarYear(year, source, holidays, workdays);
  }

  /** Loads (or replaces) one year; all or nothing. */
  @Transactional
  public CalendarYear load(int year, CalendarYear data, Caller caller) {
    if (!caller.isAdmin() && !caller.inAny(Groups.MANAGEMENT, Groups.OPS_MANAGER)) {
      throw new AccessDeniedException("只有管理方或服务方管理人员可以维护工作日历");
    }
    List<FieldError> errors = new ArrayList<>();
    if (year < 2000 || year > 2100) {
      errors.add(new FieldError(null, "year", "年份无效"));
    }
    if (data == null || data.source() == null || data.source().isBlank()) {
      errors.add(new FieldError(null, "source", "请注明依据（如国务院办公厅通知名称）"));
    }
    List<Day> holidays = data == null || data.holidays() == null ? List.of() : data.holidays();
    List<Day> workdays = data == null || data.workdays() == null ? List.of() : data.workdays();
    if (holidays.isEmpty()) {
      errors.add(new FieldError(null, "holidays", "至少需要一个节假日"));
    }
    Set<LocalDate> seen = new HashSet<>();
    check(holidays, "holidays", year, seen, errors, false);
    check(workdays, "workdays", year, seen, errors, true);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    jdbc.sql("DELETE FROM calendar_day WHERE cal_date >= ? AND cal_date < ?")
        .params(Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year + 1, 1, 1))).update();
    jdbc.sql("DELETE FROM calendar_year WHERE cal_year = ?").param(year).update();
    jdbc.sql("INSERT INTO calendar_year (cal_year, source, loaded_by, loaded_at) VALUES (?, ?, ?, ?)")
        .params(year, data.source().strip(), caller.userId(), Timestamp.from(clock.instant())).update();
    insert(holidays, "HOLIDAY");
    insert(workdays, "WORKDAY");
    calendar.forget(year);
    events.publishEvent(new CalendarYearLoaded(year));
    return get(year);
  }

  private void insert(List<Day> days, String kind) {
    for (Day d : days) {
      jdbc.sql("INSERT INTO calendar_day (cal_date, kind, name) VALUES (?, ?, ?)")
          .params(Date.valueOf(d.date()), kind, d.name()).update();
    }
  }

  private static void check(List<Day> days, String field, int year, Set<LocalDate> seen, List<FieldError> errors,
      boolean mustBeWeekend) {
    for (int i = 0; i < days.size(); i++) {
      Day d = days.get(i);
      if (d == null || d.date() == null) {
        errors.add(new FieldError(i, field, "日期不能为空"));
        continue;
      }
      if (d.date().getYear() != year) {
        errors.add(new FieldError(i, field, d.date() + " 不在 " + year + " 年"));
      }
      if (!seen.add(d.date())) {
        errors.add(new FieldError(i, field, d.date() + " 重复"));
      }
      boolean weekend = d.date().getDayOfWeek() == DayOfWeek.SATURDAY || d.date().getDayOfWeek() == DayOfWeek.SUNDAY;
      if (mustBeWeekend && !weekend) {
        errors.add(new FieldError(i, field, d.date() + " 不是周末，无需调休上班"));
      }
      if (d.name() != null && d.name().length() > 50) {
        errors.add(new FieldError(i, field, "名称最长 50 字"));
      }
    }
  }

  private List<Day> days(int year, String kind) {
    return jdbc.sql("SELECT cal_date, name FROM calendar_day WHERE cal_date >= ? AND cal_date < ? AND kind = ? ORDER BY cal_date")
        .params(Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year + 1, 1, 1)), kind)
        .query((rs, i) -> new Day(rs.getDate(1).toLocalDate(), rs.getString(2))).list();
  }
}
