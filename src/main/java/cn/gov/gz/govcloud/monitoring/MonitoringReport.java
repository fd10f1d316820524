package cn.gov.gz.govcloud.monitoring;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.report.ChartData;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import cn.gov.gz.govcloud.web.ValidationException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The monitoring report of a period (P6 7.2.3.3.5; a process record of P3 Appendix D): overview, alerts by problem
 * with the cases they started, utilisation per resource type (average, peak and trough of CPU, memory and storage,
 * from the daily roll-ups and the raw samples) with a chart, the list of alerts, and the analysis: what the figures
 * show against the Appendix B thresholds, followed by the commentary the manager who generates the report writes.
 * Rendered from the Word template {@code report-templates/monitoring-report.docx} and archived with a version.
 */
@Implements(value = "P6 7.2.3.3.5", what = "监控报告：告警统计、各类资源利用率、分析与改进措施，归档并提交")
@Implements(value = "P3 5.1.3.6", what = "政务云资源运行状态报表")
@Implements(value = "P3 附录 D.1 第 12 项", what = "监控报告及记录")
@Service
public class MonitoringReport {

  static final String KIND = "MONITORING";
  static final String TEMPLATE = "monitoring-report.docx";
  static final int ALERT_ROWS = 500;
  static final int MAX_ANALYSIS = 4000;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd")
      .withZone(MonitoringStats.CHINA);

  private final JdbcClient jdbc;
  private final ReportArchive archive;
  private final TemplateReport templates;
  private final OrganizationService organization;
  private final People people;
  private final Clock clock;

  MonitoringReport(JdbcClient jdbc, ReportArchive archive, TemplateReport templates, OrganizationService organization,
      People people, Clock clock) {
    this.jdbc = jdbc;
    this.archive = archive;
    this.templates = templates;
    this.organization = organization;
    this.people = people;
    this.clock = clock;
  }

  static void requireStaff(Caller caller) {
    if (!caller.isAdmin() && !caller.inAny(Groups.OPS_MANAGER, Groups.OPS_ENGINEER, Groups.OPS_OPERATOR,
        Groups.MANAGEMENT, Groups.SUPERVISOR)) {
      throw new AccessDeniedException("只有服务方、管理方或监理方人员可以生成监控报告");
    }
  }

  /**
   * Renders and archives the report of [from, to); returns the archived document.
   *
   * @param commentary the analysis and suggestions of the person generating the report (may be empty)
   */
  public ReportDocument generate(Instant from, Instant to, String commentary, Caller caller) {
    requireStaff(caller);
    if (commentary != null && commentary.length() > MAX_ANALYSIS) {
      throw ValidationException.of("analysis", "分析意见最长 " + MAX_ANALYSIS + " 字");
    }
    String subject = "MON-" + DAY.format(from) + "_" + DAY.format(to.minusSeconds(1));
    int version = archive.nextVersion(KIND, subject);
    String by = commentary == null || commentary.isBlank() ? null
        : commentary.strip() + "（" + people.name(caller.userId()) + "，" + TemplateReport.time(clock.instant()) + "）";
    byte[] docx = render(from, to, by, version);
    String title = "监控报告 " + DAY.format(from) + " 至 " + DAY.format(to.minusSeconds(1));
    return archive.archive(KIND, subject, title, null, null, title.replace(' ', '-') + ".docx", ReportArchive.DOCX,
        docx, caller.userId());
  }

  byte[] render(Instant from, Instant to, String commentary, int version) {
    return templates.render(TEMPLATE, data(from, to, commentary, version), "summary", "problems", "utilisation",
        "alerts");
  }

