package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.engine.Sql.ts;
import static cn.gov.gz.govcloud.engine.Sql.instant;
import static cn.gov.gz.govcloud.web.Text.blank;
import static cn.gov.gz.govcloud.web.Text.blankToNull;

import cn.gov.gz.govcloud.engine.CaseNumbers;
import cn.gov.gz.govcloud.access.UnitScope;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.organization.BusinessSystem;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.web.Paging;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergencies (P6 7.4.2.3; P3 5.3.2): the case, its response clock (from the time detected, 7×24 or working time for
 * 5×8 service), the feedback beats, and a timeline where every action, escalation and beat is on the record.
 */
@Service
public class EmergencyService {

  static final Set<String> CATEGORIES = Set.of("INTERRUPTION", "DATA_LOSS", "DEGRADATION", "SECURITY", "OTHER");
  static final List<String> STATUSES = List.of("OPEN", "RESPONDED", "RECOVERED", "CLOSED");
  static final Set<String> SOURCES = Set.of("MONITORING", "HOTLINE", "USER", "INSPECTION", "WORK_ORDER");
  private static final String COLUMNS = "id, emergency_no, alert_ref, process_instance_id, unit_code, "
      + "business_system_code, category, severity, service_hours, source, reporter, contact, scope, measures_taken, "
      + "description, detected_at, received_at, status, response_clock_start, response_within_s, response_due_at, "
      + "responded_at, responded_by, feedback_interval_s, next_feedback_at, escalation_level, occurrences, "
      + "reopen_count, recovered_at, cause, result, improvement, closed_at, drill, recovery_due_at";

  private final JdbcClient jdbc;
  private final OrganizationService organization;
  private final WorkingCalendar calendar;
  private final Clock clock;

