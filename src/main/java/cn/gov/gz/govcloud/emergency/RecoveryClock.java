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
 * level (decision service-level-targets), counted from detection, in working time for 5×8 service.
 */
@Implements(value = "GB 5.3.6", what = "应急事件故障恢复时限按服务级别计算，自发现时间起算，重新处置沿用原时限")
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
  public Emergency startRecoveryClock(long id, Duration recoverWithin, Instant handedOverDue) {
    Emergency e = cases.get(id);
    if (e.recoveryDueAt() != null) {
      return e;
    }
    Instant due = e.workingHoursOnly() ? calendar.plusWorkingTime(e.detectedAt(), recoverWithin)
        : e.detectedAt().plus(recoverWithin);
    if (handedOverDue != null && handedOverDue.isBefore(due)) {
      due = handedOverDue;
    }
    jdbc.sql("UPDATE emergency SET recovery_within_s = ?, recovery_due_at = ?, updated_at = ? WHERE id = ?")
        .params(recoverWithin.toSeconds(), ts(due), ts(clock.instant()), id).update();
    return cases.get(id);
  }

  /**
   * The recovery deadline counted again from detection: after a calendar change (5×8 cases, on the new calendar) or
   * after the responder reclassified the case (7×24 or 5×8 as the new classification says).
   */
  @Transactional
  public Instant recomputeRecoveryDue(long id, Instant handedOverDue) {
    Emergency e = cases.get(id);
    long within = jdbc.sql("SELECT recovery_within_s FROM emergency WHERE id = ?").param(id).query(Long.class).single();
    Instant due = e.workingHoursOnly() ? calendar.plusWorkingTime(e.detectedAt(), Duration.ofSeconds(within))
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
