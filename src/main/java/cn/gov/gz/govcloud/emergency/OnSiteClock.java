package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.engine.Sql.instant;
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
 * The on-site clock of an emergency (GB/T 34077.3 5.3.6 人员到场时间): by when staff must be on site when the handling
 * needs presence, from the system's service level (decision service-level-targets, output onSiteWithin), counted from
 * detection on the level's hours like the recovery clock (working time for levels 3–4). Level 1 has staff resident on site (PT0M): no
 * deadline. The first 人员到场 or 现场值守 action is the arrival, on the timeline with its deadline.
 */
@Implements(value = "GB 5.3.6", what = "应急事件人员到场时限按服务级别计算，记录到场时间及是否按时")
@Service
class OnSiteClock {

  /** The on-site figures of a case: the deadline (null: resident staff or not classified) and the arrival. */
  record OnSite(Duration within, Instant dueAt, Instant arrivedAt) {
    boolean resident() {
      return within != null && within.isZero();
    }
  }

  private final EmergencyService cases;
  private final JdbcClient jdbc;
  private final WorkingCalendar calendar;
  private final Clock clock;

  OnSiteClock(EmergencyService cases, JdbcClient jdbc, WorkingCalendar calendar, Clock clock) {
    this.cases = cases;
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Starts the clock once per case; a reopened case keeps its deadline, as for recovery. */
  @Transactional
  public OnSite start(long id, Duration within, String levelHours) {
    OnSite now = of(id);
    if (now.within() != null) {
      return now;
    }
    Emergency e = cases.get(id);
    Instant due = within.isZero() ? null : "5x8".equals(levelHours) ? calendar.plusWorkingTime(e.detectedAt(), within)
        : e.detectedAt().plus(within);
    jdbc.sql("UPDATE emergency SET on_site_within_s = ?, on_site_due_at = ?, updated_at = ? WHERE id = ?")
        .params(within.toSeconds(), ts(due), ts(clock.instant()), id).update();
    return of(id);
  }

  /** Staff arrived on site (the first time counts): recorded with whether it was in time. */
  @Transactional
  public void arrived(long id, String by) {
    OnSite s = of(id);
    if (s.arrivedAt() != null) {
      return;
    }
    Instant now = clock.instant();
    jdbc.sql("UPDATE emergency SET on_site_at = ?, updated_at = ? WHERE id = ?").params(ts(now), ts(now), id).update();
    if (s.resident()) {
      cases.event(id, "ON_SITE", by, "人员在现场处置（一级服务，人员常驻）", null, null);
    } else if (s.dueAt() != null) {
      boolean onTime = !now.isAfter(s.dueAt());
      cases.event(id, "ON_SITE", by, "人员到场（到场时限 " + CityTime.minute(s.dueAt()) + "，" + (onTime ? "按时" : "超时")
          + "）", s.dueAt(), onTime);
    }
  }

  OnSite of(long id) {
    return jdbc.sql("SELECT on_site_within_s, on_site_due_at, on_site_at FROM emergency WHERE id = ?").param(id)
        .query((rs, n) -> new OnSite(rs.getObject("on_site_within_s") == null ? null
            : Duration.ofSeconds(rs.getLong("on_site_within_s")), instant(rs.getTimestamp("on_site_due_at")),
            instant(rs.getTimestamp("on_site_at")))).single();
  }

  /** What a case shows and the report prints for the on-site deadline. */
  static String describe(OnSite s) {
    if (s.within() == null) {
      return "—";
    }
    if (s.resident()) {
      return "一级服务：人员常驻现场，即时响应";
    }
    String due = "需要现场处置时，须在 " + CityTime.minute(s.dueAt()) + "（北京时间）前到场";
    if (s.arrivedAt() == null) {
      return due;
    }
    return "已于 " + CityTime.minute(s.arrivedAt()) + " 到场（时限 " + CityTime.minute(s.dueAt()) + "，"
        + (s.arrivedAt().isAfter(s.dueAt()) ? "超时" : "按时") + "）";
  }
}