  EmergencyService(JdbcClient jdbc, OrganizationService organization, WorkingCalendar calendar, Clock clock) {
    this.jdbc = jdbc;
    this.organization = organization;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Refuses bad input naming every field: unknown system, missing category or description, detected in future. */
  public BusinessSystem validate(EmergencyIntake in) {
    List<FieldError> errors = new ArrayList<>();
    BusinessSystem system = null;
    if (blank(in.businessSystemCode())) {
      errors.add(new FieldError(null, "businessSystemCode", "不能为空"));
    } else {
      system = organization.findSystem(in.businessSystemCode()).orElse(null);
      if (system == null) {
        errors.add(new FieldError(null, "businessSystemCode", "业务系统不存在: " + in.businessSystemCode()));
      }
    }
    if (blank(in.category())) {
      errors.add(new FieldError(null, "category", "不能为空，取值 INTERRUPTION、DATA_LOSS、DEGRADATION、SECURITY、OTHER"));
    } else if (!CATEGORIES.contains(in.category().toUpperCase(Locale.ROOT))) {
      errors.add(new FieldError(null, "category", "取值无效: " + in.category()));
    }
    if (blank(in.description())) {
      errors.add(new FieldError(null, "description", "请描述事件现象"));
    } else if (in.description().length() > 4000) {
      errors.add(new FieldError(null, "description", "最长 4000 字"));
    }
    if (in.source() != null && !SOURCES.contains(in.source().toUpperCase(Locale.ROOT))) {
      errors.add(new FieldError(null, "source", "取值 MONITORING、HOTLINE、USER、INSPECTION、WORK_ORDER"));
    }
    if (in.detectedAt() != null && in.detectedAt().isAfter(clock.instant().plusSeconds(60))) {
      errors.add(new FieldError(null, "detectedAt", "发现时间不能晚于当前时间"));
    }
    if (in.alertRef() != null && in.alertRef().length() > 128) {
      errors.add(new FieldError(null, "alertRef", "最长 128 位"));
    }
    maxLength(errors, "reporter", in.reporter(), 64);
    maxLength(errors, "contact", in.contact(), 100);
    maxLength(errors, "scope", in.scope(), 1000);
    maxLength(errors, "measuresTaken", in.measuresTaken(), 2000);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return system;
  }

  private static void maxLength(List<FieldError> errors, String field, String value, int max) {
    if (value != null && value.length() > max) {
      errors.add(new FieldError(null, field, "最长 " + max + " 字"));
    }
  }

  /**
   * Registers a case for an intake {@link #validate validated} into {@code system} (passed on so that the system is
   * read once per start); a drill case ({@code drill}) is marked and kept out of production KPIs.
   */
  @Transactional
  public Emergency register(EmergencyIntake in, BusinessSystem system, String processInstanceId, String by,
      boolean drill) {
    Instant now = clock.instant();
    Instant detected = in.detectedAt() == null ? now : in.detectedAt();
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO emergency (emergency_no, alert_ref, process_instance_id, unit_code, business_system_code, "
            + "category, severity, service_hours, source, reporter, contact, scope, measures_taken, description, "
            + "detected_at, received_at, status, response_clock_start, response_within_s, response_due_at, "
            + "feedback_interval_s, updated_at, drill, open_alert_ref) VALUES (?, ?, ?, ?, ?, ?, '待定', '7x24', ?, ?, ?, ?, "
            + "?, ?, ?, ?, 'OPEN', ?, 0, ?, 0, ?, ?, ?)")
        .params("TMP-" + java.util.UUID.randomUUID().toString().substring(0, 20), blankToNull(in.alertRef()),
            processInstanceId, system.unitCode(), system.code(), in.category().toUpperCase(Locale.ROOT),
            in.source() == null ? "USER" : in.source().toUpperCase(Locale.ROOT), in.reporter(), in.contact(),
            in.scope(), in.measuresTaken(), in.description().strip(), ts(detected), ts(now), ts(detected),
            ts(detected), ts(now), drill, blankToNull(in.alertRef()))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    String no = CaseNumbers.of("EM", id, now);
    jdbc.sql("UPDATE emergency SET emergency_no = ? WHERE id = ?").params(no, id).update();
    event(id, "RECEIVED", by, (drill ? Emergency.DRILL_MARK : "") + "接报（发现时间："
        + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(WorkingCalendar.CHINA).format(detected) + "）",
        null, null);
    return get(id);
  }

  /**
   * Starts (or, after a reopen, restarts) the response clock at {@code start} with the classification's figures.
   * Returns the case with its due date: start + response target, counted in working time for 5×8 service.
   */
  @Transactional
  public Emergency startResponseClock(long id, Instant start, String severity, String hours, Duration responseWithin,
      Duration feedbackInterval) {
    boolean workingHours = "5x8".equals(hours);
    Instant due = workingHours ? calendar.plusWorkingTime(start, responseWithin) : start.plus(responseWithin);
    Instant nextFeedback = next(start, feedbackInterval, workingHours);
    jdbc.sql("UPDATE emergency SET severity = ?, service_hours = ?, response_clock_start = ?, response_within_s = ?, "
            + "response_due_at = ?, feedback_interval_s = ?, next_feedback_at = ?, responded_at = NULL, "
            + "responded_by = NULL, updated_at = ? WHERE id = ?")
        .params(severity, hours, ts(start), responseWithin.toSeconds(), ts(due), feedbackInterval.toSeconds(),
            ts(nextFeedback), ts(clock.instant()), id)
        .update();
    return get(id);
  }

  /** The next feedback beat after {@code from}: the interval on the clock, or in working time for 5×8 service. */
  Instant next(Instant from, Duration interval, boolean workingHours) {
    return workingHours ? calendar.plusWorkingTime(from, interval) : from.plus(interval);
  }

  @Transactional
  public void responded(long id, String by, String assessment) {
    Instant now = clock.instant();
    Emergency e = get(id);
    jdbc.sql("UPDATE emergency SET status = 'RESPONDED', responded_at = ?, responded_by = ?, updated_at = ? "
            + "WHERE id = ?").params(ts(now), by, ts(now), id).update();
    boolean onTime = !now.isAfter(e.responseDueAt());
    event(id, "RESPONSE", by, "响应" + (onTime ? "（按时）" : "（超时）") + (assessment == null ? "" : "：" + assessment),
        e.responseDueAt(), onTime);
  }

  @Transactional
  public void escalated(long id, int level, String group) {
    jdbc.sql("UPDATE emergency SET escalation_level = GREATEST(escalation_level, ?), updated_at = ? WHERE id = ?")
        .params(level, ts(clock.instant()), id).update();
    event(id, "ESCALATION", "system", "超过响应时限未响应，第 " + level + " 级升级至 " + group, null, null);
  }

  /** Records a feedback beat and the next one's time; returns the updates written since the last beat. */
  @Transactional
  public List<EmergencyEvent> beat(long id, Instant dueAt, boolean sent) {
    Emergency e = get(id);
    Instant since = lastBeat(id).orElse(e.responseClockStart());
    List<EmergencyEvent> updates = events(id).stream()
        .filter(ev -> Set.of("ACTION", "UPDATE", "RESPONSE").contains(ev.kind()) && ev.createdAt().isAfter(since))
        .toList();
    boolean onTime = sent && !updates.isEmpty();
    event(id, "FEEDBACK", "system", onTime ? "按时反馈 " + updates.size() + " 条进展" : "反馈逾期：反馈间隔内无进展更新", dueAt,
        onTime);
    Instant next = next(dueAt, Duration.ofSeconds(e.feedbackIntervalSeconds()), e.workingHoursOnly());
    jdbc.sql("UPDATE emergency SET next_feedback_at = ?, updated_at = ? WHERE id = ?")
        .params(ts(next), ts(clock.instant()), id).update();
    return updates;
  }

  private Optional<Instant> lastBeat(long id) {
    return jdbc.sql("SELECT MAX(created_at) FROM emergency_event WHERE emergency_id = ? AND kind = 'FEEDBACK'")
        .param(id).query(Timestamp.class).optional().map(Timestamp::toInstant);
  }

  @Transactional
  public void recovered(long id, String by, String cause, String result) {
    Instant now = clock.instant();
    jdbc.sql("UPDATE emergency SET status = 'RECOVERED', recovered_at = ?, cause = ?, result = ?, "
            + "next_feedback_at = NULL, updated_at = ? WHERE id = ?")
        .params(ts(now), cause, result, ts(now), id).update();
    Instant due = get(id).recoveryDueAt();
    Boolean onTime = due == null ? null : !now.isAfter(due);
    event(id, "RECOVERY", by, "业务恢复" + (onTime == null ? "" : onTime ? "（按时）" : "（超过恢复时限）")
        + (result == null ? "" : "：" + result), due, onTime);
  }

  @Transactional
  public void reopened(long id, String by, String reason) {
    jdbc.sql("UPDATE emergency SET status = 'OPEN', reopen_count = reopen_count + 1, recovered_at = NULL, "
            + "updated_at = ? WHERE id = ?").params(ts(clock.instant()), id).update();
    event(id, "REOPEN", by, "验证未通过，重新处置" + (reason == null ? "" : "：" + reason), null, null);
  }

  @Transactional
  public void closed(long id, String by) {
    Instant now = clock.instant();
    jdbc.sql("UPDATE emergency SET status = 'CLOSED', closed_at = ?, open_alert_ref = NULL, updated_at = ? WHERE id = ?")
        .params(ts(now), ts(now), id).update();
    event(id, "VERIFY", by, "使用单位确认业务已恢复，事件关闭", null, null);
  }

  @Transactional
  public void improvement(long id, String by, String planRef, String changes) {
    jdbc.sql("UPDATE emergency SET improvement = ?, updated_at = ? WHERE id = ?")
        .params(changes, ts(clock.instant()), id).update();
    event(id, "PLAN", by, "应急预案" + (planRef == null ? "" : " " + planRef) + " 改进：" + changes, null, null);
  }

  /** The same alert again while the case is open: one more occurrence, no second case. */
  @Transactional
  public void occurrence(long id, String description, String by) {
    jdbc.sql("UPDATE emergency SET occurrences = occurrences + 1, updated_at = ? WHERE id = ?")
        .params(ts(clock.instant()), id).update();
    event(id, "OCCURRENCE", by, "同一告警再次发生" + (description == null ? "" : "：" + description), null, null);
  }

  @Transactional
  public void event(long id, String kind, String author, String text, Instant dueAt, Boolean onTime) {
    event(id, kind, author, text, dueAt, onTime, null, null);
  }

  /** An entry of the timeline; an action names the plan step it follows (P6 7.4.2.3.3), if any. */
  @Transactional
  public void event(long id, String kind, String author, String text, Instant dueAt, Boolean onTime, String planNo,
      Integer planStep) {
    jdbc.sql("INSERT INTO emergency_event (emergency_id, kind, author, text, due_at, on_time, created_at, plan_no, "
            + "plan_step) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, kind, author, text.length() > 4000 ? text.substring(0, 4000) : text, ts(dueAt), onTime,
            ts(clock.instant()), planNo, planStep)
        .update();
  }

  public List<EmergencyEvent> events(long id) {
    return jdbc.sql("SELECT kind, author, text, due_at, on_time, created_at FROM emergency_event "
            + "WHERE emergency_id = ? ORDER BY created_at, id").param(id)
        .query((rs, i) -> new EmergencyEvent(rs.getString(1), rs.getString(2), rs.getString(3),
            instant(rs.getTimestamp(4)), (Boolean) rs.getObject(5, Boolean.class), instant(rs.getTimestamp(6))))
        .list();
  }

  public Emergency get(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM emergency WHERE id = ?").param(id).query(EmergencyService::map)
        .optional().orElseThrow(() -> new NotFoundException("应急事件不存在: " + id));
  }

  public Emergency get(String no, Caller caller) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM emergency WHERE emergency_no = ?").param(no)
        .query(EmergencyService::map).optional()
        .filter(e -> caller.mayAccessUnit(e.unitCode()))
        .orElseThrow(() -> new NotFoundException("应急事件不存在: " + no));
  }

