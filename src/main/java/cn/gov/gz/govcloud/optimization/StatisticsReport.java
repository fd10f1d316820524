package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.optimization.ReportFigures.*;

import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.optimization.OptimizationService.FollowUp;
import cn.gov.gz.govcloud.optimization.OptimizationService.Usage;
import cn.gov.gz.govcloud.optimization.ReportFigures.Agg;
import cn.gov.gz.govcloud.report.ChartData;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The statistics report of a review (P6 7.5.2), rendered from the Word template
 * {@code report-templates/optimization-statistics-report.docx} with native charts (utilisation distribution,
 * utilisation by type) and archived.
 */
@Service
class StatisticsReport {

  static final String STATISTICS = "OPTIMIZATION_STATISTICS";
  static final List<String> UTILISATION_SERIES = List.of("CPU", "内存", "存储");

  private final OptimizationService service;
  private final OptimizationRepository repository;
  private final ReportArchive archive;
  private final TemplateReport templates;
  private final ResearchRecommendations research;

  StatisticsReport(OptimizationService service, OptimizationRepository repository, ReportArchive archive,
      TemplateReport templates, ResearchRecommendations research) {
    this.service = service;
    this.repository = repository;
    this.archive = archive;
    this.templates = templates;
    this.research = research;
  }

  public ReportDocument statistics(long reviewId, String processInstanceId, String by) {
    Review r = service.get(reviewId);
    String title = "资源使用统计报告 " + r.periodFrom() + " 至 " + r.periodTo();
    return ReportFigures.archive(archive, STATISTICS, r, title, processInstanceId, by,
        version -> renderStatistics(r, version));
  }

  byte[] renderStatistics(Review r, int version) {
    return templates.render("optimization-statistics-report.docx", statisticsData(r, version), "summary", "byType",
        "byUnit", "bySystem", "trend", "executed");
  }

  /** The values of the statistics report's tags (the document test compares the document with them). */
  Map<String, Object> statisticsData(Review r, int version) {
    List<Usage> usage = service.usage(r.id());
    Map<String, String> units = repository.unitNames();
    Map<String, String> systems = repository.systemNames();
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
    for (Review p : repository.previous(r.periodFrom(), 3)) {
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
            "action", c.actionText(), "spec", spec(c), "at",
            TemplateReport.time(c.executedAt()), "saving", String.valueOf(c.realisedSaving())));
      }
    }
    String fromResearch = ResearchRecommendations.text(research.forReview(r));
    if (fromResearch != null) {
      data.put("followUp", data.get("followUp") + "\n" + fromResearch);
    }
    if (executed.isEmpty()) {
      executed.add(row("resource", "无", "unit", "—", "action", "—", "spec", "—", "at", "—", "saving", "0"));
    }
    data.put("executed", executed);
    return data;
  }
}
