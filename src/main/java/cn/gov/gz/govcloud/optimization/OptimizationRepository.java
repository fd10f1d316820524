package cn.gov.gz.govcloud.optimization;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.UnitScope;
import cn.gov.gz.govcloud.engine.CaseNumbers;
import cn.gov.gz.govcloud.optimization.OptimizationService.FollowUp;
import cn.gov.gz.govcloud.optimization.OptimizationService.Usage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the optimisation room on its own tables (optimization_review, optimization_usage,
 * optimization_candidate, optimization_event) and the names it reads from the organisation's reporting views.
 */
@Repository
class OptimizationRepository {

  static final String REVIEW_COLUMNS = "id, review_no, process_instance_id, period_from, period_to, status, started_by, "
      + "resources, total_cost, candidates, classify_ms, review_reason, statistics_report_id, efficiency_report_id, "
      + "previous_review_id, created_at, closed_at";
  static final String CANDIDATE_COLUMNS = "id, review_id, resource_id, unit_code, business_system_code, type, action, "
      + "target, rule_label, evidence, vcpu, memory_gb, disk_tb, proposed_vcpu, proposed_memory_gb, proposed_disk_tb, "
      + "monthly_cost, estimated_saving, decision, decision_reason, decided_by, decided_at, unit_status, unit_comment, "
      + "executed_vcpu, executed_memory_gb, executed_disk_tb, execution_note, executed_by, executed_at, realised_saving";
  static final String USAGE_COLUMNS = "resource_id, unit_code, business_system_code, type, vcpu, memory_gb, disk_tb, "
      + "days_in_period, monitored_days, off_days_run, cpu_avg, cpu_max, memory_avg, memory_max, storage_avg, "
      + "storage_max, cost, action";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  OptimizationRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  // ---- reviews

  Optional<Review> findMonthly(String month) {
    return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM optimization_review WHERE month_key = ?").param(month)
        .query(OptimizationRepository::mapReview).optional();
  }

  /**
   * The latest review before {@code from} that got past its statistics (the one a new review follows up): the one
   * whose period ends last, not the one registered last (a review of an earlier period may be started later).
   */
  Long previousReviewId(LocalDate from) {
    return jdbc.sql("SELECT id FROM optimization_review WHERE period_to < ? AND status NOT IN ('OPEN', 'NO_DATA') "
            + "ORDER BY period_to DESC, id DESC FETCH FIRST 1 ROWS ONLY").param(Date.valueOf(from)).query(Long.class)
        .optional().orElse(null);
  }