  /** The case's label in task names: number, severity once classified, system and unit (a drill task's name is
   * marked 【演练】 already). */
  public String label(Emergency e) {
    String severity = e.severity() == null || "待定".equals(e.severity()) ? "" : " " + e.severity();
    return e.emergencyNo() + severity + " "
        + organization.systemLabel(e.businessSystemCode());
  }

  public Optional<Emergency> findOpenByAlert(String alertRef) {
    // open_alert_ref is unique: one open case per alert, kept by the database under concurrent reports
    return jdbc.sql("SELECT " + COLUMNS + " FROM emergency WHERE open_alert_ref = ?").param(alertRef)
        .query(EmergencyService::map).optional();
  }

  public Optional<Emergency> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM emergency WHERE process_instance_id = ?").param(processInstanceId)
        .query(EmergencyService::map).optional();
  }

  /** Open 5×8 cases, for recomputing their deadlines when a year of the calendar is loaded. */
  List<Emergency> openWorkingHourCases() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM emergency WHERE status <> 'CLOSED' AND (service_hours = '5x8' "
            + "OR level_hours = '5x8')")
        .query(EmergencyService::map).list();
  }

  void moveDeadlines(long id, Instant responseDue, Instant nextFeedback) {
    jdbc.sql("UPDATE emergency SET response_due_at = ?, next_feedback_at = ?, updated_at = ? WHERE id = ?")
        .params(ts(responseDue), ts(nextFeedback), ts(clock.instant()), id).update();
  }

  public List<Emergency> search(Caller caller, String status, Paging paging) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM emergency WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!UnitScope.restrict(caller, "unit_code", sql, params)) {
      return List.of();
    }
    if (status != null) {
      sql.append(" AND status = ?");
      params.add(status);
    }
    sql.append(" ORDER BY id DESC OFFSET ").append(paging.offset()).append(" ROWS FETCH NEXT ").append(paging.size())
        .append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params).query(EmergencyService::map).list();
  }

  /** Response and feedback figures of one case, for its report and the KPIs. */
  public Map<String, Object> timeliness(long id) {
    Emergency e = get(id);
    List<EmergencyEvent> beats = events(id).stream().filter(ev -> "FEEDBACK".equals(ev.kind())).toList();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("responseDue", e.responseDueAt());
    m.put("respondedAt", e.respondedAt());
    m.put("respondedInTime", e.respondedAt() != null && !e.respondedAt().isAfter(e.responseDueAt()));
    m.put("feedbackBeats", beats.size());
    m.put("feedbackBeatsLate", beats.stream().filter(b -> !Boolean.TRUE.equals(b.onTime())).count());
    m.put("escalationLevel", e.escalationLevel());
    m.put("recoveryMinutes", e.recoveredAt() == null ? null
        : Duration.between(e.detectedAt(), e.recoveredAt()).toMinutes());
    return m;
  }

  private static Emergency map(ResultSet rs, int row) throws SQLException {
    return new Emergency(rs.getLong("id"), rs.getString("emergency_no"), rs.getString("alert_ref"),
        rs.getString("process_instance_id"), rs.getString("unit_code"), rs.getString("business_system_code"),
        rs.getString("category"), rs.getString("severity"), rs.getString("service_hours"), rs.getString("source"),
        rs.getString("reporter"), rs.getString("contact"), rs.getString("scope"), rs.getString("measures_taken"),
        rs.getString("description"), instant(rs.getTimestamp("detected_at")), instant(rs.getTimestamp("received_at")),
        rs.getString("status"), instant(rs.getTimestamp("response_clock_start")), rs.getLong("response_within_s"),
        instant(rs.getTimestamp("response_due_at")), instant(rs.getTimestamp("responded_at")),
        rs.getString("responded_by"), rs.getLong("feedback_interval_s"), instant(rs.getTimestamp("next_feedback_at")),
        rs.getInt("escalation_level"), rs.getInt("occurrences"), rs.getInt("reopen_count"),
        instant(rs.getTimestamp("recovered_at")), rs.getString("cause"), rs.getString("result"),
        rs.getString("improvement"), instant(rs.getTimestamp("closed_at")), rs.getBoolean("drill"),
        instant(rs.getTimestamp("recovery_due_at")));
  }
}
