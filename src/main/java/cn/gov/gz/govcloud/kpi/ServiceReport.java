package cn.gov.gz.govcloud.kpi;

import cn.gov.gz.govcloud.kpi.KpiReport.EmergencyResponses;
import cn.gov.gz.govcloud.report.ChartData;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The periodic service report (GB/T 34077.3 5.3.7: routine monthly; P3 Appendix D): an overview, the manager's
 * commentary, KPIs against the previous period with the definition of each figure as a footnote ({@link Kpi}), native
 * Word charts (satisfaction, work order types, weekly emergencies), the emergencies of the period, every business
 * system's figures and the open risks. Every figure about emergencies comes from the same cases: those received in
 * the period, drills excluded. Rendered with poi-tl from {@code report-templates/service-report.docx}; each
 * generation is archived as a new version.
 */
@Service
public class ServiceReport {

  public static final String KIND = "SERVICE_REPORT";
  static final String TEMPLATE = "service-report.docx";
  static final int MAX_INCIDENTS = 200;
  /** The KPIs of the table, in order; each row's number is its footnote's. */
  static final List<Kpi> TABLE = List.of(Kpi.EMERGENCY_RESPONDED_IN_TIME, Kpi.FEEDBACK_BEATS_ON_TIME,
      Kpi.WORK_ORDER_DISPATCHED_IN_TIME, Kpi.WORK_ORDER_RESOLVED_IN_TIME, Kpi.WORK_ORDER_AVERAGE_RESOLUTION,
      Kpi.WORK_ORDER_COMPLETION, Kpi.RESOURCE_ORDER_COMPLETION, Kpi.SATISFACTION_AVERAGE, Kpi.COMPLAINT_RATE,
      Kpi.REPORTS_ON_TIME, Kpi.INSPECTION_COMPLETION);
  static final Map<String, String> WORK_ORDER_TYPES = linked("CONSULTATION", "咨询", "SERVICE_REQUEST", "服务请求",
      "FAULT", "故障", "COMPLAINT", "投诉", "FINDING", "问题跟进");

  private final KpiService kpis;
  private final ReportArchive archive;
  private final TemplateReport templates;
  private final JdbcClient jdbc;
  private final Clock clock;

