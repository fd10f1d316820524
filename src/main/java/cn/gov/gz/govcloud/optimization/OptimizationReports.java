package cn.gov.gz.govcloud.optimization;

import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.optimization.OptimizationService.FollowUp;
import cn.gov.gz.govcloud.optimization.OptimizationService.Usage;
import cn.gov.gz.govcloud.report.ChartData;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The statistics report (P6 7.5.2) and the efficiency report (P6 7.5.3) of a review, rendered from the Word templates
 * {@code report-templates/optimization-statistics-report.docx} and {@code optimization-efficiency-report.docx} with
 * native charts (utilisation distribution, utilisation by type, cost by unit, top idle resources) and archived.
 */
@Service
public class OptimizationReports {

  static final String STATISTICS = "OPTIMIZATION_STATISTICS";
  static final String EFFICIENCY = "OPTIMIZATION_EFFICIENCY";
  static final int TABLE_ROWS = 100;
  static final List<String> UTILISATION_SERIES = List.of("CPU", "内存", "存储");

  private final OptimizationService service;
  private final ReportArchive archive;
  private final TemplateReport templates;
  private final JdbcClient jdbc;

  OptimizationReports(OptimizationService service, ReportArchive archive, TemplateReport templates, JdbcClient jdbc) {
    this.service = service;
    this.archive = archive;
    this.templates = templates;
    this.jdbc = jdbc;
  }

  /** Allocation, use (allocation × average utilisation) and cost of a group of resources. */
  static final class Agg {
    int resources;
    long vcpu;
    double usedVcpu;
    long vcpuMeasured;
    long memory;
    double usedMemory;
    long memoryMeasured;
    double disk;
    double usedDisk;
    double diskMeasured;
    BigDecimal cost = BigDecimal.ZERO;
    int idle;
    BigDecimal idleCost = BigDecimal.ZERO;

    void add(Usage u) {
      resources++;
      int v = u.vcpu() == null ? 0 : u.vcpu();
      int m = u.memoryGb() == null ? 0 : u.memoryGb();
      double d = u.diskTb() == null ? 0 : u.diskTb().doubleValue();
      vcpu += v;
      memory += m;
      disk += d;
      if (u.cpuAvg() != null) {
        usedVcpu += v * u.cpuAvg().doubleValue() / 100;
        vcpuMeasured += v;
      }
      if (u.memoryAvg() != null) {
        usedMemory += m * u.memoryAvg().doubleValue() / 100;
        memoryMeasured += m;
      }
      if (u.storageAvg() != null) {
        usedDisk += d * u.storageAvg().doubleValue() / 100;
        diskMeasured += d;
      }
      cost = cost.add(u.cost());
      if ("SCALE_DOWN".equals(u.action()) || "REVOKE".equals(u.action())) {
        idle++;
        idleCost = idleCost.add(u.cost());
      }
    }

    Double cpu() {
      return vcpuMeasured == 0 ? null : 100 * usedVcpu / vcpuMeasured;
    }

    Double mem() {
      return memoryMeasured == 0 ? null : 100 * usedMemory / memoryMeasured;
    }

    Double sto() {
      return diskMeasured == 0 ? null : 100 * usedDisk / diskMeasured;
    }
  }