  /** The values of the template's tags (the document test compares the document with them). */
  Map<String, Object> data(Instant from, Instant to, String commentary, int version) {
    Timestamp f = Timestamp.from(from);
    Timestamp t = Timestamp.from(to);
    LocalDate firstDay = LocalDate.ofInstant(from, MonitoringStats.CHINA);
    if (firstDay.atStartOfDay(MonitoringStats.CHINA).toInstant().isBefore(from)) {
      firstDay = firstDay.plusDays(1);
    }
    LocalDate lastDay = LocalDate.ofInstant(to, MonitoringStats.CHINA).minusDays(1);
    Date d1 = Date.valueOf(firstDay);
    Date d2 = Date.valueOf(lastDay);

    // utilisation per resource type: raw samples of the period plus whole rolled-up days
    Map<String, MonitoringStats.Totals> byType = new TreeMap<>();
    jdbc.sql("SELECT l.type, COUNT(*), SUM(CASE WHEN m.power_on THEN 0 ELSE 1 END), SUM(m.cpu_pct), COUNT(m.cpu_pct), "
            + "MAX(m.cpu_pct), MIN(m.cpu_pct), SUM(m.memory_pct), COUNT(m.memory_pct), MAX(m.memory_pct), "
            + "MIN(m.memory_pct), SUM(m.storage_pct), COUNT(m.storage_pct), MAX(m.storage_pct), MIN(m.storage_pct), "
            + "SUM(m.sync_lag_s), COUNT(m.sync_lag_s), MAX(m.sync_lag_s), MIN(m.sync_lag_s) "
            + "FROM monitoring_sample m JOIN rv_ledger_resource l ON l.resource_id = m.resource_id "
            + "WHERE m.sampled_at >= ? AND m.sampled_at < ? GROUP BY l.type")
        .params(f, t).query(rs -> {
          byType.computeIfAbsent(rs.getString(1), k -> new MonitoringStats.Totals()).add(rs, 2);
        });
    jdbc.sql("SELECT l.type, SUM(d.sample_count), SUM(d.power_off_count), SUM(d.cpu_sum), SUM(d.cpu_count), "
            + "MAX(d.cpu_max), MIN(d.cpu_min), SUM(d.memory_sum), SUM(d.memory_count), MAX(d.memory_max), "
            + "MIN(d.memory_min), SUM(d.storage_sum), SUM(d.storage_count), MAX(d.storage_max), MIN(d.storage_min), "
            + "SUM(d.sync_lag_sum), SUM(d.sync_count), MAX(d.sync_lag_max), MIN(d.sync_lag_min) "
            + "FROM monitoring_daily d JOIN rv_ledger_resource l ON l.resource_id = d.resource_id "
            + "WHERE d.sample_day >= ? AND d.sample_day <= ? GROUP BY l.type")
        .params(d1, d2).query(rs -> {
          byType.computeIfAbsent(rs.getString(1), k -> new MonitoringStats.Totals()).add(rs, 2);
        });
    Map<String, Long> resourcesByType = new HashMap<>();
    jdbc.sql("SELECT l.type, COUNT(*) FROM rv_ledger_resource l WHERE l.resource_id IN ("
            + "SELECT resource_id FROM monitoring_sample WHERE sampled_at >= ? AND sampled_at < ? "
            + "UNION SELECT resource_id FROM monitoring_daily WHERE sample_day >= ? AND sample_day <= ?) "
            + "GROUP BY l.type")
        .params(f, t, d1, d2).query(rs -> {
          resourcesByType.put(rs.getString(1), rs.getLong(2));
        });

    // alerts first seen in the period
    List<Alert> alerts = jdbc.sql("SELECT " + AlertService.COLUMNS + " FROM monitoring_alert WHERE first_seen_at >= ? "
            + "AND first_seen_at < ? ORDER BY first_seen_at, id").params(f, t).query(AlertService::map).list();
    long stillOpen = jdbc.sql("SELECT COUNT(*) FROM monitoring_alert WHERE status = 'OPEN' AND first_seen_at < ?")
        .param(t).query(Long.class).single();

    Map<String, long[]> byProblem = new TreeMap<>();
    long severe = 0;
    long workOrders = 0;
    long emergencies = 0;
    for (Alert a : alerts) {
      long[] c = byProblem.computeIfAbsent(a.problem(), k -> new long[4]);
      c[0]++;
      if ("SEVERE".equals(a.severity())) {
        c[1]++;
        severe++;
      }
      if (a.caseInstanceId() != null) {
        c[2]++;
        if (MonitoringCases.EMERGENCY.equals(a.caseProcessKey())) {
          emergencies++;
        } else {
          workOrders++;
        }
      }
      if (a.open()) {
        c[3]++;
      }
    }
    long samples = byType.values().stream().mapToLong(x -> x.samples).sum();
    long resources = resourcesByType.values().stream().mapToLong(Long::longValue).sum();

    Map<String, Object> data = new HashMap<>();
    data.put("title", "政务云资源监控报告");
    data.put("period", DAY.format(from) + " 至 " + DAY.format(to.minusSeconds(1)));
    data.put("version", String.valueOf(version));
    data.put("status", commentary == null ? "数据统计（未附运维经理分析意见）" : "含运维经理分析意见");
    data.put("summary", List.of(
        pair("监控资源数", String.valueOf(resources)),
        pair("采样记录数", String.valueOf(samples)),
        pair("本期新增告警", String.valueOf(alerts.size())),
        pair("其中严重告警", String.valueOf(severe)),
        pair("转工单 / 转应急事件", workOrders + " / " + emergencies),
        pair("截至期末仍未恢复的告警", String.valueOf(stillOpen)),
        pair("阈值依据", "DB4401/T 294.3 附录 B：CPU 8%–90%，内存 10%–90%，存储按容量 20%/30%/40%–90%，"
            + "名称与政务外网 IP 15 分钟内同步")));
    List<Map<String, String>> problems = new ArrayList<>();
    byProblem.forEach((p, c) -> problems.add(Map.of("problem", Alert.label(p), "count", String.valueOf(c[0]),
        "severe", String.valueOf(c[1]), "cases", String.valueOf(c[2]), "open", String.valueOf(c[3]))));
    if (problems.isEmpty()) {
      problems.add(Map.of("problem", "本期无告警", "count", "0", "severe", "0", "cases", "0", "open", "0"));
    }
    data.put("problems", problems);

    List<Map<String, String>> utilisation = new ArrayList<>();
    List<String> typeLabels = new ArrayList<>();
    Map<Metric, List<Number>> averages = new EnumMap<>(Metric.class);
    for (var e : byType.entrySet()) {
      MonitoringStats.Totals x = e.getValue();
      String label = typeLabel(e.getKey());
      typeLabels.add(label);
      Map<String, String> row = new LinkedHashMap<>();
      row.put("type", label);
      row.put("resources", String.valueOf(resourcesByType.getOrDefault(e.getKey(), 0L)));
      row.put("cpu", triple(x.metrics.get(Metric.CPU)));
      row.put("memory", triple(x.metrics.get(Metric.MEMORY)));
      row.put("storage", triple(x.metrics.get(Metric.STORAGE)));
      row.put("poweredOff", x.samples == 0 ? "—" : pct(BigDecimal.valueOf(100.0 * x.poweredOff / x.samples)));
      utilisation.add(row);
      for (Metric m : List.of(Metric.CPU, Metric.MEMORY, Metric.STORAGE)) {
        BigDecimal avg = x.metrics.get(m).average();
        averages.computeIfAbsent(m, k -> new ArrayList<>()).add(avg == null ? 0
            : avg.setScale(1, java.math.RoundingMode.HALF_UP).doubleValue());
      }
    }
    if (utilisation.isEmpty()) {
      utilisation.add(Map.of("type", "本期无监控数据", "resources", "0", "cpu", "—", "memory", "—", "storage", "—",
          "poweredOff", "—"));
    }
    data.put("utilisation", utilisation);
    Map<String, List<? extends Number>> series = new LinkedHashMap<>();
    for (Metric m : List.of(Metric.CPU, Metric.MEMORY, Metric.STORAGE)) {
      series.put(SERIES.get(m), averages.getOrDefault(m, List.of()));
    }
    data.put("utilisationChart", ChartData.bars("各类资源平均利用率", typeLabels, series));
    data.put("utilisationNote", "注：平均值为统计周期内全部采样（已汇总的日数据按采样数加权）的算术平均；峰值、谷值为周期内单次采样的"
        + "最高、最低值；关机采样不计入 CPU 与内存。图中数值为平均利用率（%），无数据的指标记为 0。");

    Map<String, String> systems = organization.systemNames();
    List<Map<String, String>> list = new ArrayList<>();
    for (Alert a : alerts.subList(0, Math.min(alerts.size(), ALERT_ROWS))) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("alertNo", a.alertNo());
      row.put("resource", a.resourceId() + (a.businessSystemCode() == null ? ""
          : "（" + systems.getOrDefault(a.businessSystemCode(), a.businessSystemCode()) + "）"));
      row.put("problem", a.problemLabel() + ("SEVERE".equals(a.severity()) ? "（严重）" : ""));
      row.put("period", TemplateReport.time(a.firstSeenAt()) + " 至 "
          + (a.closedAt() == null ? "未恢复" : TemplateReport.time(a.closedAt())));
      row.put("worst", a.worstValue().toPlainString() + Metric.valueOf(a.metric()).unit());
      row.put("handling", a.caseInstanceId() == null ? (a.open() ? "告警中" : "已恢复")
          : MonitoringCases.EMERGENCY.equals(a.caseProcessKey()) ? "已转应急事件" : "已转工单");
      list.add(row);
    }
    if (list.isEmpty()) {
      list.add(Map.of("alertNo", "—", "resource", "本期无告警", "problem", "—", "period", "—", "worst", "—",
          "handling", "—"));
    }
    data.put("alerts", list);
    data.put("alertsNote", "本期首次出现的告警共 " + alerts.size() + " 条" + (alerts.size() > ALERT_ROWS
        ? "，下表按首次出现时间列出前 " + ALERT_ROWS + " 条，完整清单可在系统的告警查询中导出。" : "，按首次出现时间排列如下。"));
    data.put("analysis", analysis(alerts.size(), severe, workOrders, emergencies, stillOpen, byProblem, byType,
        commentary));
    return data;
  }

  static final Map<Metric, String> SERIES = Map.of(Metric.CPU, "CPU", Metric.MEMORY, "内存", Metric.STORAGE, "存储");

  /** What the figures say against the Appendix B ranges, then what the manager wrote. */
  static String analysis(int alerts, long severe, long workOrders, long emergencies, long stillOpen,
      Map<String, long[]> byProblem, Map<String, MonitoringStats.Totals> byType, String commentary) {
    List<String> lines = new ArrayList<>();
    if (byType.isEmpty()) {
      lines.add("本期没有收到监控数据，无法评价资源运行情况，请核查监控平台向本系统推送数据的接口。");
    }
    if (alerts == 0) {
      lines.add("本期未出现超出 DB4401/T 294.3 附录 B 阈值的告警。");
    } else {
      String top = byProblem.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
          .limit(3).map(e -> Alert.label(e.getKey()) + " " + e.getValue()[0] + " 条")
          .collect(java.util.stream.Collectors.joining("、"));
      lines.add("本期新增告警 " + alerts + " 条（其中严重 " + severe + " 条），主要为" + top + "；转为运维工单 " + workOrders
          + " 件、应急事件 " + emergencies + " 起；截至期末仍有 " + stillOpen + " 条告警未恢复"
          + (stillOpen > 0 ? "，需跟踪处理至恢复。" : "。"));
    }
    int beforeUtilisation = lines.size();
    byType.forEach((type, x) -> {
      List<String> notes = new ArrayList<>();
      BigDecimal cpu = x.metrics.get(Metric.CPU).average();
      BigDecimal mem = x.metrics.get(Metric.MEMORY).average();
      BigDecimal sto = x.metrics.get(Metric.STORAGE).average();
      if (cpu != null && cpu.doubleValue() < 8) {
        notes.add("平均 CPU 利用率 " + pct(cpu) + "，低于 8%");
      }
      if (mem != null && mem.doubleValue() < 10) {
        notes.add("平均内存利用率 " + pct(mem) + "，低于 10%");
      }
      if (!notes.isEmpty()) {
        lines.add(typeLabel(type) + String.join("，", notes) + "：资源长期闲置，建议在资源优化评审中按附录 C 核查缩容或回收。");
      }
      List<String> high = new ArrayList<>();
      if (cpu != null && cpu.doubleValue() > 90) {
        high.add("CPU " + pct(cpu));
      }
      if (mem != null && mem.doubleValue() > 90) {
        high.add("内存 " + pct(mem));
      }
      if (sto != null && sto.doubleValue() > 90) {
        high.add("存储 " + pct(sto));
      }
      if (!high.isEmpty()) {
        lines.add(typeLabel(type) + "平均利用率偏高（" + String.join("，", high) + "，高于 90%）：建议评估扩容。");
      }
    });
    if (!byType.isEmpty() && lines.size() == beforeUtilisation) {
      lines.add("各类资源的平均利用率均在附录 B 阈值范围内，暂无需调整资源配置。");
    }
    if (commentary != null) {
      lines.add("运维经理意见：" + commentary);
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      s.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(lines.get(i));
    }
    return s.toString();
  }

  private static String typeLabel(String type) {
    try {
      return ResourceType.valueOf(type).label();
    } catch (IllegalArgumentException e) {
      return type;
    }
  }

  private static String triple(MonitoringStats.Agg a) {
    if (a.count == 0) {
      return "—";
    }
    return "平均 " + pct(a.average()) + " / 峰值 " + pct(a.max) + " / 谷值 " + pct(a.min);
  }

  private static String pct(BigDecimal d) {
    return d.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
  }

  private static Map<String, String> pair(String item, String value) {
    return Map.of("item", item, "value", value);
  }
}
