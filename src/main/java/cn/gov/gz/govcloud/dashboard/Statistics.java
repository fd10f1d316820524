package cn.gov.gz.govcloud.dashboard;

import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.dashboard.LiveFigures.Where;
import cn.gov.gz.govcloud.dashboard.Snapshot.Chart;
import cn.gov.gz.govcloud.dashboard.Snapshot.ChartSeries;
import cn.gov.gz.govcloud.dashboard.Snapshot.Costs;
import cn.gov.gz.govcloud.dashboard.Snapshot.Figure;
import cn.gov.gz.govcloud.dashboard.Snapshot.InspectionProgress;
import cn.gov.gz.govcloud.dashboard.Snapshot.ListRef;
import cn.gov.gz.govcloud.dashboard.Snapshot.Resources;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.report.DocumentLinks;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statistics: this quarter's inspection, the ledger with the utilisation and idle resources of the latest
 * optimisation review, and the cost by unit. Utilisation, idle resources and cost are the figures of that review's
 * statistics and efficiency reports ({@code rv_optimization_usage} gives them per resource as those reports count them).
 */
@Implements(value = "P6 7.2.4.4", what = "从各业务数据的报表视图整合多源数据：代码换成名称，缺失值显示为“—”，口径与报告一致")
@Implements(value = "P6 7.2.4.6", what = "按计费（各单位费用与月度趋势）、使用状况（利用率、闲置资源）、业务（巡检进度）和时间多维度展示")
@Component
class Statistics {

  /** Units named in the cost chart; the rest are in the list behind it. */
  static final int TOP_UNITS = 10;
  /** Reviews in the cost trend. */
  static final int TREND_REVIEWS = 6;

  /** The latest review whose statistics are done. */
  record Review(long id, String reviewNo, LocalDate from, LocalDate to, Long statisticsReportId,
      Long efficiencyReportId) {

    String label() {
      return "资源优化评审 " + reviewNo + "（统计期间 " + from + " 至 " + to + "）";
    }
  }

  /** Sums of one group of {@code rv_optimization_usage} rows. */
  static final class Usage {
    long resources;
    long vcpu;
    double usedVcpu;
    double measuredVcpu;
    long memory;
    double usedMemory;
    double measuredMemory;
    double disk;
    double usedDisk;
    double measuredDisk;
    BigDecimal cost = BigDecimal.ZERO;
    long idle;
    BigDecimal idleCost = BigDecimal.ZERO;

    Double cpu() {
      return measuredVcpu == 0 ? null : 100 * usedVcpu / measuredVcpu;
    }

    Double memory() {
      return measuredMemory == 0 ? null : 100 * usedMemory / measuredMemory;
    }

    Double storage() {
      return measuredDisk == 0 ? null : 100 * usedDisk / measuredDisk;
    }
  }

  private final JdbcClient jdbc;
  private final OrganizationService organization;

  Statistics(JdbcClient jdbc, OrganizationService organization) {
    this.jdbc = jdbc;
    this.organization = organization;
  }

