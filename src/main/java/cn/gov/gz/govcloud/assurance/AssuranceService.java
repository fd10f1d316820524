package cn.gov.gz.govcloud.assurance;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.access.UnitScope;
import cn.gov.gz.govcloud.assurance.Assurance.Scope;
import cn.gov.gz.govcloud.assurance.Assurance.Shift;
import cn.gov.gz.govcloud.engine.CaseNumbers;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Important assurances (P6 7.3.3): the request, the need confirmed with management, the plan with its watch rota, the
 * standby records per shift and the summary. A unit user sees the assurances that cover one of its systems.
 */
@Service
class AssuranceService {

  private static final String COLUMNS = "a.id, a.assurance_no, a.process_instance_id, a.event_name, a.kind, "
      + "a.period_from, a.period_to, a.manner, a.targets, a.requested_by, a.status, a.need_decided_by, "
      + "a.need_decided_at, a.need_comment, a.plan_text, a.reserve_resources, a.contingency_plans, a.response_factor, "
      + "a.application_factor, a.planned_by, a.plan_rounds, a.approved_by, a.approved_at, a.approval_comment, "
      + "a.summary, a.issues, a.improvements, a.summary_by, a.report_id, a.created_at, a.closed_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  AssuranceService(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A checked request as the service desk, an ops manager or management made it. */
  record Request(String eventName, String kind, Instant from, Instant to, List<Scope> scope, String targets) {}

  @Transactional
  public Assurance register(Request r, String requestedBy, String processInstanceId) {
    Instant now = clock.instant();
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO assurance (assurance_no, process_instance_id, event_name, kind, period_from, period_to, "
            + "targets, requested_by, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?)")
        .params("TMP-" + java.util.UUID.randomUUID().toString().substring(0, 20), processInstanceId, r.eventName(),
            r.kind(), ts(r.from()), ts(r.to()), r.targets(), requestedBy, ts(now))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    jdbc.sql("UPDATE assurance SET assurance_no = ? WHERE id = ?").params(CaseNumbers.of("BZ", id, now), id).update();
    for (Scope s : r.scope()) {
      jdbc.sql("INSERT INTO assurance_scope (assurance_id, business_system_code, unit_code) VALUES (?, ?, ?)")
          .params(id, s.businessSystemCode(), s.unitCode()).update();
    }
    return get(id);
  }

  /** Management's decision on the need (P6 7.3.3.1): the period, manner and targets as confirmed. */
  @Transactional
  public void needDecided(long id, boolean confirmed, Instant from, Instant to, String manner, String targets,
      String comment, String by) {
    jdbc.sql("UPDATE assurance SET status = ?, period_from = ?, period_to = ?, manner = ?, targets = ?, "
            + "need_comment = ?, need_decided_by = ?, need_decided_at = ?, closed_at = ? WHERE id = ?")
        .params(confirmed ? "PLANNING" : "REJECTED", ts(from), ts(to), manner, targets, comment, by,
            ts(clock.instant()), confirmed ? null : ts(clock.instant()), id)
        .update();
  }

  /** A shift as planned: its times, named watchers and contact. */
  record PlannedShift(Instant startsAt, Instant endsAt, List<String> watchers, String contact) {}

  /** The plan (P6 7.3.3.2) and its rota; a returned plan's rota is replaced. */
  @Transactional
  public void planned(long id, String planText, String reserve, String contingencyPlans, BigDecimal responseFactor,
      BigDecimal applicationFactor, List<PlannedShift> shifts, String by) {
    jdbc.sql("UPDATE assurance SET status = 'APPROVAL', plan_text = ?, reserve_resources = ?, contingency_plans = ?, "
            + "response_factor = ?, application_factor = ?, planned_by = ?, plan_rounds = plan_rounds + 1 "
            + "WHERE id = ?")
        .params(planText, reserve, contingencyPlans, responseFactor, applicationFactor, by, id).update();
    jdbc.sql("DELETE FROM assurance_shift WHERE assurance_id = ?").param(id).update();
    int seq = 0;
    for (PlannedShift s : shifts) {
      jdbc.sql("INSERT INTO assurance_shift (assurance_id, seq, starts_at, ends_at, watchers, contact) "
              + "VALUES (?, ?, ?, ?, ?, ?)")
          .params(id, ++seq, ts(s.startsAt()), ts(s.endsAt()), String.join(",", s.watchers()), s.contact()).update();
    }
  }

