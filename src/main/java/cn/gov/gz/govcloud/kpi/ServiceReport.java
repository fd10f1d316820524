package cn.gov.gz.govcloud.kpi;

import cn.gov.gz.govcloud.kpi.KpiReport.Efficiency;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import com.deepoove.poi.data.Charts;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
 * The periodic service report (GB/T 34077.3 5.3.7: routine monthly; P3 Appendix D): KPIs against the previous period,
 * native Word charts (bar, pie, line), notable incidents, every business system's figures and open risks. Rendered
 * with poi-tl from {@code report-templates/service-report.docx}, a Word document process owners may restyle in
 * Word or WPS as long as the {@code {{...}}} tags stay; each generation is archived as a new version.
 */
@Service
public class ServiceReport {

  public static final String KIND = "SERVICE_REPORT";
  static final String TEMPLATE = "service-report.docx";
  static final int MAX_INCIDENTS = 200;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(KpiService.CHINA);

  private final KpiService kpis;
  private final ReportArchive archive;
  private final JdbcClient jdbc;
  private final Clock clock;

  ServiceReport(KpiService kpis, ReportArchive archive, JdbcClient jdbc, Clock clock) {
    this.kpis = kpis;
    this.archive = archive;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  static String subject(LocalDate from, LocalDate to) {
    return "SR-" + from + "_" + to;
  }

  /** Renders and archives the report of a period (a new version each time); the commentary may be empty. */
  public ReportDocument generate(LocalDate from, LocalDate to, String commentary, String processInstanceId,
      String by) {
    int version = archive.nextVersion(KIND, subject(from, to));
    byte[] docx = render(from, to, commentary, version);
    return archive.archive(KIND, subject(from, to), "政务云运维服务报告 " + from + " 至 " + to, processInstanceId, null,
        "政务云运维服务报告-" + from + "-" + to + "-v" + version + ".docx", ReportArchive.DOCX, docx, by);
  }

  byte[] render(LocalDate from, LocalDate to, String commentary, int version) {
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    KpiReport now = kpis.compute(from, to);
    KpiReport before = kpis.compute(from.minusDays(days), from.minusDays(1));
    Map<String, Object> data = new HashMap<>();
    data.put("title", "政务云运维服务报告");
    data.put("period", from + " 至 " + to);
    data.put("generatedAt", TIME.format(clock.instant()));
    data.put("version", String.valueOf(version));
    data.put("commentary", commentary == null || commentary.isBlank() ? "（待服务方管理人员审阅后填写）" : commentary);
    data.put("kpis", kpiRows(now, before));
    data.put("satisfactionChart", Charts.ofBar("满意度评分分布", new String[] {"1 分", "2 分", "3 分", "4 分", "5 分"})
        .addSeries("工单数", now.satisfaction().distribution().values().toArray(Number[]::new)).create());
    data.put("workOrderTypeChart", workOrderTypes(from, to));
    data.put("emergencyTrendChart", emergencyTrend(from, to));
    data.put("incidents", incidents(from, to));
    data.put("systems", systems(from, to));
    data.put("risks", "当前逾期未解决的工单 " + now.quality().openWorkOrdersOverdue() + " 项；超过响应时限仍未响应的应急事件 "
        + now.quality().openEmergenciesNotResponded() + " 项。");
    return TemplateReport.render(TEMPLATE, data, "kpis", "incidents", "systems");
  }

  private static List<Map<String, String>> kpiRows(KpiReport now, KpiReport before) {
    List<Map<String, String>> rows = new ArrayList<>();
    Efficiency n = now.efficiency();
    Efficiency b = before.efficiency();
    rows.add(row("应急事件按时响应率", pct(n.emergencyRespondedInTime()), pct(b.emergencyRespondedInTime()),
        n.emergencyRespondedInTime(), b.emergencyRespondedInTime(), true));
    rows.add(row("应急进展按时反馈率", pct(n.feedbackBeatsOnTime()), pct(b.feedbackBeatsOnTime()),
        n.feedbackBeatsOnTime(), b.feedbackBeatsOnTime(), true));
    rows.add(row("工单按时分派率", pct(n.workOrderDispatchedInTime()), pct(b.workOrderDispatchedInTime()),
        n.workOrderDispatchedInTime(), b.workOrderDispatchedInTime(), true));
    rows.add(row("工单按时恢复率", pct(n.workOrderResolvedInTime()), pct(b.workOrderResolvedInTime()),
        n.workOrderResolvedInTime(), b.workOrderResolvedInTime(), true));
    rows.add(row("工单平均解决时长（分钟）", num(n.workOrderAverageResolutionMinutes()),
        num(b.workOrderAverageResolutionMinutes()), n.workOrderAverageResolutionMinutes(),
        b.workOrderAverageResolutionMinutes(), false));
    rows.add(row("工单完成率", pct(now.quality().workOrderCompletionRate()), pct(before.quality().workOrderCompletionRate()),
        now.quality().workOrderCompletionRate(), before.quality().workOrderCompletionRate(), true));
    rows.add(row("资源订单完成率", pct(now.quality().resourceOrderCompletionRate()),
        pct(before.quality().resourceOrderCompletionRate()), now.quality().resourceOrderCompletionRate(),
        before.quality().resourceOrderCompletionRate(), true));
    rows.add(row("满意度平均分", num(now.satisfaction().average()), num(before.satisfaction().average()),
        now.satisfaction().average(), before.satisfaction().average(), true));
    rows.add(row("投诉率", pct(now.satisfaction().complaintRate()), pct(before.satisfaction().complaintRate()),
        now.satisfaction().complaintRate(), before.satisfaction().complaintRate(), false));
    rows.add(row("应急响应报告按时提交率", pct(now.compliance().reportsOnTime()), pct(before.compliance().reportsOnTime()),
        now.compliance().reportsOnTime(), before.compliance().reportsOnTime(), true));
    return rows;
  }

  private static Map<String, String> row(String name, String current, String previous, Double now, Double before,
      boolean higherIsBetter) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("current", current);
    m.put("previous", previous);
    String change = "—";
    if (now != null && before != null) {
      double delta = now - before;
      change = Math.abs(delta) < 1e-9 ? "持平" : ((delta > 0) == higherIsBetter ? "改善" : "下降");
    }
    m.put("change", change);
    return m;
  }

