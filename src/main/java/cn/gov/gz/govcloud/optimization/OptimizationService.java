package cn.gov.gz.govcloud.optimization;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.access.UnitScope;
import cn.gov.gz.govcloud.engine.CaseNumbers;
import cn.gov.gz.govcloud.ledger.LedgerService;
import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.optimization.AppendixCRules.Classification;
import cn.gov.gz.govcloud.optimization.AppendixCRules.Figures;
import cn.gov.gz.govcloud.optimization.Settlement.Pricing;
import cn.gov.gz.govcloud.optimization.Settlement.Resource;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Optimisation reviews (P6 7.5): the usage of every resource over the period from the ledger and the monitoring
 * aggregates (7.5.2), its cost by the price list (7.5.3), the Appendix C classification, management's decisions, the
 * units' answers, the execution that changes the ledger (7.5.4) and the savings realised.
 */
@Service
public class OptimizationService {

  static final String REVIEW_COLUMNS = "id, review_no, process_instance_id, period_from, period_to, status, started_by, "
      + "resources, total_cost, candidates, classify_ms, review_reason, statistics_report_id, efficiency_report_id, "
      + "previous_review_id, created_at, closed_at";
  static final String CANDIDATE_COLUMNS = "id, review_id, resource_id, unit_code, business_system_code, type, action, "
      + "rule_label, evidence, vcpu, memory_gb, disk_tb, proposed_vcpu, proposed_memory_gb, proposed_disk_tb, "
      + "monthly_cost, estimated_saving, decision, decision_reason, decided_by, decided_at, unit_status, unit_comment, "
      + "executed_vcpu, executed_memory_gb, executed_disk_tb, execution_note, executed_by, executed_at, realised_saving";
  static final String USAGE_COLUMNS = "resource_id, unit_code, business_system_code, type, vcpu, memory_gb, disk_tb, "
      + "days_in_period, monitored_days, off_days_run, cpu_avg, cpu_max, memory_avg, memory_max, storage_avg, "
      + "storage_max, cost, action";
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** What one resource used and cost in the period. */
  public record Usage(String resourceId, String unitCode, String businessSystemCode, String type, Integer vcpu,
      Integer memoryGb, BigDecimal diskTb, int daysInPeriod, int monitoredDays, int offDaysRun, BigDecimal cpuAvg,
      BigDecimal cpuMax, BigDecimal memoryAvg, BigDecimal memoryMax, BigDecimal storageAvg, BigDecimal storageMax,
      BigDecimal cost, String action) {

    Figures figures() {
      return new Figures(type, daysInPeriod, monitoredDays, offDaysRun, cpuAvg, memoryAvg, diskTb, storageAvg);
    }
  }

  /** A management decision on one candidate. */
  public record Decision(Long candidateId, String decision, String reason) {}

  /** What the operators did to one resource (the spec after execution; null keeps the proposal). */
  public record Execution(Long candidateId, Integer vcpu, Integer memoryGb, BigDecimal diskTb, String note) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final Settlement settlement;
  private final AppendixCRules rules;
  private final LedgerService ledger;
  private final Clock clock;

  OptimizationService(JdbcClient jdbc, JdbcTemplate template, Settlement settlement, AppendixCRules rules,
      LedgerService ledger, Clock clock) {
    this.jdbc = jdbc;
    this.template = template;
    this.settlement = settlement;
    this.rules = rules;
    this.ledger = ledger;
    this.clock = clock;
  }

  // ---- reviews

  @Transactional
  /** The scheduled review of a month ("2026-11"), if there is one. */
  public Optional<Review> findMonthly(String month) {
    return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM optimization_review WHERE month_key = ?").param(month)
        .query(OptimizationService::mapReview).optional();
  }

  /** Registers a review of the period; {@code month} is set for the scheduled review of that month only. */
  public Review create(LocalDate from, LocalDate to, String month, String processInstanceId, String by) {
    Settlement.checkPeriod(from, to);
    Instant now = clock.instant();
    Long previous = jdbc.sql("SELECT MAX(id) FROM optimization_review WHERE period_to < ? AND status <> 'OPEN'")
        .param(Date.valueOf(from)).query(Long.class).optional().orElse(null);
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("INSERT INTO optimization_review (process_instance_id, period_from, period_to, status, started_by, "
            + "previous_review_id, created_at, month_key) VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?)")
        .params(processInstanceId, Date.valueOf(from), Date.valueOf(to), by, previous, Timestamp.from(now), month)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    jdbc.sql("UPDATE optimization_review SET review_no = ? WHERE id = ?").params(CaseNumbers.of("OR", id, now), id)
        .update();
    return get(id);
  }

