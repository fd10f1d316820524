package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.engine.Sql.ts;

import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recovery clock of an emergency (GB/T 34077.3 5.3.6): by when service must be back, from the system's service
 * level (decision service-level-targets), counted from detection on the level's hours (levels 1–2 7×24, levels 3–4
 * 5×8 working time), whatever calendar the case's response follows.
 */
@Implements(value = "GB 5.3.6", what = "应急事件故障恢复时限按服务级别及其服务时间（一、二级 7×24，三、四级 5×8）计算，自发现时间起算，重新处置沿用原时限")
@Service
class RecoveryClock {
  private final EmergencyService cases;
  private final JdbcClient jdbc;
  private final WorkingCalendar calendar;
  private final Clock clock;

  RecoveryClock(EmergencyService cases, JdbcClient jdbc, WorkingCalendar calendar, Clock clock) {
    this.cases = cases;
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * Starts the recovery clock once per case (GB/T 34077.3 5.3.6): service must be back {@code recoverWithin} after
   * detection, in working time for 5×8 service, or by the deadline of the work order the case came from if that is
   * earlier. A reopened case keeps its deadline: the fault is the same.
   */
  @Transactional
  public Emergency startRecoveryClock(long id, Duration recoverWithin, String levelHours, Instant handedOverDue) {
    Emergency e = cases.get(id);
    if (e.recoveryDueAt() != null) {
      return e;
    }
    Instant due = "5x8".equals(levelHours) ? calendar.plusWorkingTime(e.detectedAt(), recoverWithin)
        : e.detectedAt().plus(recoverWithin);
    if (handedOverDue != null && handedOverDue.isBefore(due)) {
      due = handedOverDue;
    }
    jdbc.sql("UPDATE emergency SET recovery_within_s = ?, recovery_due_at = ?, level_hours = ?, updated_at = ? "
        + "WHERE id = ?").params(recoverWithin.toSeconds(), ts(due), levelHours, ts(clock.instant()), id).update();
    return cases.get(id);
  }

  /** Whether the case's recovery and on-site clocks count working time (its system's level is 5×8). */
  boolean levelInWorkingTime(long id) {
    return jdbc.sql("SELECT level_hours FROM emergency WHERE id = ?").param(id).query(String.class).optional()
        .map("5x8"::equals).orElse(false);
  }

  /** After a calendar change: the recovery deadline of a case on a 5×8 level counted again on the new calendar. */
  @Transactional
  public Instant recomputeRecoveryDue(long id, Instant handedOverDue) {
    Emergency e = cases.get(id);
    long within = jdbc.sql("SELECT recovery_within_s FROM emergency WHERE id = ?").param(id).query(Long.class).single();
    Instant due = levelInWorkingTime(id) ? calendar.plusWorkingTime(e.detectedAt(), Duration.ofSeconds(within))
        : e.detectedAt().plusSeconds(within);
    if (handedOverDue != null && handedOverDue.isBefore(due)) {
      due = handedOverDue;
    }
    jdbc.sql("UPDATE emergency SET recovery_due_at = ?, updated_at = ? WHERE id = ?")
        .params(ts(due), ts(clock.instant()), id).update();
    return due;
  }

  /** The recovery deadline passed with service not back: on the record, for the report and the KPIs. */
  @Transactional
  public void recoveryOverdue(long id, String groups) {
    Emergency e = cases.get(id);
    cases.event(id, "RECOVERY_OVERDUE", "system", "超过恢复时限（" + CityTime.minute(e.recoveryDueAt()) + "）业务仍未恢复，已升级至 "
        + groups, e.recoveryDueAt(), false);
  }
}