  ServiceReport(KpiService kpis, ReportArchive archive, TemplateReport templates, JdbcClient jdbc, Clock clock) {
    this.kpis = kpis;
    this.archive = archive;
    this.templates = templates;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The mark in the title of a draft (before the manager's review); the published report's title has none. */
  public static final String DRAFT_MARK = "（初稿）";

  /** The archive subject of the report of a period, e.g. {@code SR-2026-11-01_2026-11-30}. */
  public static String subject(LocalDate from, LocalDate to) {
    return "SR-" + from + "_" + to;
  }

  /** Renders and archives the report of a period (a new version each time); the commentary may be empty. */
  public ReportDocument generate(LocalDate from, LocalDate to, String commentary, String processInstanceId,
      String by) {
    int version = archive.nextVersion(KIND, subject(from, to));
    byte[] docx = render(from, to, commentary, version);
    return archive.archive(KIND, subject(from, to), "政务云运维服务报告 " + from + " 至 " + to
        + (commentary == null || commentary.isBlank() ? DRAFT_MARK : ""), processInstanceId, null,
        "政务云运维服务报告-" + from + "-" + to + "-v" + version + ".docx", ReportArchive.DOCX, docx, by);
  }

  byte[] render(LocalDate from, LocalDate to, String commentary, int version) {
    return templates.render(TEMPLATE, data(from, to, commentary, version), "kpis", "incidents", "systems");
  }

  /** The values of the template's tags (package-private: the document test compares the document with them). */
  Map<String, Object> data(LocalDate from, LocalDate to, String commentary, int version) {
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    LocalDate previousFrom = from.minusDays(days);
    LocalDate previousTo = from.minusDays(1);
    KpiReport now = kpis.compute(from, to);
    KpiReport before = kpis.compute(previousFrom, previousTo);
    boolean draft = commentary == null || commentary.isBlank();
    Map<String, Long> types = workOrderTypes(from, to);
    long workOrders = types.values().stream().mapToLong(Long::longValue).sum();
    EmergencyResponses er = now.efficiency().emergencyResponses();

    Map<String, Object> data = new HashMap<>();
    data.put("title", "政务云运维服务报告");
    data.put("period", from + " 至 " + to + "（共 " + days + " 天）");
    data.put("version", String.valueOf(version));
    data.put("status", draft ? "初稿，待服务方管理人员审阅" : "终稿");
    data.put("summary", "本期共接报工单 " + workOrders + " 件，应急事件 " + er.received() + " 起（不含演练）；"
        + "收到满意度评价 " + now.satisfaction().answered() + " 份"
        + (now.satisfaction().average() == null ? "" : "，平均 " + num(now.satisfaction().average()) + " 分")
        + "；应急事件按时响应率 " + pct(now.efficiency().emergencyRespondedInTime()) + "（已响应 " + er.responded()
        + " 起，其中按时 " + er.respondedInTime() + " 起），工单完成率 " + pct(now.quality().workOrderCompletionRate())
        + "。各项指标的口径见第三节表注。");
    data.put("commentary", draft ? "本报告为初稿，本节由服务方管理人员审阅时填写。" : commentary.strip());
    data.put("kpis", kpiRows(now, before));
    data.put("kpiNotes", kpiNotes(previousFrom, previousTo));
    data.put("satisfactionChart", satisfactionChart(now));
    data.put("workOrderTypeChart", ChartData.pie("工单类型构成（本期接报 " + workOrders + " 件）",
        List.copyOf(types.keySet()), "工单数", List.copyOf(types.values())));
    data.put("emergencyTrendChart", emergencyTrend(from, to));
    data.put("chartNotes", "图 1 按本期接报工单的回访评价计，未评价的不计入；图 2 按本期接报的全部工单计；"
        + "图 3 按应急事件的接报时间逐周（自统计期间首日起每 7 天）计，不含演练。");
    List<Map<String, String>> incidents = incidents(from, to);
    data.put("incidents", incidents.isEmpty() ? List.of(emptyIncident()) : incidents);
    data.put("incidentSummary", "本期接报应急事件 " + er.received() + " 起（不含演练）：已响应 " + er.responded()
        + " 起，其中在响应时限内响应 " + er.respondedInTime() + " 起，按时响应率 "
        + pct(now.efficiency().emergencyRespondedInTime()) + "（按时响应数 ÷ 已响应数，见表注 1）；截至报告生成时仍未响应 "
        + er.notResponded() + " 起，其中已超过响应时限 " + er.notRespondedOverdue() + " 起。"
        + (er.received() > MAX_INCIDENTS ? "下表按接报时间列出前 " + MAX_INCIDENTS + " 起。" : ""));
    List<Map<String, String>> systems = systems(from, to);
    data.put("systems", systems);
    data.put("systemNote", "共 " + systems.size() + " 个业务系统，按使用单位排列；工单与应急事件按本期接报计（应急事件不含演练）。");
    data.put("risks", "1. 本期接报的应急事件中，超过响应时限仍未响应 " + er.notRespondedOverdue() + " 起（第五节中标为"
        + "“未响应（已超时）”的事件）。\n2. 截至报告生成时（" + TemplateReport.time(clock.instant()) + "），全部未结案的应急事件中"
        + "超过响应时限仍未响应 " + now.quality().openEmergenciesNotResponded() + " 起，全部未解决的工单中超过恢复时限 "
        + now.quality().openWorkOrdersOverdue() + " 项（均含以前各期接报的）。");
    return data;
  }

  private static ChartData satisfactionChart(KpiReport now) {
    List<String> scores = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    now.satisfaction().distribution().forEach((score, n) -> {
      scores.add(score + " 分");
      counts.add(n);
    });
    return ChartData.bars("满意度评分分布（评价 " + now.satisfaction().answered() + " 份）", scores, "评价数", counts);
  }

  private static List<Map<String, String>> kpiRows(KpiReport now, KpiReport before) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < TABLE.size(); i++) {
      Kpi k = TABLE.get(i);
      Double n = value(k, now);
      Double b = value(k, before);
      Map<String, String> m = new LinkedHashMap<>();
      m.put("no", String.valueOf(i + 1));
      m.put("name", k.label());
      m.put("current", format(k, n));
      m.put("previous", format(k, b));
      m.put("change", change(n, b, k != Kpi.WORK_ORDER_AVERAGE_RESOLUTION && k != Kpi.COMPLAINT_RATE));
      rows.add(m);
    }
    return rows;
  }