  static String quarterKey(LocalDate day) {
    return day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1);
  }

  static String quarterLabel(String key) {
    return key.substring(0, 4) + " 年第 " + key.substring(5) + " 季度";
  }

  static LocalDate quarterEnd(LocalDate day) {
    LocalDate first = day.withDayOfMonth(1).withMonth(((day.getMonthValue() - 1) / 3) * 3 + 1);
    return first.plusMonths(3).minusDays(1);
  }

  InspectionProgress inspection(LocalDate today, Instant now, String contextPath) {
    String key = quarterKey(today);
    long special = jdbc.sql("SELECT COUNT(*) FROM rv_inspection WHERE kind = 'SPECIAL' AND status <> 'COMPLETED'")
        .query(Long.class).single();
    ListRef all = ListRef.of("inspections");
    return jdbc.sql("SELECT inspection_no, status, due_at, areas, areas_done, findings, findings_open, report_id "
            + "FROM rv_inspection WHERE quarter_key = ?").param(key)
        .query((rs, i) -> {
          Timestamp due = rs.getTimestamp("due_at");
          long reportId = rs.getLong("report_id");
          boolean reported = !rs.wasNull();
          String status = Labels.of(Labels.INSPECTION_STATUS, rs.getString("status"));
          boolean late = due != null && due.toInstant().isBefore(now) && !"COMPLETED".equals(rs.getString("status"));
          return new InspectionProgress(quarterLabel(key), rs.getString("inspection_no"), status + (late ? "（已超过完成期限）" : ""),
              due == null ? "—" : Format.minute(due.toInstant()), rs.getLong("areas"), rs.getLong("areas_done"),
              rs.getLong("findings"), rs.getLong("findings_open"),
              reported ? contextPath + DocumentLinks.path(reportId) : null, special, null, all,
              ListRef.of("findings", "quarter", key));
        }).optional()
        .orElseGet(() -> new InspectionProgress(quarterLabel(key), null, "尚未发起", "本季度末（" + quarterEnd(today)
            + "）前", 0, 0, 0, 0, null, special, "本季度全面巡检尚未发起：计划于每季度首月 1 日自动发起，每季度至少一次（DB4401/T 294.3 "
            + "5.1.3.2）。", all, ListRef.of("findings", "quarter", key)));
  }

  Optional<Review> latestReview() {
    return jdbc.sql("SELECT id, review_no, period_from, period_to, statistics_report_id, efficiency_report_id "
            + "FROM rv_optimization_review ORDER BY period_to DESC, id DESC FETCH FIRST 1 ROWS ONLY")
        .query((rs, i) -> new Review(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
            rs.getDate(4).toLocalDate(), (Long) rs.getObject(5, Long.class), (Long) rs.getObject(6, Long.class)))
        .optional();
  }

  Resources resources(Scope scope) {
    Map<String, long[]> byType = new LinkedHashMap<>();
    Labels.RESOURCE_TYPE.keySet().forEach(t -> byType.put(t, new long[2]));
    long[] vcpuMemory = new long[2];
    double[] disk = new double[1];
    Where w = new Where(scope, "state <> 'RELEASED'");
    if (w.any) {
      jdbc.sql("SELECT type, state, COUNT(*), SUM(vcpu), SUM(memory_gb), SUM(disk_tb) FROM rv_ledger_resource WHERE "
              + w.sql + " GROUP BY type, state")
          .params(w.params).query((rs, i) -> {
            byType.computeIfAbsent(rs.getString(1), k -> new long[2])["POWERED_OFF".equals(rs.getString(2)) ? 1 : 0] +=
                rs.getLong(3);
            vcpuMemory[0] += rs.getLong(4);
            vcpuMemory[1] += rs.getLong(5);
            BigDecimal d = rs.getBigDecimal(6);
            disk[0] += d == null ? 0 : d.doubleValue();
            return null;
          }).list();
    }
    long total = byType.values().stream().mapToLong(c -> c[0] + c[1]).sum();
    long off = byType.values().stream().mapToLong(c -> c[1]).sum();
    List<String> types = List.copyOf(byType.keySet());
    Chart ledger = new Chart(types.stream().map(t -> Labels.of(Labels.RESOURCE_TYPE, t)).toList(), List.of(
        new ChartSeries("运行", types.stream().map(t -> byType.get(t)[0]).toList(), null),
        new ChartSeries("关机", types.stream().map(t -> byType.get(t)[1]).toList(), null)));
    Map<String, String> allocation = new LinkedHashMap<>();
    allocation.put("vCPU（核）", String.valueOf(vcpuMemory[0]));
    allocation.put("内存（GB）", String.valueOf(vcpuMemory[1]));
    allocation.put("存储（TB）", Format.number(disk[0]));

    Optional<Review> review = latestReview();
    Map<String, Usage> usage = review.map(r -> usageBy(r.id(), scope, "type")).orElse(Map.of());
    Usage all = sum(usage.values());
    List<String> usedTypes = types.stream().filter(usage::containsKey).toList();
    List<String> categories = new ArrayList<>(usedTypes.stream().map(t -> Labels.of(Labels.RESOURCE_TYPE, t)).toList());
    categories.add("合计");
    Chart utilisation = new Chart(categories,
        List.of(
            new ChartSeries("CPU", percentages(usedTypes, usage, all, Usage::cpu), null),
            new ChartSeries("内存", percentages(usedTypes, usage, all, Usage::memory), null),
            new ChartSeries("存储", percentages(usedTypes, usage, all, Usage::storage), null)));
    String idleDefinition = "最近一次资源优化评审按 DB4401/T 294.3 附录 C 判定为缩容或撤销回收候选的资源（与该期资源使用效能分析报告相同）。";
    return new Resources(
        new Figure("台账资源", total, "项", "资源台账中未释放的资源（运行与关机），实时。", null),
        new Figure("关机资源", off, "项", "资源台账中处于关机状态、尚未释放的资源；连续关机 15 天未释放的列为回收候选。", null),
        new Figure("闲置资源", all.idle, "项", idleDefinition, ListRef.of("idle")),
        Format.yuan(all.idleCost), allocation, ledger, utilisation,
        review.map(Review::label).orElse(null));
  }

  private static List<Double> percentages(List<String> types, Map<String, Usage> usage, Usage all,
      java.util.function.Function<Usage, Double> metric) {
    List<Double> out = new ArrayList<>();
    types.forEach(t -> out.add(Format.round1(metric.apply(usage.get(t)))));
    out.add(Format.round1(metric.apply(all)));
    return out;
  }

  Costs costs(Scope scope, String contextPath) {
    Optional<Review> review = latestReview();
    if (review.isEmpty()) {
      return null;
    }
    Map<String, Usage> byUnit = usageBy(review.get().id(), scope, "unit_code");
    Usage all = sum(byUnit.values());
    List<Map.Entry<String, Usage>> top = byUnit.entrySet().stream()
        .sorted((a, b) -> b.getValue().cost.compareTo(a.getValue().cost)).limit(TOP_UNITS).toList();
    Map<String, String> names = organization.unitNames();
    List<String> units = new ArrayList<>(top.stream().map(e -> names.getOrDefault(e.getKey(), "未登记单位")).toList());
    Collections.reverse(units); // the horizontal bars draw bottom up: the most expensive on top
    List<Map.Entry<String, Usage>> drawn = new ArrayList<>(top);
    Collections.reverse(drawn);
    Chart byUnitChart = new Chart(units, List.of(
        new ChartSeries("本期费用（元）", drawn.stream().map(e -> e.getValue().cost).toList(),
            drawn.stream().map(e -> ListRef.of("costs", "unit", e.getKey())).toList()),
        new ChartSeries("其中闲置资源（元）", drawn.stream().map(e -> e.getValue().idleCost).toList(),
            drawn.stream().map(e -> ListRef.of("idle", "unit", e.getKey())).toList())));
    return new Costs(review.get().label(), Format.yuan(all.cost), Format.yuan(all.idleCost), byUnit.size(),
        byUnitChart, trend(scope), ListRef.of("costs"));
  }

  /**
   * The cost of each of the latest reviews: the review's own total for all units (the optimisation room keeps it as the
   * sum of its resources' costs), the units' resources summed for a unit's viewer.
   */
  private Chart trend(Scope scope) {
    List<Object[]> reviews = jdbc.sql("SELECT id, period_from, period_to, total_cost FROM rv_optimization_review "
            + "ORDER BY period_to DESC, id DESC FETCH FIRST " + TREND_REVIEWS + " ROWS ONLY")
        .query((rs, i) -> new Object[] {rs.getLong(1), rs.getDate(2).toLocalDate() + " 至 " + rs.getDate(3).toLocalDate(),
            rs.getBigDecimal(4)}).list();
    Map<Long, BigDecimal> totals = new java.util.HashMap<>();
    if (scope.allUnits()) {
      reviews.forEach(r -> totals.put((Long) r[0], r[2] == null ? BigDecimal.ZERO : (BigDecimal) r[2]));
    } else if (!reviews.isEmpty()) {
      Where w = new Where(scope, "review_id IN (" + String.join(", ", Collections.nCopies(reviews.size(), "?")) + ")",
          reviews.stream().map(r -> r[0]).toArray());
      if (w.any) {
        jdbc.sql("SELECT review_id, SUM(cost) FROM rv_optimization_usage WHERE " + w.sql + " GROUP BY review_id")
            .params(w.params).query((rs, i) -> totals.put(rs.getLong(1), rs.getBigDecimal(2))).list();
      }
    }
    List<String> periods = new ArrayList<>();
    List<BigDecimal> values = new ArrayList<>();
    for (int i = reviews.size() - 1; i >= 0; i--) {
      periods.add((String) reviews.get(i)[1]);
      values.add(totals.getOrDefault((Long) reviews.get(i)[0], BigDecimal.ZERO));
    }
    return new Chart(periods, List.of(new ChartSeries("费用（元）", values, null)));
  }

  /** The review's usage summed per {@code type} or per {@code unit_code}, within the scope. */
  Map<String, Usage> usageBy(long reviewId, Scope scope, String column) {
    Map<String, Usage> out = new LinkedHashMap<>();
    Where w = new Where(scope, "review_id = ?", reviewId);
    if (!w.any) {
      return out;
    }
    jdbc.sql("SELECT " + column + ", COUNT(*), SUM(vcpu), SUM(used_vcpu), SUM(measured_vcpu), SUM(memory_gb), "
            + "SUM(used_memory_gb), SUM(measured_memory_gb), SUM(disk_tb), SUM(used_disk_tb), SUM(measured_disk_tb), "
            + "SUM(cost), SUM(idle), SUM(idle_cost) FROM rv_optimization_usage WHERE " + w.sql + " GROUP BY " + column)
        .params(w.params).query((rs, i) -> {
          Usage u = new Usage();
          u.resources = rs.getLong(2);
          u.vcpu = rs.getLong(3);
          u.usedVcpu = rs.getDouble(4);
          u.measuredVcpu = rs.getDouble(5);
          u.memory = rs.getLong(6);
          u.usedMemory = rs.getDouble(7);
          u.measuredMemory = rs.getDouble(8);
          u.disk = rs.getDouble(9);
          u.usedDisk = rs.getDouble(10);
          u.measuredDisk = rs.getDouble(11);
          u.cost = rs.getBigDecimal(12) == null ? BigDecimal.ZERO : rs.getBigDecimal(12);
          u.idle = rs.getLong(13);
          u.idleCost = rs.getBigDecimal(14) == null ? BigDecimal.ZERO : rs.getBigDecimal(14);
          out.put(rs.getString(1), u);
          return null;
        }).list();
    return out;
  }

  static Usage sum(java.util.Collection<Usage> parts) {
    Usage all = new Usage();
    for (Usage u : parts) {
      all.resources += u.resources;
      all.vcpu += u.vcpu;
      all.usedVcpu += u.usedVcpu;
      all.measuredVcpu += u.measuredVcpu;
      all.memory += u.memory;
      all.usedMemory += u.usedMemory;
      all.measuredMemory += u.measuredMemory;
      all.disk += u.disk;
      all.usedDisk += u.usedDisk;
      all.measuredDisk += u.measuredDisk;
      all.cost = all.cost.add(u.cost);
      all.idle += u.idle;
      all.idleCost = all.idleCost.add(u.idleCost);
    }
    return all;
  }
}