  @Transactional
  public void planDecided(long id, boolean approved, String comment, String by) {
    jdbc.sql("UPDATE assurance SET status = ?, approved_by = ?, approved_at = ?, approval_comment = ? WHERE id = ?")
        .params(approved ? "SCHEDULED" : "PLANNING", approved ? by : null, approved ? ts(clock.instant()) : null,
            comment, id)
        .update();
  }

  @Transactional
  public void status(long id, String status) {
    jdbc.sql("UPDATE assurance SET status = ? WHERE id = ?").params(status, id).update();
  }

  /** A shift's standby record (值守记录). */
  @Transactional
  public void standby(long shiftId, String situation, String note, String handover, String by) {
    jdbc.sql("UPDATE assurance_shift SET situation = ?, note = ?, handover = ?, recorded_by = ?, recorded_at = ?, "
            + "missed = FALSE WHERE id = ?")
        .params(situation, note, handover, by, ts(clock.instant()), shiftId).update();
  }

  @Transactional
  public void reminded(long shiftId) {
    jdbc.sql("UPDATE assurance_shift SET reminded_at = ? WHERE id = ?").params(ts(clock.instant()), shiftId).update();
  }

  /** The watch is closed: the shifts still without a record are marked missed; returns them. */
  @Transactional
  public List<Shift> closeWatch(long id) {
    List<Shift> missing = shifts(id).stream().filter(s -> !s.recorded()).toList();
    jdbc.sql("UPDATE assurance_shift SET missed = TRUE WHERE assurance_id = ? AND recorded_at IS NULL").param(id)
        .update();
    return missing;
  }

  @Transactional
  public void summarised(long id, String summary, String issues, String improvements, String by) {
    jdbc.sql("UPDATE assurance SET summary = ?, issues = ?, improvements = ?, summary_by = ? WHERE id = ?")
        .params(summary, issues, improvements, by, id).update();
  }

  @Transactional
  public void reported(long id, long reportId) {
    jdbc.sql("UPDATE assurance SET status = 'CONFIRMATION', report_id = ? WHERE id = ?").params(reportId, id)
        .update();
  }

  @Transactional
  public void closed(long id) {
    jdbc.sql("UPDATE assurance SET status = 'CLOSED', closed_at = ? WHERE id = ?").params(ts(clock.instant()), id)
        .update();
  }

  public Assurance get(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM assurance a WHERE a.id = ?").param(id)
        .query(AssuranceService::map).optional().orElseThrow(() -> new NotFoundException("重要保障不存在: " + id));
  }