  static String pct(Double v) {
    return v == null ? "—" : BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  static String num(double v) {
    return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  static <K> Map<K, Agg> group(List<Usage> usage, Function<Usage, K> key) {
    Map<K, Agg> m = new TreeMap<>();
    for (Usage u : usage) {
      m.computeIfAbsent(key.apply(u), k -> new Agg()).add(u);
    }
    return m;
  }

  private Map<String, String> names(String sql) {
    Map<String, String> m = new HashMap<>();
    jdbc.sql(sql).query(rs -> {
      m.put(rs.getString(1), rs.getString(2));
    });
    return m;
  }

  private Map<String, Object> header(Review r, String title, int version) {
    Map<String, Object> data = new HashMap<>();
    data.put("title", title);
    data.put("period", r.periodFrom() + " 至 " + r.periodTo());
    data.put("reviewNo", r.reviewNo());
    data.put("version", String.valueOf(version));
    data.put("status", "随资源优化评审提交管理方审核");
    return data;
  }

  private static Map<String, String> pair(String item, String value) {
    return Map.of("item", item, "value", value);
  }

  // ---- statistics

  public ReportDocument statistics(long reviewId, String processInstanceId, String by) {
    Review r = service.get(reviewId);
    String subject = r.reviewNo();
    int version = archive.nextVersion(STATISTICS, subject);
    byte[] docx = renderStatistics(r, version);
    String title = "资源使用统计报告 " + r.periodFrom() + " 至 " + r.periodTo();
    return archive.archive(STATISTICS, subject, title, processInstanceId, null, title.replace(' ', '-') + ".docx",
        ReportArchive.DOCX, docx, by);
  }

  byte[] renderStatistics(Review r, int version) {
    return templates.render("optimization-statistics-report.docx", statisticsData(r, version), "summary", "byType",
        "byUnit", "bySystem", "trend", "executed");
  }

  /** The values of the statistics report's tags (the document test compares the document with them). */
  Map<String, Object> statisticsData(Review r, int version) {
    List<Usage> usage = service.usage(r.id());
    Map<String, String> units = names("SELECT code, name FROM rv_org_unit");
    Map<String, String> systems = names("SELECT code, name FROM rv_business_system");
    Map<String, Object> data = header(r, "政务云资源使用统计报告", version);
    Agg all = new Agg();
    usage.forEach(all::add);
    long monitored = usage.stream().filter(u -> u.monitoredDays() > 0).count();
    data.put("summary", List.of(
        pair("资源总数", String.valueOf(all.resources)),
        pair("有监控数据的资源", monitored + "（" + pct(all.resources == 0 ? null : 100.0 * monitored / all.resources) + "）"),
        pair("vCPU 总量 / 折算已用 / 利用率", all.vcpu + " / " + num(all.usedVcpu) + " / " + pct(all.cpu())),
        pair("内存 GB 总量 / 折算已用 / 利用率", all.memory + " / " + num(all.usedMemory) + " / " + pct(all.mem())),
        pair("存储 TB 总量 / 折算已用 / 利用率", num(all.disk) + " / " + num(all.usedDisk) + " / " + pct(all.sto())),
        pair("本期费用（元）", all.cost.setScale(2, RoundingMode.HALF_UP).toPlainString()),
        pair("口径", "利用率为统计周期内监控日汇总的平均值，按分配量加权（已用 = 分配量 × 平均利用率）")));

    List<String> buckets = List.of("< 8%", "8–30%", "30–60%", "60–90%", "> 90%", "无监控数据");
    long[][] dist = new long[3][buckets.size()];
    for (Usage u : usage) {
      dist[0][bucket(u.cpuAvg())]++;
      dist[1][bucket(u.memoryAvg())]++;
      dist[2][bucket(u.storageAvg())]++;
    }
    Map<String, List<? extends Number>> distSeries = new LinkedHashMap<>();
    for (int s = 0; s < 3; s++) {
      distSeries.put(UTILISATION_SERIES.get(s), java.util.Arrays.stream(dist[s]).boxed().toList());
    }
    data.put("distributionChart", ChartData.bars("资源平均利用率分布（共 " + all.resources + " 项资源）", buckets,
        distSeries));
    data.put("distributionNote", "注：每项资源按统计周期内监控日汇总的平均利用率归入一个区间；“无监控数据”为周期内没有该指标采样的资源"
        + "（如未配置存储的云主机的存储利用率）。8%、90% 为 DB4401/T 294.3 附录 B 的 CPU 阈值。");
    Map<String, Agg> byType = group(usage, Usage::type);
    List<Map<String, String>> typeRows = new ArrayList<>();
    List<String> typeLabels = new ArrayList<>();
    List<List<Number>> typeSeries = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    byType.forEach((type, a) -> {
      String label = ResourceType.valueOf(type).label();
      typeLabels.add(label);
      typeRows.add(row("type", label, "resources", String.valueOf(a.resources), "vcpu", a.vcpu + " / " + num(a.usedVcpu),
          "memory", a.memory + " / " + num(a.usedMemory), "storage", num(a.disk) + " / " + num(a.usedDisk),
          "cpu", pct(a.cpu()), "mem", pct(a.mem()), "sto", pct(a.sto())));
      typeSeries.get(0).add(a.cpu() == null ? 0 : round(a.cpu()));
      typeSeries.get(1).add(a.mem() == null ? 0 : round(a.mem()));
      typeSeries.get(2).add(a.sto() == null ? 0 : round(a.sto()));
    });
    if (typeRows.isEmpty()) {
      typeRows.add(row("type", "本期无资源", "resources", "0", "vcpu", "—", "memory", "—", "storage", "—", "cpu", "—",
          "mem", "—", "sto", "—"));
    }
    data.put("byType", typeRows);
    Map<String, List<? extends Number>> typeChart = new LinkedHashMap<>();
    for (int s = 0; s < 3; s++) {
      typeChart.put(UTILISATION_SERIES.get(s), typeSeries.get(s));
    }
    data.put("typeChart", ChartData.bars("各类资源平均利用率（%，按分配量加权）", typeLabels, typeChart));

    Map<String, Agg> byUnit = group(usage, Usage::unitCode);
    List<Map<String, String>> unitRows = byUnit.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Agg> e) -> e.getValue().cost).reversed()).limit(TABLE_ROWS)
        .map(e -> row("unit", units.getOrDefault(e.getKey(), e.getKey()), "resources",
            String.valueOf(e.getValue().resources), "vcpu", String.valueOf(e.getValue().vcpu), "memory",
            String.valueOf(e.getValue().memory), "storage", num(e.getValue().disk), "cpu", pct(e.getValue().cpu()),
            "mem", pct(e.getValue().mem()), "sto", pct(e.getValue().sto())))
        .collect(Collectors.toList());
    data.put("byUnit", unitRows.isEmpty() ? List.of(row("unit", "本期无资源", "resources", "0", "vcpu", "—",
        "memory", "—", "storage", "—", "cpu", "—", "mem", "—", "sto", "—")) : unitRows);
    data.put("unitNote", byUnit.size() > TABLE_ROWS ? "按费用列出前 " + TABLE_ROWS + " 个单位，共 " + byUnit.size()
        + " 个单位；完整数据见结算单（.xlsx）。" : "共 " + byUnit.size() + " 个使用单位。");