  /** The value of a KPI of the table in a report (the same figure {@code /api/kpis} returns). */
  static Double value(Kpi k, KpiReport r) {
    return k.valueIn(r);
  }

  static String format(Kpi k, Double v) {
    return k.format(v);
  }

  private static String kpiNotes(LocalDate previousFrom, LocalDate previousTo) {
    StringBuilder s = new StringBuilder("注：统计期间按北京时间自然日计算，含起止两日；工单与应急事件按接报时间计入所在期间；"
        + "演练不计入任何指标。“上期”为本期之前同样天数的期间（" + previousFrom + " 至 " + previousTo
        + "）。“—”表示该期间没有可计算的对象。");
    for (int i = 0; i < TABLE.size(); i++) {
      s.append('\n').append(i + 1).append(". ").append(TABLE.get(i).label()).append("：")
          .append(TABLE.get(i).definition());
    }
    return s.toString();
  }

  private static String change(Double now, Double before, boolean higherIsBetter) {
    if (now == null || before == null) {
      return "—";
    }
    double delta = now - before;
    return Math.abs(delta) < 1e-9 ? "持平" : ((delta > 0) == higherIsBetter ? "改善" : "下降");
  }

  /** Work orders received in the period, by type, every type listed. */
  Map<String, Long> workOrderTypes(LocalDate from, LocalDate to) {
    Map<String, Long> counts = new LinkedHashMap<>();
    WORK_ORDER_TYPES.values().forEach(label -> counts.put(label, 0L));
    jdbc.sql("SELECT type, COUNT(*) FROM rv_work_order WHERE received_at >= ? AND received_at < ? GROUP BY type")
        .params(start(from), end(to))
        .query((rs, i) -> counts.merge(WORK_ORDER_TYPES.getOrDefault(rs.getString(1), "其他"), rs.getLong(2), Long::sum))
        .list();
    return counts;
  }

  private ChartData emergencyTrend(LocalDate from, LocalDate to) {
    int weeks = (int) Math.max(1, (ChronoUnit.DAYS.between(from, to) + 7) / 7);
    List<String> labels = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    long total = 0;
    for (int w = 0; w < weeks; w++) {
      LocalDate a = from.plusWeeks(w);
      LocalDate b = w == weeks - 1 ? to : a.plusDays(6);
      labels.add(a.getMonthValue() + "/" + a.getDayOfMonth() + "–" + b.getMonthValue() + "/" + b.getDayOfMonth());
      long n = jdbc.sql("SELECT COUNT(*) FROM rv_emergency WHERE received_at >= ? AND received_at < ? AND drill = FALSE")
          .params(start(a), end(b)).query(Long.class).single();
      counts.add(n);
      total += n;
    }
    return ChartData.line("应急事件逐周趋势（本期 " + total + " 起）", labels, "应急事件", counts);
  }

