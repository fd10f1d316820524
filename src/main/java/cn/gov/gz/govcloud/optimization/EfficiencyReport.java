package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.optimization.ReportFigures.*;

import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.optimization.OptimizationService.Usage;
import cn.gov.gz.govcloud.optimization.ReportFigures.Agg;
import cn.gov.gz.govcloud.report.ChartData;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The efficiency report of a review (P6 7.5.3), rendered from the Word template
 * {@code report-templates/optimization-efficiency-report.docx} with native charts (cost by unit, top idle resources)
 * and archived.
 */
@Service
class EfficiencyReport {

  static final String EFFICIENCY = "OPTIMIZATION_EFFICIENCY";

  private final OptimizationService service;
  private final OptimizationRepository repository;
  private final ReportArchive archive;
  private final TemplateReport templates;

  EfficiencyReport(OptimizationService service, OptimizationRepository repository, ReportArchive archive,
      TemplateReport templates) {
    this.service = service;
    this.repository = repository;
    this.archive = archive;
    this.templates = templates;
  }

  public ReportDocument efficiency(long reviewId, String processInstanceId, String by) {
    Review r = service.get(reviewId);
    String title = "资源使用效能分析报告 " + r.periodFrom() + " 至 " + r.periodTo();
    return ReportFigures.archive(archive, EFFICIENCY, r, title, processInstanceId, by,
        version -> renderEfficiency(r, version));
  }

  byte[] renderEfficiency(Review r, int version) {
    return templates.render("optimization-efficiency-report.docx", efficiencyData(r, version), "summary",
        "costByUnit", "lowEfficiency", "similar", "topIdle", "actions");
  }

  /** The values of the efficiency report's tags (the document test compares the document with them). */
  Map<String, Object> efficiencyData(Review r, int version) {
    List<Usage> usage = service.usage(r.id());
    Map<String, String> units = repository.unitNames();
    Map<String, String> systems = repository.systemNames();
    Map<String, String> importance = repository.systemImportance();
    Map<String, Object> data = header(r, "政务云资源使用效能分析报告", version);
    Agg all = new Agg();
    usage.forEach(all::add);
    List<Candidate> candidates = service.candidates(r.id(), null, null, null, null, Integer.MAX_VALUE);
    BigDecimal saving = saving(candidates.stream().filter(c -> !"SCALE_UP".equals(c.action())).toList());
    data.put("summary", List.of(
        pair("本期费用（元）", all.cost.setScale(2, RoundingMode.HALF_UP).toPlainString()),
        pair("缩容与回收候选资源", all.idle + " 项，本期费用 " + all.idleCost.setScale(2, RoundingMode.HALF_UP) + " 元"),
        pair("优化建议", candidates.size() + " 项，涉及 " + candidates.stream().map(Candidate::resourceId).distinct()
            .count() + " 项资源（含扩容与监控插件异常；一项资源命中附录 C 多行时每行一项建议）"),
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

    // one row per resource: a resource with two scale-down recommendations (vCPU and memory, storage) is listed once
    List<List<Candidate>> idle = candidates.stream().filter(c -> "SCALE_DOWN".equals(c.action())
        || "REVOKE".equals(c.action())).collect(Collectors.groupingBy(Candidate::resourceId, LinkedHashMap::new,
            Collectors.toList())).values().stream()
        .sorted(Comparator.comparing((List<Candidate> l) -> l.get(0).monthlyCost()).reversed()
            .thenComparing(l -> l.get(0).resourceId())).limit(10).toList();
    data.put("idleChart", ChartData.bars("月费用最高的闲置资源（元/月）", idle.stream().map(l -> l.get(0).resourceId() + "（"
        + units.getOrDefault(l.get(0).unitCode(), l.get(0).unitCode()) + "）").toList(), "月费用",
        idle.stream().map(l -> l.get(0).monthlyCost()).toList()));
    List<Map<String, String>> topIdle = idle.stream().map(l -> row("resource", l.get(0).resourceId(), "unit",
        units.getOrDefault(l.get(0).unitCode(), l.get(0).unitCode()), "type",
        ResourceType.valueOf(l.get(0).type()).label(), "rule", l.stream().map(Candidate::ruleLabel)
            .collect(Collectors.joining("；")), "evidence", l.get(0).evidence(), "cost",
        l.get(0).monthlyCost().toPlainString())).collect(Collectors.toList());
    data.put("topIdle", topIdle.isEmpty() ? List.of(row("resource", "无", "unit", "—", "type", "—", "rule", "—",
        "evidence", "—", "cost", "0")) : topIdle);

    Map<String, List<Candidate>> byAction = candidates.stream().collect(Collectors.groupingBy(Candidate::action,
        TreeMap::new, Collectors.toList()));
    List<Map<String, String>> actions = new ArrayList<>();
    // the column is the number of resources: a resource with two scale-downs (vCPU and memory, storage) counts once
    byAction.forEach((a, list) -> actions.add(row("action", Candidate.actionLabel(a), "count",
        String.valueOf(list.stream().map(Candidate::resourceId).distinct().count()), "units", String.valueOf(list.stream().map(Candidate::unitCode).distinct().count()),
        "saving", list.stream().map(Candidate::estimatedSaving).reduce(BigDecimal.ZERO, BigDecimal::add)
            .setScale(2, RoundingMode.HALF_UP).toPlainString())));
    data.put("actions", actions.isEmpty() ? List.of(row("action", "无优化建议", "count", "0", "units", "0", "saving",
        "0")) : actions);
    data.put("candidatesNote", "注：每项建议的证据（统计周期内的利用率、连续关机天数、费用）列在管理方的审核任务“审核资源优化建议”"
        + "中，经管理方审核、使用单位确认后执行。一项资源命中附录 C 多行时每行一项建议，各自审核和执行（如云主机的 vCPU 与内存缩容和存储缩容），"
        + "节约按各自调整的部分计算后相加；撤销回收节约该资源的全部月费用，合计时不再计入同一资源的其它建议。扩容的“节约”为负数，表示需增加的费用。费用按现行价目表计算（元，保留两位小数）。");
    return data;
  }
}
