package cn.gov.gz.govcloud.deliverable;

import java.time.LocalDate;
import java.time.Period;

/**
 * How often a deliverable is due. A periodic one is due one period after its latest version (or after the contract's
 * start while there is none); ONCE after the contract's start; END after the contract's end; the others (a document
 * per event or per change, a live record kept by the system) are never overdue by the calendar.
 */
public enum Cadence {
  ONCE("一次性（服务期初）", null),
  MONTHLY("每月", Period.ofMonths(1)),
  QUARTERLY("每季度", Period.ofMonths(3)),
  HALF_YEARLY("每半年", Period.ofMonths(6)),
  YEARLY("每年", Period.ofYears(1)),
  PER_EVENT("每次发生后", null),
  ON_CHANGE("发生变化时", null),
  LIVE("系统实时台账", null),
  END("服务期末", null);

  private final String label;
  private final Period period;

  Cadence(String label, Period period) {
    this.label = label;
    this.period = period;
  }

  public String label() {
    return label;
  }

  /** The period of a periodic cadence, null otherwise. */
  public Period period() {
    return period;
  }

  /**
   * The day the next version is due, or null when the calendar sets none.
   *
   * @param latest the day of the latest delivered version (Beijing time), null when none
   */
  LocalDate nextDue(LocalDate latest, LocalDate contractFrom, LocalDate contractTo, Period firstWithin,
      Period endWithin) {
    return switch (this) {
      case ONCE -> latest == null ? contractFrom.plus(firstWithin) : null;
      case END -> latest != null && !latest.isBefore(contractTo.minusMonths(1)) ? null : contractTo.plus(endWithin);
      case MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY -> (latest == null ? contractFrom : latest).plus(period);
      default -> null;
    };
  }
}