  public java.util.Optional<Assurance> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM assurance a WHERE a.process_instance_id = ?").param(processInstanceId)
        .query(AssuranceService::map).optional();
  }

  public Assurance.Detail detail(long id) {
    return new Assurance.Detail(get(id), scope(id), shifts(id));
  }

  /** One assurance by number, for a caller who may see it (a unit user: one covering one of its systems). */
  public Assurance.Detail detail(String assuranceNo, Caller caller) {
    Assurance a = jdbc.sql("SELECT " + COLUMNS + " FROM assurance a WHERE a.assurance_no = ?").param(assuranceNo)
        .query(AssuranceService::map).optional()
        .orElseThrow(() -> new NotFoundException("重要保障不存在: " + assuranceNo));
    List<Scope> scope = scope(a.id());
    if (!caller.seesAllUnits() && scope.stream().noneMatch(s -> caller.unitCodes().contains(s.unitCode()))) {
      throw new NotFoundException("重要保障不存在: " + assuranceNo);
    }
    return new Assurance.Detail(a, scope, shifts(a.id()));
  }

  public List<Assurance> search(Caller caller, String status, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM assurance a WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!caller.seesAllUnits()) {
      StringBuilder inner = new StringBuilder();
      if (!UnitScope.restrict(caller, "sc.unit_code", inner, params)) {
        return List.of();
      }
      sql.append(" AND EXISTS (SELECT 1 FROM assurance_scope sc WHERE sc.assurance_id = a.id").append(inner)
          .append(')');
    }
    if (status != null) {
      sql.append(" AND a.status = ?");
      params.add(status);
    }
    sql.append(" ORDER BY a.id DESC FETCH FIRST ").append(Math.min(Math.max(limit, 1), 500)).append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params).query(AssuranceService::map).list();
  }

  public List<Scope> scope(long id) {
    return jdbc.sql("SELECT business_system_code, unit_code FROM assurance_scope WHERE assurance_id = ? "
            + "ORDER BY unit_code, business_system_code").param(id)
        .query((rs, i) -> new Scope(rs.getString(1), rs.getString(2))).list();
  }

  public List<Shift> shifts(long id) {
    return jdbc.sql("SELECT " + SHIFT_COLUMNS + " FROM assurance_shift WHERE assurance_id = ? ORDER BY seq")
        .param(id).query(AssuranceService::shift).list();
  }

  public Shift shift(long shiftId) {
    return jdbc.sql("SELECT " + SHIFT_COLUMNS + " FROM assurance_shift WHERE id = ?").param(shiftId)
        .query(AssuranceService::shift).optional().orElseThrow(() -> new NotFoundException("值守班次不存在: " + shiftId));
  }

  /** The assurance a shift belongs to. */
  public long assuranceOf(long shiftId) {
    return jdbc.sql("SELECT assurance_id FROM assurance_shift WHERE id = ?").param(shiftId).query(Long.class)
        .single();
  }

  private static final String SHIFT_COLUMNS = "id, seq, starts_at, ends_at, watchers, contact, situation, note, "
      + "handover, recorded_by, recorded_at, reminded_at, missed";

  private static Shift shift(ResultSet rs, int row) throws SQLException {
    return new Shift(rs.getLong("id"), rs.getInt("seq"), instant(rs.getTimestamp("starts_at")),
        instant(rs.getTimestamp("ends_at")), Arrays.stream(rs.getString("watchers").split(",")).map(String::strip)
            .filter(s -> !s.isEmpty()).toList(), rs.getString("contact"), rs.getString("situation"),
        rs.getString("note"), rs.getString("handover"), rs.getString("recorded_by"),
        instant(rs.getTimestamp("recorded_at")), instant(rs.getTimestamp("reminded_at")), rs.getBoolean("missed"));
  }

  private static Assurance map(ResultSet rs, int row) throws SQLException {
    return new Assurance(rs.getLong("id"), rs.getString("assurance_no"), rs.getString("process_instance_id"),
        rs.getString("event_name"), rs.getString("kind"), instant(rs.getTimestamp("period_from")),
        instant(rs.getTimestamp("period_to")), rs.getString("manner"), rs.getString("targets"),
        rs.getString("requested_by"), rs.getString("status"), rs.getString("need_decided_by"),
        instant(rs.getTimestamp("need_decided_at")), rs.getString("need_comment"), rs.getString("plan_text"),
        rs.getString("reserve_resources"), rs.getString("contingency_plans"), rs.getBigDecimal("response_factor"),
        rs.getBigDecimal("application_factor"), rs.getString("planned_by"), rs.getInt("plan_rounds"),
        rs.getString("approved_by"), instant(rs.getTimestamp("approved_at")), rs.getString("approval_comment"),
        rs.getString("summary"), rs.getString("issues"), rs.getString("improvements"), rs.getString("summary_by"),
        (Long) rs.getObject("report_id", Long.class), instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("closed_at")));
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
