package cn.gov.gz.govcloud.deliverable;

import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.deliverable.DeliverableRegister.Entry;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.kpi.Kpi;
import cn.gov.gz.govcloud.kpi.KpiService;
import cn.gov.gz.govcloud.report.ChartData;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The final service summary report of a contract period (DB4401/T 294.3 5.5.2.3 总结性报告, Table D.1 item 23): the
 * KPI figures of 7.3.2 over the whole period (the kpi room's {@link KpiService}, as the evaluation report reads them),
 * the cases of each process, a chart of the cases per month, the deliverables register at the time of the report
 * (delivered, due, overdue, missing), the satisfaction surveys of the period, the manager's summary and management's
 * confirmation. Rendered from {@code report-templates/service-summary-report.docx}; each generation a new archived
 * version of kind {@value #KIND}.
 */
@Implements(value = "P3 5.5.2.3", what = "服务总结报告：服务期的考核指标、各流程服务量、交付物登记情况和服务评价")
@Implements(value = "P3 附录 D.1 第 23 项", what = "服务总结报告")
@Service
public class ServiceSummaryReport {

  public static final String KIND = "SERVICE_SUMMARY";
  static final String TEMPLATE = "service-summary-report.docx";
  static final List<Kpi> KPIS = List.of(Kpi.EMERGENCY_RESPONDED_IN_TIME, Kpi.WORK_ORDER_DISPATCHED_IN_TIME,
      Kpi.WORK_ORDER_RESOLVED_IN_TIME, Kpi.WORK_ORDER_AVERAGE_RESOLUTION, Kpi.INSPECTION_COMPLETION,
      Kpi.RESOURCE_ORDER_COMPLETION, Kpi.WORK_ORDER_COMPLETION, Kpi.SATISFACTION_AVERAGE, Kpi.COMPLAINT_RATE,
      Kpi.REPORTS_ON_TIME);
  /** The statuses of the report as its cover prints them. */
  static final String DRAFT = "初稿";
  static final String REVIEWED = "待管理方确认";
  static final String FINAL = "终稿（管理方已确认）";

  /** One month's cases. */
  record Month(String month, long emergencies, long workOrders, long applications, long inspections,
      long documents) {}

  private final KpiService kpis;
  private final DeliverableRegister register;
  private final DeliverableProperties properties;
  private final ReportArchive archive;
  private final TemplateReport templates;
  private final People people;
  private final JdbcClient jdbc;

  ServiceSummaryReport(KpiService kpis, DeliverableRegister register, DeliverableProperties properties,
      ReportArchive archive, TemplateReport templates, People people, JdbcClient jdbc) {
    this.kpis = kpis;
    this.register = register;
    this.properties = properties;
    this.archive = archive;
    this.templates = templates;
    this.people = people;
    this.jdbc = jdbc;
  }

  /** The archive subject of the summary of a period, e.g. {@code SUM-2026-01-01_2026-12-31}. */
  public static String subject(LocalDate from, LocalDate to) {
    return "SUM-" + from + "_" + to;
  }

  /** Renders and archives the report (a new version each time). */
  public ReportDocument generate(LocalDate from, LocalDate to, String status, String commentary, String author,
      String processInstanceId, String by) {
    int version = archive.nextVersion(KIND, subject(from, to));
    byte[] docx = templates.render(TEMPLATE, data(from, to, status, commentary, author, version), "overview",
        "deliverables", "months");
    return archive.archive(KIND, subject(from, to), "政务云运营服务总结报告 " + from + " 至 " + to
        + (FINAL.equals(status) ? "" : "（" + status + "）"), processInstanceId, null,
        "政务云运营服务总结报告-" + from + "-" + to + "-v" + version + ".docx", ReportArchive.DOCX, docx, by);
  }

  /** The values of the template's tags (package-private: the document test compares the document with them). */
  Map<String, Object> data(LocalDate from, LocalDate to, String status, String commentary, String author,
      int version) {
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    Map<Kpi, Double> now = kpis.figures(from, to);
    List<Month> months = months(from, to);
    List<Entry> entries = register.entries();
    long emergencies = months.stream().mapToLong(Month::emergencies).sum();
    long workOrders = months.stream().mapToLong(Month::workOrders).sum();
    long applications = months.stream().mapToLong(Month::applications).sum();
    long inspections = months.stream().mapToLong(Month::inspections).sum();
    long documents = months.stream().mapToLong(Month::documents).sum();
    long delivered = entries.stream().filter(e -> e.latest() != null || e.live() != null).count();
    List<Entry> overdue = entries.stream().filter(e -> DeliverableRegister.OVERDUE.equals(e.status())).toList();
    List<Entry> missing = entries.stream().filter(e -> e.latest() == null && e.live() == null).toList();

    Map<String, Object> data = new HashMap<>();
    data.put("title", "政务云运营服务总结报告");
    data.put("contract", properties.getContractFrom() + " 至 " + properties.getContractTo());
    data.put("period", from + " 至 " + to + "（共 " + days + " 天）");
    data.put("version", String.valueOf(version));
    data.put("status", status);
    List<Map<String, String>> overview = new ArrayList<>();
    overview.add(row("item", "应急事件（不含演练）", "value", emergencies + " 起"));
    overview.add(row("item", "运维工单", "value", workOrders + " 张"));
    overview.add(row("item", "云资源申请", "value", applications + " 份"));
    overview.add(row("item", "巡检", "value", inspections + " 次"));
    overview.add(row("item", "归档文档（报告、记录、交付文档）", "value", documents + " 份"));
    for (Kpi k : KPIS) {
      overview.add(row("item", k.label(), "value", k.format(now.get(k))));
    }
    data.put("overview", overview);
    List<Map<String, String>> rows = new ArrayList<>();
    for (Entry e : entries) {
      rows.add(row("no", String.valueOf(e.no()), "category", e.category(), "name", e.name(), "cadence",
          e.cadenceLabel(), "latest", e.latest() == null ? (e.live() != null ? e.liveLabel() : "尚无")
              : e.latest().title() + "（第 " + e.latest().version() + " 版，" + CityTime.minute(e.latest().date()) + "）",
          "state", ("—".equals(e.approval()) ? "" : e.approval() + "；") + e.statusLabel()));
    }
    data.put("deliverables", rows);
    data.put("deliverableNote", "附录 D 表 D.1 共 " + entries.size() + " 项：已交付或由系统实时台账保存 " + delivered
        + " 项，逾期 " + overdue.size() + " 项，尚无版本 " + missing.size() + " 项（截至报告生成时，北京时间）。"
        + "“系统生成”为各流程自动归档的文档，“已审批”为服务方上传并经管理方审批的文档。");
    data.put("monthNote", "按北京时间自然月统计：应急事件按接报时间（不含演练），工单按受理时间，资源申请和巡检按登记时间，"
        + "归档文档按归档时间。");
    data.put("monthChart", ChartData.bars("各月服务量", months.stream().map(Month::month).toList(), chartSeries(months)));
    List<Map<String, String>> monthRows = new ArrayList<>();
    for (Month m : months) {
      monthRows.add(row("month", m.month(), "emergencies", String.valueOf(m.emergencies()), "workOrders",
          String.valueOf(m.workOrders()), "applications", String.valueOf(m.applications()), "inspections",
          String.valueOf(m.inspections()), "documents", String.valueOf(m.documents())));
    }
    data.put("months", monthRows);
    data.put("summary", "服务期内共处置应急事件 " + emergencies + " 起、运维工单 " + workOrders + " 张、云资源申请 "
        + applications + " 份，开展巡检 " + inspections + " 次，归档文档 " + documents + " 份。应急事件按时响应率 "
        + Kpi.EMERGENCY_RESPONDED_IN_TIME.format(now.get(Kpi.EMERGENCY_RESPONDED_IN_TIME)) + "，工单完成率 "
        + Kpi.WORK_ORDER_COMPLETION.format(now.get(Kpi.WORK_ORDER_COMPLETION)) + "，工单满意度 "
        + Kpi.SATISFACTION_AVERAGE.format(now.get(Kpi.SATISFACTION_AVERAGE)) + " 分。"
        + (commentary == null || commentary.isBlank() ? "\n服务方总结待运维经理填写。" : "\n服务方总结：" + commentary.strip()));
    StringBuilder issues = new StringBuilder();
    if (overdue.isEmpty() && missing.isEmpty()) {
      issues.append("附录 D 各项交付物均已按频次交付。");
    }
    for (Entry e : overdue) {
      issues.append("第 ").append(e.no()).append(" 项 ").append(e.name()).append("：").append(e.statusLabel())
          .append('\n');
    }
    for (Entry e : missing) {
      if (!overdue.contains(e)) {
        issues.append("第 ").append(e.no()).append(" 项 ").append(e.name()).append("：尚无版本（").append(e.cadenceLabel())
            .append("）\n");
      }
    }
    data.put("issues", issues.toString().strip());
    data.put("improvements", evaluations(from, to));
    data.put("author", author == null ? "" : author);
    return data;
  }

  private static Map<String, List<? extends Number>> chartSeries(List<Month> months) {
    Map<String, List<? extends Number>> series = new LinkedHashMap<>();
    series.put("应急事件", months.stream().map(Month::emergencies).toList());
    series.put("工单", months.stream().map(Month::workOrders).toList());
    series.put("资源申请", months.stream().map(Month::applications).toList());
    return series;
  }

  /** The cases of each month of the period (Beijing time). */
  List<Month> months(LocalDate from, LocalDate to) {
    List<Month> out = new ArrayList<>();
    for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      LocalDate start = m.atDay(1).isBefore(from) ? from : m.atDay(1);
      LocalDate end = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
      Timestamp a = Timestamp.from(start.atStartOfDay(CityTime.ZONE).toInstant());
      Timestamp b = Timestamp.from(end.plusDays(1).atStartOfDay(CityTime.ZONE).toInstant());
      out.add(new Month(String.format(Locale.ROOT, "%d-%02d", m.getYear(), m.getMonthValue()),
          count("SELECT COUNT(*) FROM rv_emergency WHERE drill = FALSE AND received_at >= ? AND received_at < ?", a, b),
          count("SELECT COUNT(*) FROM rv_work_order WHERE received_at >= ? AND received_at < ?", a, b),
          count("SELECT COUNT(*) FROM rv_resource_application WHERE created_at >= ? AND created_at < ?", a, b),
          count("SELECT COUNT(*) FROM rv_inspection WHERE created_at >= ? AND created_at < ?", a, b),
          count("SELECT COUNT(*) FROM rv_report_document WHERE created_at >= ? AND created_at < ?", a, b)));
    }
    return out;
  }

  private long count(String sql, Timestamp a, Timestamp b) {
    return jdbc.sql(sql).params(a, b).query(Long.class).single();
  }

  /** The satisfaction surveys of the period with their answers (the evaluation room's view). */
  private String evaluations(LocalDate from, LocalDate to) {
    List<String> lines = new ArrayList<>();
    jdbc.sql("SELECT survey_no, period_from, period_to, COUNT(*), SUM(CASE WHEN status = 'ANSWERED' THEN 1 ELSE 0 "
            + "END), AVG(CASE WHEN status = 'ANSWERED' THEN overall END) FROM rv_satisfaction_answer "
            + "WHERE period_from <= ? AND period_to >= ? GROUP BY survey_no, period_from, period_to "
            + "ORDER BY period_from")
        .params(java.sql.Date.valueOf(to), java.sql.Date.valueOf(from))
        .query((rs, i) -> "满意度调查 " + rs.getString(1) + "（" + rs.getDate(2) + " 至 " + rs.getDate(3) + "）：调查 "
            + rs.getLong(4) + " 家，答复 " + rs.getLong(5) + " 家，整体满意度平均 "
            + (rs.getObject(6) == null ? "—" : String.format(Locale.ROOT, "%.2f", rs.getDouble(6))) + " 分。")
        .list().forEach(lines::add);
    if (lines.isEmpty()) {
      lines.add("本期没有满意度调查。");
    }
    lines.add("改进措施按 DB4401/T 294.3 7.4.5 a–d：技术能力、服务效率、服务质量和合规性，各期评价报告中的改进措施继续落实；"
        + "逾期或缺失的交付物由服务方在下一服务期初补交并经管理方审批。");
    return String.join("\n", lines);
  }

  static Map<String, String> row(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  String authorLine(String reviewer, String reviewedAt, String confirmer) {
    return "服务方审阅：" + people.name(reviewer) + "（" + reviewedAt + "）"
        + (confirmer == null ? "" : "；管理方确认：" + people.name(confirmer));
  }
}