  private Object workOrderTypes(LocalDate from, LocalDate to) {
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, String> labels = Map.of("CONSULTATION", "咨询", "SERVICE_REQUEST", "服务请求", "FAULT", "故障",
        "COMPLAINT", "投诉", "FINDING", "问题跟进");
    for (String t : List.of("CONSULTATION", "SERVICE_REQUEST", "FAULT", "COMPLAINT", "FINDING")) {
      counts.put(labels.get(t), 0L);
    }
    jdbc.sql("SELECT type, COUNT(*) FROM work_order WHERE received_at >= ? AND received_at < ? GROUP BY type")
        .params(start(from), end(to))
        .query((rs, i) -> counts.put(labels.getOrDefault(rs.getString(1), rs.getString(1)), rs.getLong(2))).list();
    return Charts.ofPie("工单类型构成", counts.keySet().toArray(String[]::new))
        .series("工单数", counts.values().toArray(Number[]::new)).create();
  }

  private Object emergencyTrend(LocalDate from, LocalDate to) {
    int weeks = (int) Math.max(1, (ChronoUnit.DAYS.between(from, to) + 7) / 7);
    String[] labels = new String[weeks];
    Number[] counts = new Number[weeks];
    for (int w = 0; w < weeks; w++) {
      LocalDate a = from.plusWeeks(w);
      LocalDate b = w == weeks - 1 ? to : a.plusDays(6);
      labels[w] = "第" + (w + 1) + "周";
      counts[w] = jdbc.sql("SELECT COUNT(*) FROM emergency WHERE received_at >= ? AND received_at < ? "
          + "AND drill = FALSE")
          .params(start(a), end(b)).query(Long.class).single();
    }
    return Charts.ofLine("应急事件趋势（按周）", labels).addSeries("应急事件", counts).create();
  }

  private List<Map<String, String>> incidents(LocalDate from, LocalDate to) {
    return jdbc.sql("SELECT e.emergency_no, s.name, e.severity, e.responded_at, e.response_due_at, e.recovered_at "
            + "FROM emergency e JOIN business_system s ON s.code = e.business_system_code "
            + "WHERE e.received_at >= ? AND e.received_at < ? AND e.drill = FALSE ORDER BY e.received_at FETCH FIRST "
            + MAX_INCIDENTS
            + " ROWS ONLY")
        .params(start(from), end(to))
        .query((rs, i) -> {
          Timestamp responded = rs.getTimestamp(4);
          Map<String, String> m = new LinkedHashMap<>();
          m.put("no", rs.getString(1));
          m.put("system", rs.getString(2));
          m.put("severity", rs.getString(3));
          m.put("response", responded == null ? "未响应" : responded.after(rs.getTimestamp(5)) ? "超时" : "按时");
          m.put("recovered", rs.getTimestamp(6) == null ? "—" : TIME.format(rs.getTimestamp(6).toInstant()));
          return m;
        }).list();
  }

  /** Every business system with its work orders and emergencies of the period (2,000+ rows at the city's scale). */
  private List<Map<String, String>> systems(LocalDate from, LocalDate to) {
    Map<String, Long> orders = countBy("SELECT business_system_code, COUNT(*) FROM work_order WHERE received_at >= ? "
        + "AND received_at < ? AND business_system_code IS NOT NULL GROUP BY business_system_code", from, to);
    Map<String, Long> emergencies = countBy("SELECT business_system_code, COUNT(*) FROM emergency WHERE "
        + "received_at >= ? AND received_at < ? AND drill = FALSE GROUP BY business_system_code", from, to);
    Function<String, String> n = code -> String.valueOf(orders.getOrDefault(code, 0L));
    return jdbc.sql("SELECT s.code, s.name, u.name, s.service_level FROM business_system s "
            + "JOIN org_unit u ON u.code = s.unit_code ORDER BY u.code, s.code")
        .query((rs, i) -> {
          Map<String, String> m = new LinkedHashMap<>();
          m.put("name", rs.getString(2) + "（" + rs.getString(1) + "）");
          m.put("unit", rs.getString(3));
          m.put("level", rs.getInt(4) + " 级");
          m.put("workOrders", n.apply(rs.getString(1)));
          m.put("emergencies", String.valueOf(emergencies.getOrDefault(rs.getString(1), 0L)));
          return m;
        }).list();
  }

  private Map<String, Long> countBy(String sql, LocalDate from, LocalDate to) {
    Map<String, Long> m = new HashMap<>();
    jdbc.sql(sql).params(start(from), end(to)).query((rs, i) -> m.put(rs.getString(1), rs.getLong(2))).list();
    return m;
  }

  private static Timestamp start(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(KpiService.CHINA).toInstant());
  }

  private static Timestamp end(LocalDate day) {
    return Timestamp.from(day.plusDays(1).atStartOfDay(KpiService.CHINA).toInstant());
  }

  private static String pct(Double v) {
    return v == null ? "—" : String.format("%.1f%%", v * 100);
  }

  private static String num(Double v) {
    return v == null ? "—" : String.format("%.1f", v);
  }
}