  public Review get(long id) {
    return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM optimization_review WHERE id = ?").param(id)
        .query(OptimizationService::mapReview).optional().orElseThrow(() -> new NotFoundException("优化评审不存在: " + id));
  }

  public Optional<Review> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM optimization_review WHERE process_instance_id = ?")
        .param(processInstanceId).query(OptimizationService::mapReview).optional();
  }

  public List<Review> list(int limit) {
    return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM optimization_review ORDER BY id DESC FETCH FIRST "
        + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY").query(OptimizationService::mapReview).list();
  }

  void status(long id, Review.Status status) {
    jdbc.sql("UPDATE optimization_review SET status = ?, closed_at = ? WHERE id = ?").params(status.name(),
        status == Review.Status.CLOSED || status == Review.Status.NOTHING_TO_DO ? Timestamp.from(clock.instant())
            : null, id).update();
  }

  void reports(long id, Long statisticsReportId, Long efficiencyReportId) {
    jdbc.sql("UPDATE optimization_review SET statistics_report_id = ?, efficiency_report_id = ? WHERE id = ?")
        .params(statisticsReportId, efficiencyReportId, id).update();
  }

  void event(long reviewId, String unitCode, String kind, String text, String by) {
    jdbc.sql("INSERT INTO optimization_event (review_id, unit_code, kind, text, author, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)")
        .params(reviewId, unitCode, kind, cut(text, 2000), by, Timestamp.from(clock.instant())).update();
  }

  public List<Map<String, Object>> events(long reviewId, Caller caller) {
    StringBuilder sql = new StringBuilder("SELECT unit_code, kind, text, author, created_at FROM optimization_event "
        + "WHERE review_id = ?");
    List<Object> params = new ArrayList<>(List.of(reviewId));
    if (!UnitScope.restrict(caller, "unit_code", sql, params)) {
      return List.of();
    }
    sql.append(" ORDER BY id");
    return jdbc.sql(sql.toString()).params(params).query((rs, i) -> {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("unitCode", rs.getString(1));
      m.put("kind", rs.getString(2));
      m.put("text", rs.getString(3));
      m.put("author", rs.getString(4));
      m.put("createdAt", rs.getTimestamp(5).toInstant());
      return m;
    }).list();
  }

  // ---- statistics (P6 7.5.2): usage of every resource over the period

  /** Computes and stores what every resource in the ledger used in the period; returns the number of resources. */
  @Transactional
  public int computeUsage(long reviewId) {
    Review review = get(reviewId);
    LocalDate from = review.periodFrom();
    LocalDate to = review.periodTo();
    List<Resource> resources = settlement.resources(from, to, null);
    Map<String, Acc> acc = monitoring(from, to);
    List<Object[]> rows = new ArrayList<>(resources.size());
    for (Resource r : resources) {
      Acc a = acc.getOrDefault(r.resourceId(), new Acc());
      int days = (int) ChronoUnit.DAYS.between(r.firstDay(), r.lastDay()) + 1;
      rows.add(new Object[] {reviewId, r.resourceId(), r.unitCode(), r.businessSystemCode(), r.type().name(), r.vcpu(),
          r.memoryGb(), r.diskTb(), days, Math.min(days, a.days), a.longestOffRun(), avg(a.cpuSum, a.cpuCount),
          a.cpuMax, avg(a.memSum, a.memCount), a.memMax, avg(a.stoSum, a.stoCount), a.stoMax, BigDecimal.ZERO});
    }
    jdbc.sql("DELETE FROM optimization_candidate WHERE review_id = ?").param(reviewId).update();
    jdbc.sql("DELETE FROM optimization_usage WHERE review_id = ?").param(reviewId).update();
    template.batchUpdate("INSERT INTO optimization_usage (review_id, resource_id, unit_code, business_system_code, "
        + "type, vcpu, memory_gb, disk_tb, days_in_period, monitored_days, off_days_run, cpu_avg, cpu_max, memory_avg, "
        + "memory_max, storage_avg, storage_max, cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    jdbc.sql("UPDATE optimization_review SET resources = ? WHERE id = ?").params(resources.size(), reviewId).update();
    return resources.size();
  }

  /** Monitoring figures per resource and day, summed over the period. */
  private static final class Acc {
    int days;
    double cpuSum;
    long cpuCount;
    BigDecimal cpuMax;
    double memSum;
    long memCount;
    BigDecimal memMax;
    double stoSum;
    long stoCount;
    BigDecimal stoMax;
    TreeSet<LocalDate> offDays;

    void add(ResultSet rs, int c) throws SQLException {
      days += rs.getInt(c);
      cpuSum += rs.getDouble(c + 1);
      cpuCount += rs.getLong(c + 2);
      cpuMax = max(cpuMax, rs.getBigDecimal(c + 3));
      memSum += rs.getDouble(c + 4);
      memCount += rs.getLong(c + 5);
      memMax = max(memMax, rs.getBigDecimal(c + 6));
      stoSum += rs.getDouble(c + 7);
      stoCount += rs.getLong(c + 8);
      stoMax = max(stoMax, rs.getBigDecimal(c + 9));
    }

    void off(LocalDate day) {
      if (offDays == null) {
        offDays = new TreeSet<>();
      }
      offDays.add(day);
    }

    int longestOffRun() {
      if (offDays == null) {
        return 0;
      }
      int best = 0;
      int run = 0;
      LocalDate prev = null;
      for (LocalDate d : offDays) {
        run = prev != null && prev.plusDays(1).equals(d) ? run + 1 : 1;
        best = Math.max(best, run);
        prev = d;
      }
      return best;
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
      return a == null ? b : b == null ? a : a.max(b);
    }
  }

  /**
   * Per resource over the period: days with data, sums and peaks of CPU, memory and storage, and the days it was off
   * all day. Whole days rolled up into monitoring_daily are read from there; days whose raw samples are still kept
   * are aggregated from monitoring_sample, one day at a time.
   */
  private Map<String, Acc> monitoring(LocalDate from, LocalDate to) {
    Map<String, Acc> acc = new HashMap<>();
    jdbc.sql("SELECT resource_id, COUNT(*), SUM(cpu_sum), SUM(cpu_count), MAX(cpu_max), SUM(memory_sum), "
            + "SUM(memory_count), MAX(memory_max), SUM(storage_sum), SUM(storage_count), MAX(storage_max) "
            + "FROM rv_monitoring_daily WHERE sample_day >= ? AND sample_day <= ? AND sample_count > 0 "
            + "GROUP BY resource_id")
        .params(Date.valueOf(from), Date.valueOf(to))
        .query(rs -> {
          acc.computeIfAbsent(rs.getString(1), k -> new Acc()).add(rs, 2);
        });
    jdbc.sql("SELECT resource_id, sample_day FROM rv_monitoring_daily WHERE sample_day >= ? AND sample_day <= ? "
            + "AND sample_count > 0 AND power_off_count >= sample_count")
        .params(Date.valueOf(from), Date.valueOf(to))
        .query(rs -> {
          acc.computeIfAbsent(rs.getString(1), k -> new Acc()).off(rs.getDate(2).toLocalDate());
        });
    Timestamp firstRaw = jdbc.sql("SELECT MIN(sampled_at) FROM rv_monitoring_sample").query(Timestamp.class).optional()
        .orElse(null);
    if (firstRaw == null) {
      return acc;
    }
    LocalDate day = LocalDate.ofInstant(firstRaw.toInstant(), WorkingCalendar.CHINA);
    for (LocalDate d = day.isAfter(from) ? day : from; !d.isAfter(to); d = d.plusDays(1)) {
      LocalDate current = d;
      jdbc.sql("SELECT resource_id, 1, SUM(cpu_pct), COUNT(cpu_pct), MAX(cpu_pct), SUM(memory_pct), "
              + "COUNT(memory_pct), MAX(memory_pct), SUM(storage_pct), COUNT(storage_pct), MAX(storage_pct), "
              + "SUM(CASE WHEN power_on THEN 1 ELSE 0 END) FROM rv_monitoring_sample "
              + "WHERE sampled_at >= ? AND sampled_at < ? GROUP BY resource_id")
          .params(Timestamp.from(d.atStartOfDay(WorkingCalendar.CHINA).toInstant()),
              Timestamp.from(d.plusDays(1).atStartOfDay(WorkingCalendar.CHINA).toInstant()))
          .query(rs -> {
            Acc a = acc.computeIfAbsent(rs.getString(1), k -> new Acc());
            a.add(rs, 2);
            if (rs.getLong(12) == 0) {
              a.off(current);
            }
          });
    }
    return acc;
  }

  private static BigDecimal avg(double sum, long count) {
    return count == 0 ? null : BigDecimal.valueOf(sum / count).setScale(2, RoundingMode.HALF_UP);
  }

  public List<Usage> usage(long reviewId) {
    return jdbc.sql("SELECT " + USAGE_COLUMNS + " FROM optimization_usage WHERE review_id = ? ORDER BY resource_id")
        .param(reviewId).query(OptimizationService::mapUsage).list();
  }

  // ---- efficiency (P6 7.5.3): cost of every resource by the billing rules

  /** Prices every resource's days in the period; returns the total. */
  @Transactional
  public BigDecimal computeCosts(long reviewId) {
    Review review = get(reviewId);
    Pricing pricing = settlement.pricing();
    List<Object[]> updates = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (Usage u : usage(reviewId)) {
      LocalDate last = review.periodTo();
      LocalDate first = last.minusDays(u.daysInPeriod() - 1L);
      BigDecimal cost = pricing.cost(new Resource(u.resourceId(), u.unitCode(), u.businessSystemCode(),
          ResourceType.valueOf(u.type()), u.vcpu(), u.memoryGb(), u.diskTb(), first, last));
      total = total.add(cost);
      updates.add(new Object[] {cost, reviewId, u.resourceId()});
    }
    template.batchUpdate("UPDATE optimization_usage SET cost = ? WHERE review_id = ? AND resource_id = ?", updates);
    jdbc.sql("UPDATE optimization_review SET total_cost = ? WHERE id = ?").params(total, reviewId).update();
    return total;
  }

  // ---- candidates (P3 Appendix C)

  /** Classifies every resource with the decision and records the candidates with their evidence; returns how many. */
  @Transactional
  public int classify(long reviewId) {
    Review review = get(reviewId);
    List<Usage> usage = usage(reviewId);
    long started = System.nanoTime();
    List<Classification> answers = rules.classify(usage.stream().map(Usage::figures).toList());
    long ms = (System.nanoTime() - started) / 1_000_000;
    Pricing pricing = settlement.pricing();
    List<Object[]> actions = new ArrayList<>();
    List<Object[]> candidates = new ArrayList<>();
    for (int i = 0; i < usage.size(); i++) {
      Usage u = usage.get(i);
      Classification c = answers.get(i);
      actions.add(new Object[] {c.action(), reviewId, u.resourceId()});
      if (c.keep()) {
        continue;
      }
      ResourceType type = ResourceType.valueOf(u.type());
      Integer pv = u.vcpu();
      Integer pm = u.memoryGb();
      BigDecimal pd = u.diskTb();
      switch (c.target()) {
        case "CPU_MEMORY" -> {
          pv = pv == null ? null : Math.max(1, pv / 2);
          pm = pm == null ? null : Math.max(1, pm / 2);
        }
        case "CPU" -> pv = pv == null ? null : pv * 2;
        case "MEMORY" -> pm = pm == null ? null : pm * 2;
        case "STORAGE" -> pd = pd == null ? null : "SCALE_UP".equals(c.action()) ? tenth(pd.multiply(BigDecimal
            .valueOf(1.5))) : shrunkStorage(pd, u.storageMax() == null ? u.storageAvg() : u.storageMax());
        case "ALL" -> {
          pv = null;
          pm = null;
          pd = null;
        }
        default -> { }
      }
      BigDecimal monthly = pricing.monthly(type, u.vcpu(), u.memoryGb(), u.diskTb(), review.periodTo());
      BigDecimal saving = switch (c.action()) {
        case "REVOKE" -> monthly;
        case "PLUGIN_ABNORMAL" -> BigDecimal.ZERO.setScale(2);
        default -> monthly.subtract(pricing.monthly(type, pv, pm, pd, review.periodTo()));
      };
      candidates.add(new Object[] {reviewId, u.resourceId(), u.unitCode(), u.businessSystemCode(), u.type(),
          c.action(), cut(c.ruleLabel(), 200), evidence(u), u.vcpu(), u.memoryGb(), u.diskTb(), pv, pm, pd, monthly,
          saving});
    }
    template.batchUpdate("UPDATE optimization_usage SET action = ? WHERE review_id = ? AND resource_id = ?", actions);
    template.batchUpdate("INSERT INTO optimization_candidate (review_id, resource_id, unit_code, business_system_code, "
        + "type, action, rule_label, evidence, vcpu, memory_gb, disk_tb, proposed_vcpu, proposed_memory_gb, "
        + "proposed_disk_tb, monthly_cost, estimated_saving, decision) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')", candidates);
    jdbc.sql("UPDATE optimization_review SET candidates = ?, classify_ms = ? WHERE id = ?")
        .params(candidates.size(), ms, reviewId).update();
    return candidates.size();
  }

  private static BigDecimal tenth(BigDecimal tb) {
    return tb.setScale(1, RoundingMode.CEILING);
  }

  /** Storage that keeps the peak use under 70 %, in tenths of a TB, at least 0.1 TB and less than before. */
  private static BigDecimal shrunkStorage(BigDecimal tb, BigDecimal peakPct) {
    BigDecimal used = tb.multiply(peakPct == null ? BigDecimal.ZERO : peakPct).divide(HUNDRED, 6, RoundingMode.HALF_UP);
    BigDecimal target = tenth(used.divide(new BigDecimal("0.7"), 6, RoundingMode.HALF_UP)).max(new BigDecimal("0.1"));
    return target.compareTo(tb) < 0 ? target : tb.divide(BigDecimal.valueOf(2), 3, RoundingMode.HALF_UP);
  }

  static String evidence(Usage u) {
    StringBuilder s = new StringBuilder();
    s.append("统计 ").append(u.daysInPeriod()).append(" 天，有监控数据 ").append(u.monitoredDays()).append(" 天");
    s.append("；CPU 平均 ").append(pct(u.cpuAvg())).append("（峰值 ").append(pct(u.cpuMax())).append("）");
    s.append("；内存平均 ").append(pct(u.memoryAvg())).append("（峰值 ").append(pct(u.memoryMax())).append("）");
    if (u.diskTb() != null) {
      s.append("；存储 ").append(u.diskTb().stripTrailingZeros().toPlainString()).append(" TB 平均 ")
          .append(pct(u.storageAvg()));
    }
    s.append("；最长连续关机 ").append(u.offDaysRun()).append(" 天；本期费用 ").append(u.cost()).append(" 元");
    return s.toString();
  }

  static String pct(BigDecimal v) {
    return v == null ? "—" : v.stripTrailingZeros().toPlainString() + "%";
  }

  public List<Candidate> candidates(long reviewId, String unitCode, String action, String decision, Caller caller,
      int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + CANDIDATE_COLUMNS + " FROM optimization_candidate "
        + "WHERE review_id = ?");
    List<Object> params = new ArrayList<>(List.of(reviewId));
    if (unitCode != null && caller != null && !caller.mayAccessUnit(unitCode)) {
      throw new AccessDeniedException("只能查看本单位的优化建议");
    }
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
    sql.append(" ORDER BY unit_code, estimated_saving DESC, resource_id FETCH FIRST ").append(Math.max(1, limit))
        .append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params).query(OptimizationService::mapCandidate).list();
  }

  // ---- management review (P6 7.5.4.1)

  static void requireManagement(Caller caller) {
    if (!caller.isAdmin() && !caller.inAny(Groups.MANAGEMENT)) {
      throw new AccessDeniedException("只有管理方可以审核资源优化建议");
    }
  }

  /**
   * Records decisions: each given one, then {@code bulk} (ACCEPT or REJECT) for every candidate still pending. A
   * rejection needs a reason (its own or the common one). Returns the counts of pending, accepted, rejected.
   */
  @Transactional
  public Map<String, Long> decide(long reviewId, List<Decision> decisions, String bulk, String reason, String by) {
    Review review = get(reviewId);
    if (review.status() != Review.Status.IN_REVIEW) {
      throw ValidationException.of("reviewId", "该评审当前不在管理方审核阶段");
    }
    String common = reason == null || reason.isBlank() ? null : reason.strip();
    if (common != null && common.length() > 1000) {
      throw ValidationException.of("reason", "最长 1000 字");
    }
    String bulkDecision = bulk == null || bulk.isBlank() ? null : bulk.strip().toUpperCase(java.util.Locale.ROOT);
    if (bulkDecision != null && !Set.of("ACCEPT", "REJECT").contains(bulkDecision)) {
      throw ValidationException.of("all", "取值 ACCEPT（全部接受）或 REJECT（全部拒绝）");
    }
    List<FieldError> errors = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    Set<Long> ids = new java.util.HashSet<>(jdbc.sql("SELECT id FROM optimization_candidate WHERE review_id = ?")
        .param(reviewId).query(Long.class).list());
    Timestamp now = Timestamp.from(clock.instant());
    List<Decision> given = decisions == null ? List.of() : decisions;
    for (int i = 0; i < given.size(); i++) {
      Decision d = given.get(i);
      if (d == null || d.candidateId() == null || !ids.contains(d.candidateId())) {
        errors.add(new FieldError(i, "candidateId", "该评审中没有这条建议"));
        continue;
      }
      String value = d.decision() == null ? "" : d.decision().strip().toUpperCase(java.util.Locale.ROOT);
      if (!Set.of("ACCEPT", "REJECT").contains(value)) {
        errors.add(new FieldError(i, "decision", "取值 ACCEPT（接受）或 REJECT（拒绝）"));
        continue;
      }
      String why = d.reason() == null || d.reason().isBlank() ? common : d.reason().strip();
      if ("REJECT".equals(value) && why == null) {
        errors.add(new FieldError(i, "reason", "拒绝须说明理由"));
        continue;
      }
      if (why != null && why.length() > 1000) {
        errors.add(new FieldError(i, "reason", "最长 1000 字"));
        continue;
      }
      updates.add(new Object[] {"ACCEPT".equals(value) ? "ACCEPTED" : "REJECTED", why, by, now,
          "ACCEPT".equals(value) ? "PENDING" : null, d.candidateId(), reviewId});
    }
    if ("REJECT".equals(bulkDecision) && common == null) {
      errors.add(new FieldError(null, "reason", "全部拒绝须说明理由"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    template.batchUpdate("UPDATE optimization_candidate SET decision = ?, decision_reason = ?, decided_by = ?, "
        + "decided_at = ?, unit_status = ? WHERE id = ? AND review_id = ?", updates);
    if (bulkDecision != null) {
      boolean accept = "ACCEPT".equals(bulkDecision);
      jdbc.sql("UPDATE optimization_candidate SET decision = ?, decision_reason = ?, decided_by = ?, decided_at = ?, "
              + "unit_status = ? WHERE review_id = ? AND decision = 'PENDING'")
          .params(accept ? "ACCEPTED" : "REJECTED", common, by, now, accept ? "PENDING" : null, reviewId).update();
    }
    if (common != null) {
      jdbc.sql("UPDATE optimization_review SET review_reason = ? WHERE id = ?").params(common, reviewId).update();
    }
    return decisionCounts(reviewId);
  }

  public Map<String, Long> decisionCounts(long reviewId) {
    Map<String, Long> counts = new java.util.TreeMap<>(Map.of("PENDING", 0L, "ACCEPTED", 0L, "REJECTED", 0L));
    jdbc.sql("SELECT decision, COUNT(*) FROM optimization_candidate WHERE review_id = ? GROUP BY decision")
        .param(reviewId).query(rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }

  public List<String> unitsWithAccepted(long reviewId) {
    return jdbc.sql("SELECT DISTINCT unit_code FROM optimization_candidate WHERE review_id = ? AND decision = "
        + "'ACCEPTED' ORDER BY unit_code").param(reviewId).query(String.class).list();
  }

  /** The accepted recommendations of one unit that are still to be answered or executed. */
  public List<Candidate> unitItems(long reviewId, String unitCode) {
    return jdbc.sql("SELECT " + CANDIDATE_COLUMNS + " FROM optimization_candidate WHERE review_id = ? AND unit_code = ? "
            + "AND decision = 'ACCEPTED' ORDER BY resource_id")
        .params(reviewId, unitCode).query(OptimizationService::mapCandidate).list();
  }

  // ---- the unit (P6 7.5.4.2–7.5.4.3)

  @Transactional
  public void unitAnswer(long reviewId, String unitCode, boolean confirm, String comment, String by) {
    if (!confirm && (comment == null || comment.isBlank())) {
      throw ValidationException.of(OptimizationVariables.UNIT_COMMENT, "提出异议须说明理由");
    }
    jdbc.sql("UPDATE optimization_candidate SET unit_status = ?, unit_comment = ? WHERE review_id = ? "
            + "AND unit_code = ? AND decision = 'ACCEPTED' AND unit_status IN ('PENDING', 'OBJECTED')")
        .params(confirm ? "CONFIRMED" : "OBJECTED", cut(comment, 1000), reviewId, unitCode).update();
    event(reviewId, unitCode, confirm ? "CONFIRMED" : "OBJECTED",
        (confirm ? "使用单位确认优化建议" : "使用单位提出异议") + (comment == null ? "" : "：" + comment), by);
  }

  /** Management's answer to an objection: withdraw the unit's recommendations, or maintain them and ask again. */
  @Transactional
  public void objectionDecision(long reviewId, String unitCode, boolean withdraw, String comment, String by) {
    if (comment == null || comment.isBlank()) {
      throw ValidationException.of(OptimizationVariables.MANAGEMENT_COMMENT, "请填写处理意见");
    }
    if (withdraw) {
      jdbc.sql("UPDATE optimization_candidate SET unit_status = 'WITHDRAWN' WHERE review_id = ? AND unit_code = ? "
          + "AND decision = 'ACCEPTED' AND unit_status = 'OBJECTED'").params(reviewId, unitCode).update();
    } else {
      jdbc.sql("UPDATE optimization_candidate SET unit_status = 'PENDING' WHERE review_id = ? AND unit_code = ? "
          + "AND decision = 'ACCEPTED' AND unit_status = 'OBJECTED'").params(reviewId, unitCode).update();
    }
    event(reviewId, unitCode, withdraw ? "WITHDRAWN" : "MAINTAINED",
        (withdraw ? "管理方采纳异议，撤回建议：" : "管理方维持建议，请单位再次确认：") + comment, by);
  }

  /**
   * The operators' execution (P6 7.5.4.3): every confirmed recommendation of the unit is carried out and the ledger
   * changed in the same transaction (resize or release); the saving realised per month is computed from the spec
   * after execution at the prices valid today.
   */
  @Transactional
  public BigDecimal execute(long reviewId, String unitCode, List<Execution> done, String by) {
    Review review = get(reviewId);
    Map<Long, Execution> byId = new HashMap<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; done != null && i < done.size(); i++) {
      Execution e = done.get(i);
      if (e == null || e.candidateId() == null) {
        errors.add(new FieldError(i, "candidateId", "缺少建议编号"));
        continue;
      }
      if (e.vcpu() != null && e.vcpu() < 1) {
        errors.add(new FieldError(i, "vcpu", "vCPU 至少为 1"));
      }
      if (e.memoryGb() != null && e.memoryGb() < 1) {
        errors.add(new FieldError(i, "memoryGb", "内存至少为 1 GB"));
      }
      if (e.diskTb() != null && e.diskTb().signum() < 0) {
        errors.add(new FieldError(i, "diskTb", "不能为负数"));
      }
      if (e.note() != null && e.note().length() > 1000) {
        errors.add(new FieldError(i, "note", "最长 1000 字"));
      }
      byId.put(e.candidateId(), e);
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Pricing pricing = settlement.pricing();
    LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingCalendar.CHINA);
    Timestamp now = Timestamp.from(clock.instant());
    BigDecimal realisedTotal = BigDecimal.ZERO;
    String reason = "资源优化评审 " + review.reviewNo();
    for (Candidate c : unitItems(reviewId, unitCode)) {
      if (!"CONFIRMED".equals(c.unitStatus())) {
        continue;
      }
      Execution e = byId.get(c.id());
      String note = e == null || e.note() == null || e.note().isBlank() ? null : e.note().strip();
      ResourceType type = ResourceType.valueOf(c.type());
      Integer v = null;
      Integer m = null;
      BigDecimal d = null;
      BigDecimal realised;
      BigDecimal before = pricing.monthly(type, c.vcpu(), c.memoryGb(), c.diskTb(), today);
      switch (c.action()) {
        case "REVOKE" -> {
          ledger.release(c.resourceId(), reason, by);
          realised = before;
        }
        case "SCALE_DOWN", "SCALE_UP" -> {
          v = e != null && e.vcpu() != null ? e.vcpu() : c.proposedVcpu();
          m = e != null && e.memoryGb() != null ? e.memoryGb() : c.proposedMemoryGb();
          d = e != null && e.diskTb() != null ? e.diskTb() : c.proposedDiskTb();
          ledger.resize(c.resourceId(), v, m, d, reason + " " + Candidate.actionLabel(c.action()), by);
          realised = before.subtract(pricing.monthly(type, v, m, d, today));
        }
        default -> realised = BigDecimal.ZERO.setScale(2);
      }
      realisedTotal = realisedTotal.add(realised);
      jdbc.sql("UPDATE optimization_candidate SET unit_status = 'EXECUTED', executed_vcpu = ?, executed_memory_gb = ?, "
              + "executed_disk_tb = ?, execution_note = ?, executed_by = ?, executed_at = ?, realised_saving = ? "
              + "WHERE id = ?")
          .params(v, m, d, note, by, now, realised, c.id()).update();
    }
    event(reviewId, unitCode, "EXECUTED", "运维操作人员已执行优化，每月节约 " + realisedTotal + " 元", by);
    return realisedTotal;
  }

  // ---- follow-up (P6 7.5.4.4)

  /** What was done after a review: counts, the estimated and realised monthly savings, and the executed resources. */
  public record FollowUp(long reviewId, String reviewNo, LocalDate periodFrom, LocalDate periodTo, long candidates,
      long accepted, long rejected, long executed, long withdrawn, BigDecimal estimatedSaving,
      BigDecimal realisedSaving, List<Candidate> executedItems) {}

  public FollowUp followUp(long reviewId) {
    Review r = get(reviewId);
    long[] c = new long[5];
    BigDecimal[] s = {BigDecimal.ZERO, BigDecimal.ZERO};
    jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN decision = 'ACCEPTED' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN decision = 'REJECTED' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN unit_status = 'EXECUTED' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN unit_status = 'WITHDRAWN' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN decision = 'ACCEPTED' THEN estimated_saving ELSE 0 END), SUM(realised_saving) "
            + "FROM optimization_candidate WHERE review_id = ?").param(reviewId).query(rs -> {
              for (int i = 0; i < 5; i++) {
                c[i] = rs.getLong(i + 1);
              }
              s[0] = rs.getBigDecimal(6) == null ? BigDecimal.ZERO : rs.getBigDecimal(6);
              s[1] = rs.getBigDecimal(7) == null ? BigDecimal.ZERO : rs.getBigDecimal(7);
            });
    List<Candidate> executed = jdbc.sql("SELECT " + CANDIDATE_COLUMNS + " FROM optimization_candidate "
            + "WHERE review_id = ? AND unit_status = 'EXECUTED' ORDER BY realised_saving DESC, resource_id "
            + "FETCH FIRST 200 ROWS ONLY")
        .param(reviewId).query(OptimizationService::mapCandidate).list();
    return new FollowUp(r.id(), r.reviewNo(), r.periodFrom(), r.periodTo(), c[0], c[1], c[2], c[3], c[4],
        s[0].setScale(2, RoundingMode.HALF_UP), s[1].setScale(2, RoundingMode.HALF_UP), executed);
  }

  // ---- mapping

  static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

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
        rs.getString("rule_label"), rs.getString("evidence"), (Integer) rs.getObject("vcpu", Integer.class),
        (Integer) rs.getObject("memory_gb", Integer.class), rs.getBigDecimal("disk_tb"),
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