  private List<Map<String, String>> incidents(LocalDate from, LocalDate to) {
    Instant now = clock.instant();
    return jdbc.sql("SELECT e.emergency_no, e.system_name, e.unit_name, e.severity, e.received_at, e.responded_at, "
            + "e.response_due_at, e.recovered_at FROM rv_emergency e "
            + "WHERE e.received_at >= ? AND e.received_at < ? AND e.drill = FALSE ORDER BY e.received_at, e.id "
            + "FETCH FIRST " + MAX_INCIDENTS + " ROWS ONLY")
        .params(start(from), end(to))
        .query((rs, i) -> {
          Map<String, String> m = new LinkedHashMap<>();
          m.put("no", rs.getString(1));
          m.put("system", rs.getString(2));
          m.put("unit", rs.getString(3) == null ? "—" : rs.getString(3));
          m.put("severity", rs.getString(4));
          m.put("received", TemplateReport.time(rs.getTimestamp(5).toInstant()));
          m.put("response", response(rs.getTimestamp(6), rs.getTimestamp(7), now));
          m.put("recovered", rs.getTimestamp(8) == null ? "未恢复" : TemplateReport.time(rs.getTimestamp(8).toInstant()));
          return m;
        }).list();
  }

  /** The response of one case, in the words the incident list uses (and the test counts). */
  static String response(Timestamp responded, Timestamp due, Instant now) {
    if (responded != null) {
      return responded.after(due) ? RESPONSE_LATE : RESPONSE_ON_TIME;
    }
    return due.toInstant().isBefore(now) ? NOT_RESPONDED_OVERDUE : NOT_RESPONDED;
  }

  static final String RESPONSE_ON_TIME = "按时";
  static final String RESPONSE_LATE = "超时";
  static final String NOT_RESPONDED_OVERDUE = "未响应（已超时）";
  static final String NOT_RESPONDED = "未响应（未到时限）";

  private static Map<String, String> emptyIncident() {
    return linked("no", "—", "system", "本期无应急事件", "unit", "—", "severity", "—", "received", "—", "response", "—",
        "recovered", "—");
  }

  /** Every business system with its work orders and emergencies of the period (2,000+ rows at the city's scale). */
  private List<Map<String, String>> systems(LocalDate from, LocalDate to) {
    Map<String, Long> orders = countBy("SELECT business_system_code, COUNT(*) FROM rv_work_order WHERE received_at >= ? "
        + "AND received_at < ? AND business_system_code IS NOT NULL GROUP BY business_system_code", from, to);
    Map<String, Long> emergencies = countBy("SELECT business_system_code, COUNT(*) FROM rv_emergency WHERE "
        + "received_at >= ? AND received_at < ? AND drill = FALSE GROUP BY business_system_code", from, to);
    Function<String, String> n = code -> String.valueOf(orders.getOrDefault(code, 0L));
    return jdbc.sql("SELECT code, name, unit_name, service_level FROM rv_business_system ORDER BY unit_code, code")
        .query((rs, i) -> linked("name", rs.getString(2), "unit", rs.getString(3), "level", rs.getInt(4) + " 级",
            "workOrders", n.apply(rs.getString(1)),
            "emergencies", String.valueOf(emergencies.getOrDefault(rs.getString(1), 0L))))
        .list();
  }

  private Map<String, Long> countBy(String sql, LocalDate from, LocalDate to) {
    Map<String, Long> m = new HashMap<>();
    jdbc.sql(sql).params(start(from), end(to)).query((rs, i) -> m.put(rs.getString(1), rs.getLong(2))).list();
    return m;
  }

  private static Map<String, String> linked(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Timestamp start(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(KpiService.CHINA).toInstant());
  }

  private static Timestamp end(LocalDate day) {
    return Timestamp.from(day.plusDays(1).atStartOfDay(KpiService.CHINA).toInstant());
  }

  static String pct(Double v) {
    return v == null ? "—" : String.format("%.1f%%", v * 100);
  }

  static String num(Double v) {
    return v == null ? "—" : String.format("%.1f", v);
  }
}
