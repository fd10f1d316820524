package cn.gov.gz.govcloud.sla;

import java.time.LocalDate;
import java.util.List;

/**
 * One year of the State Council's holiday arrangement: days off (holidays, including bridged weekdays) and make-up
 * working days (weekend days that are worked).
 */
public record CalendarYear(int year, String source, List<Day> holidays, List<Day> workdays) {

  /** A date with the name of its festival. */
  public record Day(LocalDate date, String name) {}
}