    Map<String, Agg> bySystem = group(usage, u -> u.businessSystemCode() == null ? "" : u.businessSystemCode());
    Map<String, String> systemUnit = usage.stream().filter(u -> u.businessSystemCode() != null)
        .collect(Collectors.toMap(Usage::businessSystemCode, Usage::unitCode, (a, b) -> a));
    List<Map<String, String>> systemRows = bySystem.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Agg> e) -> e.getValue().cost).reversed()).limit(TABLE_ROWS)
        .map(e -> row("system", e.getKey().isEmpty() ? "（未登记业务系统）" : systems.getOrDefault(e.getKey(), e.getKey()),
            "unit", units.getOrDefault(systemUnit.get(e.getKey()), systemUnit.getOrDefault(e.getKey(), "—")),
            "resources", String.valueOf(e.getValue().resources), "cpu", pct(e.getValue().cpu()), "mem",
            pct(e.getValue().mem()), "sto", pct(e.getValue().sto())))
        .collect(Collectors.toList());
    data.put("bySystem", systemRows.isEmpty() ? List.of(row("system", "本期无资源", "unit", "—", "resources", "0",
        "cpu", "—", "mem", "—", "sto", "—")) : systemRows);
    data.put("systemNote", bySystem.size() > TABLE_ROWS ? "按费用列出前 " + TABLE_ROWS + " 个业务系统，共 "
        + bySystem.size() + " 个。" : "共 " + bySystem.size() + " 个业务系统。");

    List<Map<String, String>> trend = new ArrayList<>();
    for (Review p : previous(r, 3)) {
      Agg a = new Agg();
      service.usage(p.id()).forEach(a::add);
      trend.add(0, row("period", p.periodFrom() + " 至 " + p.periodTo(), "resources", String.valueOf(a.resources),
          "cpu", pct(a.cpu()), "mem", pct(a.mem()), "sto", pct(a.sto()), "cost",
          a.cost.setScale(2, RoundingMode.HALF_UP).toPlainString()));
    }
    trend.add(row("period", r.periodFrom() + " 至 " + r.periodTo() + "（本期）", "resources",
        String.valueOf(all.resources), "cpu", pct(all.cpu()), "mem", pct(all.mem()), "sto", pct(all.sto()), "cost",
        all.cost.setScale(2, RoundingMode.HALF_UP).toPlainString()));
    data.put("trend", trend);

    List<Map<String, String>> executed = new ArrayList<>();
    if (r.previousReviewId() == null) {
      data.put("followUp", "此前没有资源优化评审。");
    } else {
      FollowUp f = service.followUp(r.previousReviewId());
      data.put("followUp", followUpText(f));
      for (Candidate c : f.executedItems()) {
        executed.add(row("resource", c.resourceId(), "unit", units.getOrDefault(c.unitCode(), c.unitCode()),
            "action", Candidate.actionLabel(c.action()), "spec", spec(c), "at",
            TemplateReport.time(c.executedAt()), "saving", String.valueOf(c.realisedSaving())));
      }
    }
    if (executed.isEmpty()) {
      executed.add(row("resource", "无", "unit", "—", "action", "—", "spec", "—", "at", "—", "saving", "0"));
    }
    data.put("executed", executed);
    return data;
  }

  static String followUpText(FollowUp f) {
    return "上期评审 " + f.reviewNo() + "（" + f.periodFrom() + " 至 " + f.periodTo() + "）：提出优化建议 " + f.candidates()
        + " 项，管理方接受 " + f.accepted() + " 项、拒绝 " + f.rejected() + " 项；已执行 " + f.executed() + " 项，因单位异议撤回 "
        + f.withdrawn() + " 项。接受建议预计每月节约 " + f.estimatedSaving() + " 元，已执行部分实际每月节约 "
        + f.realisedSaving() + " 元（按执行后规格与现行价目计算）。";
  }

  static String spec(Candidate c) {
    if ("REVOKE".equals(c.action())) {
      return "已释放";
    }
    return "vCPU " + (c.executedVcpu() == null ? "—" : c.executedVcpu()) + "，内存 "
        + (c.executedMemoryGb() == null ? "—" : c.executedMemoryGb()) + " GB，存储 "
        + (c.executedDiskTb() == null ? "—" : c.executedDiskTb().stripTrailingZeros().toPlainString()) + " TB";
  }

  private List<Review> previous(Review r, int n) {
    return jdbc.sql("SELECT " + OptimizationService.REVIEW_COLUMNS + " FROM optimization_review WHERE period_to < ? "
            + "AND resources IS NOT NULL ORDER BY period_to DESC, id DESC FETCH FIRST " + n + " ROWS ONLY")
        .param(java.sql.Date.valueOf(r.periodFrom())).query(OptimizationService::mapReview).list();
  }

  private static int bucket(BigDecimal v) {
    if (v == null) {
      return 5;
    }
    double d = v.doubleValue();
    return d < 8 ? 0 : d < 30 ? 1 : d < 60 ? 2 : d <= 90 ? 3 : 4;
  }

  private static double round(double v) {
    return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  static Map<String, String> row(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  // ---- efficiency

  public ReportDocument efficiency(long reviewId, String processInstanceId, String by) {
    Review r = service.get(reviewId);
    String subject = r.reviewNo();
    int version = archive.nextVersion(EFFICIENCY, subject);
    byte[] docx = renderEfficiency(r, version);
    String title = "资源使用效能分析报告 " + r.periodFrom() + " 至 " + r.periodTo();
    return archive.archive(EFFICIENCY, subject, title, processInstanceId, null, title.replace(' ', '-') + ".docx",
        ReportArchive.DOCX, docx, by);
  }

  byte[] renderEfficiency(Review r, int version) {
    return templates.render("optimization-efficiency-report.docx", efficiencyData(r, version), "summary",
        "costByUnit", "lowEfficiency", "similar", "topIdle", "actions");
  }

  /** The values of the efficiency report's tags (the document test compares the document with them). */
  Map<String, Object> efficiencyData(Review r, int version) {
    List<Usage> usage = service.usage(r.id());
    Map<String, String> units = names("SELECT code, name FROM rv_org_unit");
    Map<String, String> systems = names("SELECT code, name FROM rv_business_system");
    Map<String, String> importance = names("SELECT code, importance FROM rv_business_system");
    Map<String, Object> data = header(r, "政务云资源使用效能分析报告", version);
    Agg all = new Agg();
    usage.forEach(all::add);
    List<Candidate> candidates = service.candidates(r.id(), null, null, null, null, Integer.MAX_VALUE);
    BigDecimal saving = candidates.stream().filter(c -> !"SCALE_UP".equals(c.action()))
        .map(Candidate::estimatedSaving).reduce(BigDecimal.ZERO, BigDecimal::add);
    data.put("summary", List.of(
        pair("本期费用（元）", all.cost.setScale(2, RoundingMode.HALF_UP).toPlainString()),
        pair("缩容与回收候选资源", all.idle + " 项，本期费用 " + all.idleCost.setScale(2, RoundingMode.HALF_UP) + " 元"),
        pair("优化建议", candidates.size() + " 项（含扩容与监控插件异常）"),
        pair("缩容与回收预计每月节约（元）", saving.setScale(2, RoundingMode.HALF_UP).toPlainString()),
        pair("判定范围", "本期台账中的 " + usage.size() + " 项资源，逐项按 DB4401/T 294.3 附录 C 的规则判定")));

    Map<String, Agg> byUnit = group(usage, Usage::unitCode);
    List<Map.Entry<String, Agg>> sortedUnits = byUnit.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Agg> e) -> e.getValue().cost).reversed()).toList();
    List<Map<String, String>> unitRows = new ArrayList<>();
    for (var e : sortedUnits.subList(0, Math.min(TABLE_ROWS, sortedUnits.size()))) {
      Agg a = e.getValue();
      unitRows.add(row("unit", units.getOrDefault(e.getKey(), e.getKey()), "resources", String.valueOf(a.resources),
          "cost", a.cost.setScale(2, RoundingMode.HALF_UP).toPlainString(), "cpu", pct(a.cpu()), "idle",
          String.valueOf(a.idle), "idleCost", a.idleCost.setScale(2, RoundingMode.HALF_UP).toPlainString()));
    }
    data.put("costByUnit", unitRows.isEmpty() ? List.of(row("unit", "本期无资源", "resources", "0", "cost", "0",
        "cpu", "—", "idle", "0", "idleCost", "0")) : unitRows);
    data.put("unitNote", byUnit.size() > TABLE_ROWS ? "按费用列出前 " + TABLE_ROWS + " 个单位，共 " + byUnit.size()
        + " 个。" : "共 " + byUnit.size() + " 个使用单位。");
    List<Map.Entry<String, Agg>> top = sortedUnits.subList(0, Math.min(10, sortedUnits.size()));
    Map<String, List<? extends Number>> costSeries = new LinkedHashMap<>();
    costSeries.put("本期费用", top.stream().map(e -> e.getValue().cost.setScale(2, RoundingMode.HALF_UP)).toList());
    costSeries.put("其中闲置资源费用", top.stream().map(e -> e.getValue().idleCost.setScale(2, RoundingMode.HALF_UP))
        .toList());
    data.put("costChart", ChartData.bars("费用最高的" + (top.size() < 10 ? "" : " 10 个") + "使用单位（元）",
        top.stream().map(e -> units.getOrDefault(e.getKey(), e.getKey())).toList(), costSeries));

    Map<String, Agg> bySystem = group(usage.stream().filter(u -> u.businessSystemCode() != null).toList(),
        Usage::businessSystemCode);
    Map<String, String> systemUnit = usage.stream().filter(u -> u.businessSystemCode() != null)
        .collect(Collectors.toMap(Usage::businessSystemCode, Usage::unitCode, (a, b) -> a));
    BigDecimal averageCost = bySystem.isEmpty() ? BigDecimal.ZERO : bySystem.values().stream().map(a -> a.cost)
        .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(bySystem.size()), 2, RoundingMode.HALF_UP);
    List<Map<String, String>> low = bySystem.entrySet().stream()
        .filter(e -> e.getValue().cost.compareTo(averageCost) > 0 && e.getValue().cpu() != null
            && e.getValue().cpu() < 20)
        .sorted(Comparator.comparing((Map.Entry<String, Agg> e) -> e.getValue().cost).reversed()).limit(TABLE_ROWS)
        .map(e -> row("system", systems.getOrDefault(e.getKey(), e.getKey()), "unit",
            units.getOrDefault(systemUnit.get(e.getKey()), systemUnit.get(e.getKey())), "cost",
            e.getValue().cost.setScale(2, RoundingMode.HALF_UP).toPlainString(), "cpu", pct(e.getValue().cpu()),
            "mem", pct(e.getValue().mem()), "note", "费用高于各系统平均（" + averageCost + " 元），CPU 利用率低于 20%"))
        .collect(Collectors.toList());
    data.put("lowEfficiency", low.isEmpty() ? List.of(row("system", "无", "unit", "—", "cost", "—", "cpu", "—",
        "mem", "—", "note", "没有费用高于平均且 CPU 利用率低于 20% 的业务系统")) : low);

    Map<String, List<Map.Entry<String, Agg>>> groups = new TreeMap<>();
    for (var e : bySystem.entrySet()) {
      groups.computeIfAbsent(importance.getOrDefault(e.getKey(), "GENERAL"), k -> new ArrayList<>()).add(e);
    }
    List<Map<String, String>> similar = new ArrayList<>();
    groups.forEach((g, list) -> {
      double cpu = list.stream().map(e -> e.getValue().cpu()).filter(java.util.Objects::nonNull)
          .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      double mem = list.stream().map(e -> e.getValue().mem()).filter(java.util.Objects::nonNull)
          .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      List<String> below = list.stream().filter(e -> e.getValue().cpu() != null && !Double.isNaN(cpu)
              && e.getValue().cpu() < cpu / 2)
          .sorted(Comparator.comparing(e -> e.getValue().cpu()))
          .map(e -> systems.getOrDefault(e.getKey(), e.getKey()) + "（" + pct(e.getValue().cpu()) + "）").toList();
      similar.add(row("group", switch (g) {
            case "CORE" -> "核心系统";
            case "IMPORTANT" -> "重要系统";
            default -> "一般系统";
          }, "systems", String.valueOf(list.size()), "cpu", Double.isNaN(cpu) ? "—" : pct(cpu), "mem",
          Double.isNaN(mem) ? "—" : pct(mem), "low", below.isEmpty() ? "无" : String.join("、",
              below.subList(0, Math.min(20, below.size()))) + (below.size() > 20 ? " 等 " + below.size() + " 个" : "")));
    });
    data.put("similar", similar.isEmpty() ? List.of(row("group", "无业务系统", "systems", "0", "cpu", "—", "mem", "—",
        "low", "—")) : similar);

    List<Candidate> idle = candidates.stream().filter(c -> "SCALE_DOWN".equals(c.action())
        || "REVOKE".equals(c.action())).sorted(Comparator.comparing(Candidate::monthlyCost).reversed()).limit(10)
        .toList();
    data.put("idleChart", ChartData.bars("月费用最高的闲置资源（元/月）",
        idle.stream().map(c -> c.resourceId() + "（" + units.getOrDefault(c.unitCode(), c.unitCode()) + "）").toList(),
        "月费用", idle.stream().map(Candidate::monthlyCost).toList()));
    List<Map<String, String>> topIdle = idle.stream().map(c -> row("resource", c.resourceId(), "unit",
        units.getOrDefault(c.unitCode(), c.unitCode()), "type", ResourceType.valueOf(c.type()).label(), "rule",
        c.ruleLabel(), "evidence", c.evidence(), "cost", c.monthlyCost().toPlainString())).collect(Collectors.toList());
    data.put("topIdle", topIdle.isEmpty() ? List.of(row("resource", "无", "unit", "—", "type", "—", "rule", "—",
        "evidence", "—", "cost", "0")) : topIdle);

    Map<String, List<Candidate>> byAction = candidates.stream().collect(Collectors.groupingBy(Candidate::action,
        TreeMap::new, Collectors.toList()));
    List<Map<String, String>> actions = new ArrayList<>();
    byAction.forEach((a, list) -> actions.add(row("action", Candidate.actionLabel(a), "count",
        String.valueOf(list.size()), "units", String.valueOf(list.stream().map(Candidate::unitCode).distinct().count()),
        "saving", list.stream().map(Candidate::estimatedSaving).reduce(BigDecimal.ZERO, BigDecimal::add)
            .setScale(2, RoundingMode.HALF_UP).toPlainString())));
    data.put("actions", actions.isEmpty() ? List.of(row("action", "无优化建议", "count", "0", "units", "0", "saving",
        "0")) : actions);
    data.put("candidatesNote", "注：每项建议的证据（统计周期内的利用率、连续关机天数、费用）列在管理方的审核任务“审核资源优化建议”"
        + "中，经管理方审核、使用单位确认后执行。扩容的“节约”为负数，表示需增加的费用。费用按现行价目表计算（元，保留两位小数）。");
    return data;
  }
}