  long insertReview(String processInstanceId, LocalDate from, LocalDate to, String by, Long previous, Instant now,
      String month) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO optimization_review (process_instance_id, period_from, period_to, status, started_by, "
            + "previous_review_id, created_at, month_key) VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?)")
        .params(processInstanceId, Date.valueOf(from), Date.valueOf(to), by, previous, Timestamp.from(now), month)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    jdbc.sql("UPDATE optimization_review SET review_no = ? WHERE id = ?").params(CaseNumbers.of("OR", id, now), id)
        .update();
    return id;
  }

  Optional<Review> find(long id) {
    return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM optimization_review WHERE id = ?").param(id)
        .query(OptimizationRepository::mapReview).optional();
  }

  Optional<Review> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM optimization_review WHERE process_instance_id = ?")
        .param(processInstanceId).query(OptimizationRepository::mapReview).optional();
  }

  List<Review> list(int limit) {
    return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM optimization_review ORDER BY id DESC FETCH FIRST "
        + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY").query(OptimizationRepository::mapReview).list();
  }

  /** The {@code n} latest reviews before {@code before} whose statistics are done (the reports' trend). */
  List<Review> previous(LocalDate before, int n) {
    return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM optimization_review WHERE period_to < ? "
            + "AND resources IS NOT NULL ORDER BY period_to DESC, id DESC FETCH FIRST " + n + " ROWS ONLY")
        .param(Date.valueOf(before)).query(OptimizationRepository::mapReview).list();
  }

  void status(long id, Review.Status status, Instant closedAt) {
    jdbc.sql("UPDATE optimization_review SET status = ?, closed_at = ? WHERE id = ?")
        .params(status.name(), closedAt == null ? null : Timestamp.from(closedAt), id).update();
  }

  void reports(long id, Long statisticsReportId, Long efficiencyReportId) {
    jdbc.sql("UPDATE optimization_review SET statistics_report_id = ?, efficiency_report_id = ? WHERE id = ?")
        .params(statisticsReportId, efficiencyReportId, id).update();
  }

  void totalCost(long id, BigDecimal total) {
    jdbc.sql("UPDATE optimization_review SET total_cost = ? WHERE id = ?").params(total, id).update();
  }

  void classified(long id, int candidates, long ms) {
    jdbc.sql("UPDATE optimization_review SET candidates = ?, classify_ms = ? WHERE id = ?")
        .params(candidates, ms, id).update();
  }

  void reviewReason(long id, String reason) {
    jdbc.sql("UPDATE optimization_review SET review_reason = ? WHERE id = ?").params(reason, id).update();
  }

  // ---- events

  void event(long reviewId, String unitCode, String kind, String text, String by, Instant at) {
    jdbc.sql("INSERT INTO optimization_event (review_id, unit_code, kind, text, author, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)")
        .params(reviewId, unitCode, kind, text, by, Timestamp.from(at)).update();
  }

  List<Map<String, Object>> events(long reviewId, Caller caller) {
    StringBuilder sql = new StringBuilder("SELECT unit_code, kind, text, author, created_at FROM optimization_event "
        + "WHERE review_id = ?");
    List<Object> params = new ArrayList<>(List.of(reviewId));
    if (!UnitScope.restrict(caller, "unit_code", sql, params)) {
      return List.of();
    }
    sql.append(" ORDER BY id");
    return jdbc.sql(sql.toString()).params(params).query((rs, i) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("unitCode", rs.getString(1));
      m.put("kind", rs.getString(2));
      m.put("text", rs.getString(3));
      m.put("author", rs.getString(4));
      m.put("createdAt", rs.getTimestamp(5).toInstant());
      return m;
    }).list();
  }

  // ---- usage

  /** Replaces the review's usage rows (and the candidates made from them) and records how many resources it has. */
  void replaceUsage(long reviewId, List<Object[]> rows) {
    jdbc.sql("DELETE FROM optimization_candidate WHERE review_id = ?").param(reviewId).update();
    jdbc.sql("DELETE FROM optimization_usage WHERE review_id = ?").param(reviewId).update();
    template.batchUpdate("INSERT INTO optimization_usage (review_id, resource_id, unit_code, business_system_code, "
        + "type, vcpu, memory_gb, disk_tb, days_in_period, monitored_days, off_days_run, cpu_avg, cpu_max, memory_avg, "
        + "memory_max, storage_avg, storage_max, cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    jdbc.sql("UPDATE optimization_review SET resources = ? WHERE id = ?").params(rows.size(), reviewId).update();
  }

  List<Usage> usage(long reviewId) {
    return jdbc.sql("SELECT " + USAGE_COLUMNS + " FROM optimization_usage WHERE review_id = ? ORDER BY resource_id")
        .param(reviewId).query(OptimizationRepository::mapUsage).list();
  }

  /** Rows of (cost, review id, resource id). */
  void costs(List<Object[]> updates) {
    template.batchUpdate("UPDATE optimization_usage SET cost = ? WHERE review_id = ? AND resource_id = ?", updates);
  }

  /** Rows of (action, review id, resource id). */
  void actions(List<Object[]> updates) {
    template.batchUpdate("UPDATE optimization_usage SET action = ? WHERE review_id = ? AND resource_id = ?", updates);
  }

  // ---- candidates

  /** Rows of (review, resource, unit, system, type, action, target, rule label, evidence, spec, proposal, costs). */
  void insertCandidates(List<Object[]> candidates) {
    template.batchUpdate("INSERT INTO optimization_candidate (review_id, resource_id, unit_code, business_system_code, "
        + "type, action, target, rule_label, evidence, vcpu, memory_gb, disk_tb, proposed_vcpu, proposed_memory_gb, "
        + "proposed_disk_tb, monthly_cost, estimated_saving, decision) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')", candidates);
  }

  /** The review's candidates, filtered; {@code caller} (when given) limits them to the units it may see. */
  List<Candidate> candidates(long reviewId, String unitCode, String action, String decision, Caller caller,
      int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + CANDIDATE_COLUMNS + " FROM optimization_candidate "
        + "WHERE review_id = ?");
    List<Object> params = new ArrayList<>(List.of(reviewId));
    if (caller != null && !UnitScope.restrict(caller, "unit_code", sql, params)) {
      return List.of();
    }
    if (unitCode != null) {
      sql.append(" AND unit_code = ?");
      params.add(unitCode);
    }
    if (action != null) {
      sql.append(" AND action = ?");
      params.add(action);
    }
    if (decision != null) {
      sql.append(" AND decision = ?");
      params.add(decision);
    }
    sql.append(" ORDER BY unit_code, estimated_saving DESC, resource_id, id FETCH FIRST ").append(Math.max(1, limit))
        .append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params).query(OptimizationRepository::mapCandidate).list();
  }

  Set<Long> candidateIds(long reviewId) {
    return new HashSet<>(jdbc.sql("SELECT id FROM optimization_candidate WHERE review_id = ?").param(reviewId)
        .query(Long.class).list());
  }

  /** Rows of (decision, reason, by, at, unit status, candidate id, review id). */
  void decisions(List<Object[]> updates) {
    template.batchUpdate("UPDATE optimization_candidate SET decision = ?, decision_reason = ?, decided_by = ?, "
        + "decided_at = ?, unit_status = ? WHERE id = ? AND review_id = ?", updates);
  }

  /** The same decision for every candidate of the review still pending. */
  void decidePending(long reviewId, String decision, String reason, String by, Instant at, String unitStatus) {
    jdbc.sql("UPDATE optimization_candidate SET decision = ?, decision_reason = ?, decided_by = ?, decided_at = ?, "
            + "unit_status = ? WHERE review_id = ? AND decision = 'PENDING'")
        .params(decision, reason, by, Timestamp.from(at), unitStatus, reviewId).update();
  }

  Map<String, Long> decisionCounts(long reviewId) {
    Map<String, Long> counts = new TreeMap<>(Map.of("PENDING", 0L, "ACCEPTED", 0L, "REJECTED", 0L));
    jdbc.sql("SELECT decision, COUNT(*) FROM optimization_candidate WHERE review_id = ? GROUP BY decision")
        .param(reviewId).query(rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }

  List<String> unitsWithAccepted(long reviewId) {
    return jdbc.sql("SELECT DISTINCT unit_code FROM optimization_candidate WHERE review_id = ? AND decision = "
        + "'ACCEPTED' ORDER BY unit_code").param(reviewId).query(String.class).list();
  }

  List<Candidate> unitItems(long reviewId, String unitCode) {
    return jdbc.sql("SELECT " + CANDIDATE_COLUMNS + " FROM optimization_candidate WHERE review_id = ? AND unit_code = ? "
            + "AND decision = 'ACCEPTED' ORDER BY resource_id, id")
        .params(reviewId, unitCode).query(OptimizationRepository::mapCandidate).list();
  }

  void unitAnswer(long reviewId, String unitCode, String unitStatus, String comment) {
    jdbc.sql("UPDATE optimization_candidate SET unit_status = ?, unit_comment = ? WHERE review_id = ? "
            + "AND unit_code = ? AND decision = 'ACCEPTED' AND unit_status IN ('PENDING', 'OBJECTED')")
        .params(unitStatus, comment, reviewId, unitCode).update();
  }

  /** The unit's objected recommendations become {@code unitStatus} (WITHDRAWN, or PENDING to be answered again). */
  void objection(long reviewId, String unitCode, String unitStatus) {
    jdbc.sql("UPDATE optimization_candidate SET unit_status = ? WHERE review_id = ? AND unit_code = ? "
        + "AND decision = 'ACCEPTED' AND unit_status = 'OBJECTED'").params(unitStatus, reviewId, unitCode).update();
  }

  void executed(long candidateId, Integer vcpu, Integer memoryGb, BigDecimal diskTb, String note, String by,
      Instant at, BigDecimal realised) {
    jdbc.sql("UPDATE optimization_candidate SET unit_status = 'EXECUTED', executed_vcpu = ?, executed_memory_gb = ?, "
            + "executed_disk_tb = ?, execution_note = ?, executed_by = ?, executed_at = ?, realised_saving = ? "
            + "WHERE id = ?")
        .params(vcpu, memoryGb, diskTb, note, by, Timestamp.from(at), realised, candidateId).update();
  }

  /**
   * What became of a review's recommendations. The estimated saving of the accepted ones counts a resource once: an
   * accepted revocation (the resource's whole monthly cost) supersedes the resource's other accepted recommendations,
   * whose savings otherwise add up (each is priced on its own target); see {@link ReportFigures#saving}.
   */
  FollowUp followUp(Review r) {
    long[] c = new long[5];
    BigDecimal[] s = {BigDecimal.ZERO, BigDecimal.ZERO};
    jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN c.decision = 'ACCEPTED' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN c.decision = 'REJECTED' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN c.unit_status = 'EXECUTED' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN c.unit_status = 'WITHDRAWN' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN c.decision = 'ACCEPTED' AND (c.action = 'REVOKE' OR v.resource_id IS NULL) "
            + "THEN c.estimated_saving ELSE 0 END), SUM(c.realised_saving) "
            + "FROM optimization_candidate c LEFT JOIN (SELECT DISTINCT resource_id FROM optimization_candidate "
            + "WHERE review_id = ? AND action = 'REVOKE' AND decision = 'ACCEPTED') v ON v.resource_id = c.resource_id "
            + "WHERE c.review_id = ?").params(r.id(), r.id()).query(rs -> {
              for (int i = 0; i < 5; i++) {
                c[i] = rs.getLong(i + 1);
              }
              s[0] = rs.getBigDecimal(6) == null ? BigDecimal.ZERO : rs.getBigDecimal(6);
              s[1] = rs.getBigDecimal(7) == null ? BigDecimal.ZERO : rs.getBigDecimal(7);
            });
    List<Candidate> executed = jdbc.sql("SELECT " + CANDIDATE_COLUMNS + " FROM optimization_candidate "
            + "WHERE review_id = ? AND unit_status = 'EXECUTED' ORDER BY realised_saving DESC, resource_id, id "
            + "FETCH FIRST 200 ROWS ONLY")
        .param(r.id()).query(OptimizationRepository::mapCandidate).list();
    return new FollowUp(r.id(), r.reviewNo(), r.periodFrom(), r.periodTo(), c[0], c[1], c[2], c[3], c[4],
        s[0].setScale(2, RoundingMode.HALF_UP), s[1].setScale(2, RoundingMode.HALF_UP), executed);
  }

  // ---- names from the organisation's reporting views

  /** Code → name of the using units. */
  Map<String, String> unitNames() {
    return names("SELECT code, name FROM rv_org_unit");
  }

  /** Code → name of the business systems. */
  Map<String, String> systemNames() {
    return names("SELECT code, name FROM rv_business_system");
  }

  /** Code → importance (CORE, IMPORTANT, GENERAL) of the business systems. */
  Map<String, String> systemImportance() {
    return names("SELECT code, importance FROM rv_business_system");
  }

  private Map<String, String> names(String sql) {
    Map<String, String> m = new HashMap<>();
    jdbc.sql(sql).query(rs -> {
      m.put(rs.getString(1), rs.getString(2));
    });
    return m;
  }

  // ---- mapping

  static Review mapReview(ResultSet rs, int row) throws SQLException {
    Timestamp closed = rs.getTimestamp("closed_at");
    return new Review(rs.getLong("id"), rs.getString("review_no"), rs.getString("process_instance_id"),
        rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(),
        Review.Status.valueOf(rs.getString("status")), rs.getString("started_by"),
        (Integer) rs.getObject("resources", Integer.class), rs.getBigDecimal("total_cost"),
        (Integer) rs.getObject("candidates", Integer.class), (Long) rs.getObject("classify_ms", Long.class),
        rs.getString("review_reason"), (Long) rs.getObject("statistics_report_id", Long.class),
        (Long) rs.getObject("efficiency_report_id", Long.class), (Long) rs.getObject("previous_review_id", Long.class),
        rs.getTimestamp("created_at").toInstant(), closed == null ? null : closed.toInstant());
  }

  static Usage mapUsage(ResultSet rs, int row) throws SQLException {
    return new Usage(rs.getString("resource_id"), rs.getString("unit_code"), rs.getString("business_system_code"),
        rs.getString("type"), (Integer) rs.getObject("vcpu", Integer.class),
        (Integer) rs.getObject("memory_gb", Integer.class), rs.getBigDecimal("disk_tb"), rs.getInt("days_in_period"),
        rs.getInt("monitored_days"), rs.getInt("off_days_run"), rs.getBigDecimal("cpu_avg"),
        rs.getBigDecimal("cpu_max"), rs.getBigDecimal("memory_avg"), rs.getBigDecimal("memory_max"),
        rs.getBigDecimal("storage_avg"), rs.getBigDecimal("storage_max"), rs.getBigDecimal("cost"),
        rs.getString("action"));
  }

  static Candidate mapCandidate(ResultSet rs, int row) throws SQLException {
    Timestamp decided = rs.getTimestamp("decided_at");
    Timestamp executed = rs.getTimestamp("executed_at");
    return new Candidate(rs.getLong("id"), rs.getLong("review_id"), rs.getString("resource_id"),
        rs.getString("unit_code"), rs.getString("business_system_code"), rs.getString("type"), rs.getString("action"),
        rs.getString("target"), rs.getString("rule_label"), rs.getString("evidence"),
        (Integer) rs.getObject("vcpu", Integer.class), (Integer) rs.getObject("memory_gb", Integer.class),
        rs.getBigDecimal("disk_tb"),
        (Integer) rs.getObject("proposed_vcpu", Integer.class),
        (Integer) rs.getObject("proposed_memory_gb", Integer.class), rs.getBigDecimal("proposed_disk_tb"),
        rs.getBigDecimal("monthly_cost"), rs.getBigDecimal("estimated_saving"), rs.getString("decision"),
        rs.getString("decision_reason"), rs.getString("decided_by"), decided == null ? null : decided.toInstant(),
        rs.getString("unit_status"), rs.getString("unit_comment"),
        (Integer) rs.getObject("executed_vcpu", Integer.class),
        (Integer) rs.getObject("executed_memory_gb", Integer.class), rs.getBigDecimal("executed_disk_tb"),
        rs.getString("execution_note"), rs.getString("executed_by"), executed == null ? null : executed.toInstant(),
        rs.getBigDecimal("realised_saving"));
  }
}
