package cn.gov.gz.govcloud.dashboard;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.dashboard.DeliverablesDue.PlanDue;
import cn.gov.gz.govcloud.dashboard.ListPage.Column;
import cn.gov.gz.govcloud.dashboard.ListPage.Link;
import cn.gov.gz.govcloud.dashboard.ListPage.Row;
import cn.gov.gz.govcloud.dashboard.LiveFigures.Where;
import cn.gov.gz.govcloud.dashboard.Statistics.Review;
import cn.gov.gz.govcloud.dashboard.Statistics.Usage;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.kpi.Kpi;
import cn.gov.gz.govcloud.kpi.KpiCriteria;
import cn.gov.gz.govcloud.kpi.KpiService;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.report.DocumentLinks;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.web.ValidationException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lists behind the figures, a page at a time, for the viewer's units only: the conditions are those the figures
 * count with (the KPI's own for KPI figures), so a figure and its list agree. Each row leads on to the open tasks of
 * its case in Tasklist, to Cockpit for those who have it, or to its document.
 */
@Component
class DashboardLists {

  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 200;
  static final Set<String> STAFF_ONLY = Set.of("findings", "inspections");
  static final Pattern CASE_NO = Pattern.compile("[A-Za-z0-9-]{1,32}");
  static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  static final Pattern PROBLEM = Pattern.compile("(CPU|MEMORY|STORAGE|SYNC)_(HIGH|LOW)");
  static final Pattern QUARTER = Pattern.compile("\\d{4}Q[1-4]");

  private final JdbcClient jdbc;
  private final CaseLinks caseLinks;
  private final Statistics statistics;
  private final DeliverablesDue deliverables;
  private final OrganizationService organization;
  private final DashboardProperties properties;
  private final Clock clock;

  DashboardLists(JdbcClient jdbc, CaseLinks caseLinks, Statistics statistics, DeliverablesDue deliverables,
      OrganizationService organization, DashboardProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.caseLinks = caseLinks;
    this.statistics = statistics;
    this.deliverables = deliverables;
    this.organization = organization;
    this.properties = properties;
    this.clock = clock;
  }

  /** What one request asks: the filter, the page, who asks and under which context path. */
  record Request(Map<String, String> filter, int page, int size, Caller caller, Scope scope, String contextPath,
      Instant now) {

    String get(String key) {
      String v = filter.get(key);
      return v == null || v.isBlank() ? null : v.strip();
    }
  }

  ListPage page(String kind, Map<String, String> params, Caller caller, String contextPath) {
    Map<String, String> filter = new LinkedHashMap<>(params);
    int page = integer(filter.remove("page"), 0, "page");
    int size = integer(filter.remove("size"), DEFAULT_SIZE, "size");
    if (page < 0) {
      throw ValidationException.of("page", "页码从 0 开始");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ValidationException.of("size", "每页 1–" + MAX_SIZE + " 条");
    }
    Scope scope = Scope.of(caller);
    if (STAFF_ONLY.contains(kind) && !scope.allUnits()) {
      throw new AccessDeniedException("巡检记录仅供运维、管理与监理人员查看");
    }
    Request r = new Request(filter, page, size, caller, scope, contextPath, clock.instant());
    return switch (kind) {
      case "emergencies" -> emergencies(r);
      case "work-orders" -> workOrders(r);
      case "alerts" -> alerts(r);
      case "findings" -> findings(r);
      case "inspections" -> inspections(r);
      case "applications" -> applications(r);
      case "idle" -> idle(r);
      case "costs" -> costs(r);
      case "reports-due" -> reportsDue(r);
      case "plans" -> plans(r);
      case "documents" -> documents(r);
      default -> throw new NotFoundException("没有这个清单：" + kind);
    };
  }

  // ---- emergencies

  private ListPage emergencies(Request r) {
    allowed(r, "state", "severity", "received", "closed", "no");
    List<String> title = new ArrayList<>();
    StringBuilder cond = new StringBuilder("drill = FALSE");
    List<Object> params = new ArrayList<>();
    String definition = "应急事件（不含演练）。";
    boolean urgent = false;
    String state = r.get("state");
    if (state != null) {
      switch (state) {
        case "open" -> {
          cond.append(" AND ").append(LiveFigures.OPEN_EMERGENCY);
          title.add("未结");
          definition = "全部未关闭的应急事件（不含演练），含以前接报的。";
        }
        case "waiting" -> {
          cond.append(" AND ").append(LiveFigures.WAITING_EMERGENCY);
          title.add("待响应");
          definition = "已接报、尚未响应的应急事件（不含演练）。";
        }
        case "overdue" -> {
          cond.append(" AND ").append(KpiCriteria.EMERGENCY_NOT_RESPONDED_OVERDUE);
          params.add(ts(r.now()));
          title.add("超过响应时限仍未响应");
          definition = Kpi.OPEN_EMERGENCIES_NOT_RESPONDED.definition();
        }
        case "responded" -> {
          cond.append(" AND status = 'RESPONDED'");
          title.add("处置中");
        }
        case "recovered" -> {
          cond.append(" AND status = 'RECOVERED'");
          title.add("已恢复待验证");
          definition = "处置完毕、等待使用单位验证业务恢复的应急事件（不含演练）。";
        }
        default -> throw ValidationException.of("state", "取值 open、waiting、overdue、responded、recovered");
      }
      urgent = true;
    }
    String severity = r.get("severity");
    if (severity != null) {
      if (!Labels.SEVERITIES.contains(severity)) {
        throw ValidationException.of("severity", "取值 " + String.join("、", Labels.SEVERITIES));
      }
      cond.append(" AND severity = ?");
      params.add(severity);
      title.add(severity);
    }
    YearMonth received = month(r, "received");
    if (received != null) {
      cond.append(" AND ").append(KpiCriteria.EMERGENCY_RECEIVED);
      params.add(start(received));
      params.add(end(received));
      title.add(label(received) + "接报");
      definition = Kpi.EMERGENCY_RESPONDED_IN_TIME.label() + "的统计对象：" + Kpi.EMERGENCY_RESPONDED_IN_TIME.definition();
    }
    YearMonth closed = month(r, "closed");
    if (closed != null) {
      cond.append(" AND ").append(KpiCriteria.EMERGENCY_CLOSED);
      params.add(start(closed));
      params.add(end(closed));
      title.add(label(closed) + "关闭");
      definition = Kpi.REPORTS_ON_TIME.label() + "的统计对象：" + Kpi.REPORTS_ON_TIME.definition();
    }
    String no = r.get("no");
    if (no != null) {
      if (!CASE_NO.matcher(no).matches()) {
        throw ValidationException.of("no", "事件编号格式不对");
      }
      cond.append(" AND emergency_no = ?");
      params.add(no);
      title.add(no);
    }
    Where w = new Where(r.scope(), cond.toString(), params.toArray());
    List<Column> columns = columns("no", "事件编号", "system", "业务系统", "unit", "使用单位", "severity", "等级", "category",
        "类别", "status", "状态", "detected", "发现时间", "response", "响应", "recovery", "恢复", "report", "响应报告");
    String order = urgent ? "CASE WHEN responded_at IS NULL THEN 0 ELSE 1 END, " + LiveFigures.SEVERITY_ORDER
        + ", response_due_at, id" : "received_at DESC, id DESC";
    return query(r, "应急事件" + qualifier(title), definition, "rv_emergency", w, order, columns,
        "emergency_no, system_name, unit_name, severity, category, status, detected_at, response_due_at, "
            + "responded_at, recovered_at, closed_at, process_instance_id", (rs, row, links) -> {
          Snapshot.Case c = LiveFigures.toCase(rs, r.now());
          row.put("no", c.emergencyNo());
          row.put("system", c.system());
          row.put("unit", c.unit());
          row.put("severity", c.severity());
          row.put("category", c.category());
          row.put("status", c.status());
          row.put("detected", c.detected());
          row.put("response", c.response());
          Timestamp closedAt = rs.getTimestamp("closed_at");
          row.put("recovery", closedAt == null ? c.recovery() : (c.recoveredAt() == null ? "—"
              : "已于 " + Format.minute(c.recoveredAt()) + " 恢复") + "，" + Format.minute(closedAt.toInstant()) + " 关闭");
          row.put("report", closedAt == null ? "—" : "");
          return rs.getString("process_instance_id");
        }, rows -> reportLinks(rows, "EMERGENCY_RESPONSE", "no", r));
  }

  /** Fills the report column of closed cases and links their latest report. */
  private void reportLinks(List<Row> rows, String kind, String noColumn, Request r) {
    List<String> subjects = rows.stream().filter(row -> "".equals(row.cells().get("report")))
        .map(row -> row.cells().get(noColumn)).toList();
    if (subjects.isEmpty()) {
      return;
    }
    Map<String, Object[]> latest = new HashMap<>();
    StringBuilder sql = new StringBuilder("SELECT subject_ref, id, version, created_at FROM rv_report_document "
        + "WHERE kind = ? AND subject_ref IN (" + String.join(", ", java.util.Collections.nCopies(subjects.size(), "?"))
        + ")");
    List<Object> params = new ArrayList<>();
    params.add(kind);
    params.addAll(subjects);
    jdbc.sql(sql.toString()).params(params).query((rs, i) -> {
      Object[] v = {rs.getLong(2), rs.getInt(3), rs.getTimestamp(4).toInstant()};
      latest.merge(rs.getString(1), v, (a, b) -> (int) a[1] >= (int) b[1] ? a : b);
      return null;
    }).list();
    Map<String, Instant> firstFiled = new HashMap<>();
    jdbc.sql(sql.toString().replace("subject_ref, id, version, created_at", "subject_ref, MIN(created_at)")
            + " GROUP BY subject_ref").params(params)
        .query((rs, i) -> firstFiled.put(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
    for (Row row : rows) {
      if (!"".equals(row.cells().get("report"))) {
        continue;
      }
      Object[] d = latest.get(row.cells().get(noColumn));
      Instant filed = firstFiled.get(row.cells().get(noColumn));
      row.cells().put("report", d == null ? "未提交" : "已提交（" + Format.minute(filed) + "）");
      if (d != null) {
        row.links().add(new Link("响应报告（第 " + d[1] + " 版）", r.contextPath() + DocumentLinks.path((long) d[0])));
      }
    }
  }

  // ---- work orders

  private ListPage workOrders(Request r) {
    allowed(r, "state", "status", "type", "received");
    List<String> title = new ArrayList<>();
    StringBuilder cond = new StringBuilder("1 = 1");
    List<Object> params = new ArrayList<>();
    String definition = "工单。";
    String state = r.get("state");
    if (state != null) {
      switch (state) {
        case "open" -> {
          cond.append(" AND ").append(LiveFigures.OPEN_WORK_ORDER);
          title.add("未结");
          definition = "全部未关闭的工单，含以前接报的。";
        }
        case "overdue" -> {
          cond.append(" AND ").append(KpiCriteria.WORK_ORDER_OVERDUE);
          params.add(ts(r.now()));
          title.add("逾期未解决");
          definition = Kpi.OPEN_WORK_ORDERS_OVERDUE.definition();
        }
        case "dispatchOverdue" -> {
          cond.append(" AND ").append(LiveFigures.DISPATCH_OVERDUE);
          params.add(ts(r.now()));
          title.add("超过分派时限未分派");
          definition = "已受理、尚未分派且已超过分派时限的工单。";
        }
        case "today" -> {
          cond.append(" AND received_at >= ?");
          params.add(ts(today(r).atStartOfDay(CityTime.ZONE).toInstant()));
          title.add("今日接报");
          definition = "今天（北京时间）接报的全部工单。";
        }
        default -> throw ValidationException.of("state", "取值 open、overdue、dispatchOverdue、today");
      }
    }
    String status = r.get("status");
    if (status != null) {
      if (!Labels.WORK_ORDER_STATUS.containsKey(status)) {
        throw ValidationException.of("status", "取值 " + String.join("、", Labels.WORK_ORDER_STATUS.keySet()));
      }
      cond.append(" AND status = ?");
      params.add(status);
      title.add(Labels.of(Labels.WORK_ORDER_STATUS, status));
    }
    String type = r.get("type");
    if (type != null) {
      if (!Labels.WORK_ORDER_TYPE.containsKey(type)) {
        throw ValidationException.of("type", "取值 " + String.join("、", Labels.WORK_ORDER_TYPE.keySet()));
      }
      cond.append(" AND type = ?");
      params.add(type);
      title.add(Labels.of(Labels.WORK_ORDER_TYPE, type));
    }
    YearMonth received = month(r, "received");
    if (received != null) {
      cond.append(" AND ").append(KpiCriteria.WORK_ORDER_RECEIVED);
      params.add(start(received));
      params.add(end(received));
      title.add(label(received) + "接报");
      definition = "工单类考核指标（按时分派率、按时恢复率、平均解决时长、完成率、满意度、投诉率）的统计对象：本期接报的全部工单。";
    }
    Where w = new Where(r.scope(), cond.toString(), params.toArray());
    List<Column> columns = columns("no", "工单编号", "title", "标题", "unit", "使用单位", "type", "类型", "status", "状态",
        "received", "接报时间", "dispatch", "分派", "recovery", "恢复", "score", "满意度");
    return query(r, "工单" + qualifier(title), definition, "rv_work_order", w, "received_at DESC, id DESC", columns,
        "order_no, title, unit_name, type, status, received_at, dispatch_due_at, dispatched_at, recovery_due_at, "
            + "resolved_at, satisfaction_score, process_instance_id", (rs, row, links) -> {
          row.put("no", rs.getString("order_no"));
          row.put("title", rs.getString("title"));
          row.put("unit", dash(rs.getString("unit_name")));
          row.put("type", Labels.of(Labels.WORK_ORDER_TYPE, rs.getString("type")));
          row.put("status", Labels.of(Labels.WORK_ORDER_STATUS, rs.getString("status")));
          row.put("received", Format.minute(instant(rs, "received_at")));
          row.put("dispatch", deadline(instant(rs, "dispatched_at"), instant(rs, "dispatch_due_at"), r.now(), "分派"));
          row.put("recovery", deadline(instant(rs, "resolved_at"), instant(rs, "recovery_due_at"), r.now(), "解决"));
          int score = rs.getInt("satisfaction_score");
          row.put("score", rs.wasNull() ? "—" : score + " 分");
          return rs.getString("process_instance_id");
        }, null);
  }

  static String deadline(Instant done, Instant due, Instant now, String verb) {
    if (done != null) {
      return "已于 " + Format.minute(done) + " " + verb + (due == null ? "" : done.isAfter(due) ? "（超时）" : "（按时）");
    }
    if (due == null) {
      return "—";
    }
    return now.isAfter(due) ? "已超时 " + Format.duration(Duration.between(due, now))
        : "须在 " + Format.minute(due) + " 前" + verb;
  }

  // ---- alerts

  private ListPage alerts(Request r) {
    allowed(r, "state", "problem", "severity");
    List<String> title = new ArrayList<>();
    StringBuilder cond = new StringBuilder();
    List<Object> params = new ArrayList<>();
    String state = r.get("state") == null ? "open" : r.get("state");
    switch (state) {
      case "open" -> {
        cond.append("status = 'OPEN'");
        title.add("未关闭");
      }
      case "today" -> {
        cond.append("first_seen_at >= ?");
        params.add(ts(today(r).atStartOfDay(CityTime.ZONE).toInstant()));
        title.add("今日新增");
      }
      default -> throw ValidationException.of("state", "取值 open、today");
    }
    String problem = r.get("problem");
    if (problem != null) {
      if (!PROBLEM.matcher(problem).matches()) {
        throw ValidationException.of("problem", "告警问题的取值如 CPU_HIGH、STORAGE_LOW");
      }
      cond.append(" AND problem = ?");
      params.add(problem);
      title.add(Labels.problem(problem));
    }
    String severity = r.get("severity");
    if (severity != null) {
      if (!Labels.ALERT_SEVERITY.containsKey(severity)) {
        throw ValidationException.of("severity", "取值 SEVERE、BREACH");
      }
      cond.append(" AND severity = ?");
      params.add(severity);
      title.add(Labels.of(Labels.ALERT_SEVERITY, severity));
    }
    Where w = new Where(r.scope(), cond.toString(), params.toArray());
    List<Column> columns = columns("no", "告警编号", "resource", "资源", "unit", "使用单位", "system", "业务系统", "problem",
        "问题", "severity", "程度", "value", "最差值（正常范围）", "first", "首次发现", "last", "最近采样", "status", "状态");
    return query(r, "监控告警" + qualifier(title), "监控指标超出 DB4401/T 294.3 附录 B 阈值的告警；恢复到正常范围即关闭。",
        "rv_monitoring_alert", w, "CASE WHEN severity = 'SEVERE' THEN 0 ELSE 1 END, first_seen_at DESC, id DESC",
        columns, "alert_no, resource_id, unit_name, system_name, problem, metric, severity, worst_value, lower_limit, "
            + "upper_limit, first_seen_at, last_seen_at, status, case_instance_id", (rs, row, links) -> {
          row.put("no", dash(rs.getString("alert_no")));
          row.put("resource", rs.getString("resource_id"));
          row.put("unit", dash(rs.getString("unit_name")));
          row.put("system", dash(rs.getString("system_name")));
          row.put("problem", Labels.problem(rs.getString("problem")));
          row.put("severity", Labels.of(Labels.ALERT_SEVERITY, rs.getString("severity")));
          String unit = "SYNC".equals(rs.getString("metric")) ? " 分钟" : "%";
          BigDecimal lower = rs.getBigDecimal("lower_limit");
          BigDecimal upper = rs.getBigDecimal("upper_limit");
          row.put("value", plain(rs.getBigDecimal("worst_value")) + unit + "（" + (lower == null ? "" : plain(lower))
              + "–" + (upper == null ? "" : plain(upper)) + unit + "）");
          row.put("first", Format.minute(instant(rs, "first_seen_at")));
          row.put("last", Format.minute(instant(rs, "last_seen_at")));
          row.put("status", "OPEN".equals(rs.getString("status")) ? "未关闭" : "已恢复");
          return rs.getString("case_instance_id");
        }, null);
  }

  // ---- inspection

  private ListPage findings(Request r) {
    allowed(r, "quarter", "state");
    StringBuilder cond = new StringBuilder("1 = 1");
    List<Object> params = new ArrayList<>();
    List<String> title = new ArrayList<>();
    String quarter = r.get("quarter");
    if (quarter != null) {
      if (!QUARTER.matcher(quarter).matches()) {
        throw ValidationException.of("quarter", "季度格式如 2026Q4");
      }
      cond.append(" AND inspection_id IN (SELECT id FROM rv_inspection WHERE quarter_key = ?)");
      params.add(quarter);
      title.add(Statistics.quarterLabel(quarter));
    }
    if ("open".equals(r.get("state"))) {
      cond.append(" AND status IN ('OPEN', 'FOLLOWING')");
      title.add("未整改");
    } else if (r.get("state") != null) {
      throw ValidationException.of("state", "取值 open");
    }
    Where w = new Where(Scope.all(), cond.toString(), params.toArray());
    return query(r, "巡检发现的问题" + qualifier(title), "巡检中发现的问题，异常项转工单跟进直至整改。", "rv_inspection_finding", w,
        "created_at DESC, id DESC", columns("no", "问题编号", "inspection", "巡检编号", "title", "问题", "severity", "严重程度",
            "unit", "使用单位", "status", "状态", "created", "发现时间"),
        "finding_no, inspection_no, title, severity, unit_name, status, created_at, case_instance_id",
        (rs, row, links) -> {
          row.put("no", rs.getString("finding_no"));
          row.put("inspection", rs.getString("inspection_no"));
          row.put("title", rs.getString("title"));
          row.put("severity", Labels.of(Labels.FINDING_SEVERITY, rs.getString("severity")));
          row.put("unit", dash(rs.getString("unit_name")));
          row.put("status", Labels.of(Labels.FINDING_STATUS, rs.getString("status")));
          row.put("created", Format.minute(instant(rs, "created_at")));
          return rs.getString("case_instance_id");
        }, null);
  }

  private ListPage inspections(Request r) {
    allowed(r);
    Where w = new Where(Scope.all(), "1 = 1");
    return query(r, "巡检", Kpi.INSPECTION_COMPLETION.label() + "：" + Kpi.INSPECTION_COMPLETION.definition(),
        "rv_inspection", w, "created_at DESC, id DESC", columns("no", "巡检编号", "kind", "类型", "quarter", "季度", "status",
            "状态", "due", "完成期限", "areas", "已检区域", "findings", "未整改问题", "report", "巡检报告"),
        "inspection_no, kind, quarter_key, status, due_at, areas, areas_done, findings, findings_open, report_id, "
            + "process_instance_id", (rs, row, links) -> {
          row.put("no", rs.getString("inspection_no"));
          row.put("kind", Labels.of(Labels.INSPECTION_KIND, rs.getString("kind")));
          String q = rs.getString("quarter_key");
          row.put("quarter", q == null ? "—" : Statistics.quarterLabel(q));
          row.put("status", Labels.of(Labels.INSPECTION_STATUS, rs.getString("status")));
          row.put("due", Format.minute(instant(rs, "due_at")));
          row.put("areas", rs.getLong("areas_done") + " / " + rs.getLong("areas"));
          row.put("findings", rs.getLong("findings_open") + " / " + rs.getLong("findings"));
          long report = rs.getLong("report_id");
          boolean reported = !rs.wasNull();
          row.put("report", reported ? "已归档" : "—");
          if (reported) {
            links.add(new Link("巡检报告", r.contextPath() + DocumentLinks.path(report)));
          }
          return rs.getString("process_instance_id");
        }, null);
  }

  // ---- resource applications

  private ListPage applications(Request r) {
    allowed(r, "closed");
    YearMonth closed = month(r, "closed");
    StringBuilder cond = new StringBuilder("1 = 1");
    List<Object> params = new ArrayList<>();
    String title = "云资源申请";
    String definition = "云资源申请。";
    if (closed != null) {
      cond.append(" AND ").append(KpiCriteria.APPLICATION_CLOSED);
      params.add(start(closed));
      params.add(end(closed));
      title += "（" + label(closed) + "办结）";
      definition = Kpi.RESOURCE_ORDER_COMPLETION.label() + "的统计对象：" + Kpi.RESOURCE_ORDER_COMPLETION.definition();
    }
    Where w = new Where(r.scope(), cond.toString(), params.toArray());
    return query(r, title, definition, "rv_resource_application", w, "created_at DESC, id DESC",
        columns("no", "申请编号", "unit", "使用单位", "system", "业务系统", "status", "状态", "created", "提交时间", "closed",
            "办结时间"),
        "application_no, unit_name, system_name, status, created_at, closed_at, process_instance_id",
        (rs, row, links) -> {
          row.put("no", rs.getString("application_no"));
          row.put("unit", dash(rs.getString("unit_name")));
          row.put("system", dash(rs.getString("system_name")));
          row.put("status", Labels.of(Labels.APPLICATION_STATUS, rs.getString("status")));
          row.put("created", Format.minute(instant(rs, "created_at")));
          row.put("closed", Format.minute(instant(rs, "closed_at")));
          return rs.getString("process_instance_id");
        }, null);
  }

  // ---- optimisation

  private ListPage idle(Request r) {
    allowed(r, "unit");
    Optional<Review> review = statistics.latestReview();
    String definition = "按 DB4401/T 294.3 附录 C 判定为缩容或撤销回收候选的资源，与该期资源使用效能分析报告相同。";
    if (review.isEmpty()) {
      return empty(r, "闲置资源", "尚无完成统计的资源优化评审。" + definition, columns("resource", "资源"));
    }
    StringBuilder cond = new StringBuilder("review_id = ? AND action IN ('SCALE_DOWN', 'REVOKE')");
    List<Object> params = new ArrayList<>(List.of(review.get().id()));
    String unit = unit(r, cond, params);
    Where w = new Where(r.scope(), cond.toString(), params.toArray());
    return query(r, "闲置资源（缩容与撤销回收候选）" + (unit == null ? "" : "：" + organization.unitName(unit)),
        review.get().label() + "。" + definition, "rv_optimization_candidate", w, "monthly_cost DESC, id",
        columns("resource", "资源", "unit", "使用单位", "system", "业务系统", "type", "类型", "action", "建议", "rule", "依据",
            "cost", "月费用", "saving", "预计每月节约", "decision", "审核"),
        "resource_id, unit_name, system_name, type, action, rule_label, monthly_cost, estimated_saving, decision",
        (rs, row, links) -> {
          row.put("resource", rs.getString("resource_id"));
          row.put("unit", dash(rs.getString("unit_name")));
          row.put("system", dash(rs.getString("system_name")));
          row.put("type", Labels.of(Labels.RESOURCE_TYPE, rs.getString("type")));
          row.put("action", Labels.of(Labels.CANDIDATE_ACTION, rs.getString("action")));
          row.put("rule", rs.getString("rule_label"));
          row.put("cost", Format.yuan(rs.getBigDecimal("monthly_cost")));
          row.put("saving", Format.yuan(rs.getBigDecimal("estimated_saving")));
          row.put("decision", Labels.of(Labels.DECISION, rs.getString("decision")));
          return null;
        }, null);
  }

  private ListPage costs(Request r) {
    allowed(r, "unit");
    Optional<Review> review = statistics.latestReview();
    List<Column> columns = columns("unit", "使用单位", "resources", "资源数", "cost", "本期费用", "idle", "闲置资源",
        "idleCost", "闲置资源费用", "cpu", "CPU 利用率");
    String definition = "按价目表计算的本期资源费用，与该期资源使用效能分析报告的“各单位费用”相同；闲置资源为附录 C 的缩容与撤销回收候选。";
    if (review.isEmpty()) {
      return empty(r, "各单位资源费用", "尚无完成统计的资源优化评审。", columns);
    }
    String unit = r.get("unit");
    if (unit != null && !CODE.matcher(unit).matches()) {
      throw ValidationException.of("unit", "单位编码格式不对");
    }
    Map<String, Usage> byUnit = statistics.usageBy(review.get().id(), r.scope(), "unit_code");
    Map<String, String> names = organization.unitNames();
    List<Map.Entry<String, Usage>> sorted = byUnit.entrySet().stream()
        .filter(e -> unit == null || e.getKey().equals(unit))
        .sorted((a, b) -> b.getValue().cost.compareTo(a.getValue().cost)).toList();
    List<Row> rows = new ArrayList<>();
    for (var e : sorted.subList(Math.min(sorted.size(), r.page() * r.size()),
        Math.min(sorted.size(), (r.page() + 1) * r.size()))) {
      Map<String, String> cells = new LinkedHashMap<>();
      Usage u = e.getValue();
      cells.put("unit", names.getOrDefault(e.getKey(), "未登记单位"));
      cells.put("resources", String.valueOf(u.resources));
      cells.put("cost", Format.yuan(u.cost));
      cells.put("idle", String.valueOf(u.idle));
      cells.put("idleCost", Format.yuan(u.idleCost));
      cells.put("cpu", Format.percent(Format.round1(u.cpu())));
      rows.add(new Row(cells, new ArrayList<>()));
    }
    return new ListPage("各单位资源费用" + (unit == null ? "" : "：" + names.getOrDefault(unit, unit)),
        review.get().label() + "。" + definition, Format.second(r.now()), sorted.size(), r.page(), r.size(), columns,
        rows);
  }

  // ---- deliverables

  private ListPage reportsDue(Request r) {
    allowed(r);
    Where w = new Where(r.scope(), "e.unit_code", DeliverablesDue.REPORT_MISSING);
    return query(r, "待提交的应急事件响应报告", "已关闭的应急事件（不含演练）尚未归档响应报告的；报告应在关闭次日 24 时（北京时间）前提交"
            + "（GB/T 34077.3 5.3.7 c），与“" + Kpi.REPORTS_ON_TIME.label() + "”的口径相同。", "rv_emergency e", w,
        "e.closed_at, e.id", columns("no", "事件编号", "system", "业务系统", "unit", "使用单位", "closed", "关闭时间", "due",
            "应提交时间", "status", "状态"),
        "e.emergency_no, e.system_name, e.unit_name, e.closed_at, e.process_instance_id", (rs, row, links) -> {
          Instant closedAt = instant(rs, "closed_at");
          Instant due = KpiService.emergencyReportDue(closedAt);
          row.put("no", rs.getString("emergency_no"));
          row.put("system", dash(rs.getString("system_name")));
          row.put("unit", dash(rs.getString("unit_name")));
          row.put("closed", Format.minute(closedAt));
          row.put("due", Format.minute(due));
          row.put("status", due.isBefore(r.now()) ? "已逾期" : "待提交");
          return rs.getString("process_instance_id");
        }, null);
  }

  private ListPage plans(Request r) {
    allowed(r);
    Instant until = r.now().atZone(CityTime.ZONE).plus(properties.drillLookahead()).toInstant();
    List<PlanDue> plans = deliverables.plansDue(r.scope(), until);
    List<Row> rows = new ArrayList<>();
    for (PlanDue p : plans.subList(Math.min(plans.size(), r.page() * r.size()),
        Math.min(plans.size(), (r.page() + 1) * r.size()))) {
      Map<String, String> cells = new LinkedHashMap<>();
      cells.put("no", p.planNo());
      cells.put("title", p.title());
      cells.put("type", Labels.of(Labels.PLAN_TYPE, p.planType()));
      cells.put("scope", p.systemName() != null ? p.systemName() : p.unitName() != null ? p.unitName() : "全平台");
      cells.put("due", Format.minute(p.due()));
      cells.put("status", p.drilling() ? "演练进行中" : p.due().isBefore(r.now()) ? "逾期未演练" : "待演练");
      List<Link> links = new ArrayList<>();
      if (p.lastReportId() != null) {
        links.add(new Link("上次演练报告", r.contextPath() + DocumentLinks.path(p.lastReportId())));
      }
      rows.add(new Row(cells, links));
    }
    return new ListPage("应急预案的演练安排", "按预案类型规定的演练频次（应用级容灾每年至少 1 次、数据级容灾每年至少 2 次、安全应急每年至少 1 次，"
        + "GB/T 34077.3 8.2.7、8.2.8）计算下次应演练时间：自上次演练（未演练过的自预案编制）起算。列出已逾期和 "
        + properties.drillLookahead().getDays() + " 天内到期的预案。", Format.second(r.now()), plans.size(), r.page(),
        r.size(), columns("no", "预案编号", "title", "预案", "type", "类型", "scope", "范围", "due", "应演练时间", "status",
            "状态"), rows);
  }

  private ListPage documents(Request r) {
    allowed(r, "kind");
    StringBuilder cond = new StringBuilder("d.version = (SELECT MAX(x.version) FROM rv_report_document x "
        + "WHERE x.kind = d.kind AND x.subject_ref = d.subject_ref)");
    List<Object> params = new ArrayList<>();
    String kind = r.get("kind");
    if (kind != null) {
      if (!Labels.REPORT_KIND.containsKey(kind)) {
        throw ValidationException.of("kind", "取值 " + String.join("、", Labels.REPORT_KIND.keySet()));
      }
      cond.append(" AND d.kind = ?");
      params.add(kind);
    }
    Where w = new Where(r.scope(), "d.unit_code", cond.toString(), params.toArray());
    return query(r, kind == null ? "文档" : Labels.of(Labels.REPORT_KIND, kind), "已归档文档的最新版本；使用单位人员只能查看本单位的文档。",
        "rv_report_document d", w, "d.created_at DESC, d.id DESC", columns("title", "文档", "kind", "类型", "version",
            "版本", "created", "生成时间"), "d.id, d.title, d.kind, d.version, d.created_at, d.process_instance_id",
        (rs, row, links) -> {
          row.put("title", rs.getString("title"));
          row.put("kind", Labels.of(Labels.REPORT_KIND, rs.getString("kind")));
          row.put("version", "第 " + rs.getInt("version") + " 版");
          row.put("created", Format.minute(instant(rs, "created_at")));
          links.add(new Link("打开文档", r.contextPath() + DocumentLinks.path(rs.getLong("id"))));
          return null;
        }, null);
  }

  // ---- common

  /** Maps one result row into the cells, may add links, and returns the row's process instance (or null). */
  @FunctionalInterface
  interface RowMapper {
    String map(ResultSet rs, Map<String, String> cells, List<Link> links) throws SQLException;
  }

  private ListPage query(Request r, String title, String definition, String from, Where w, String order,
      List<Column> columns, String select, RowMapper mapper, java.util.function.Consumer<List<Row>> after) {
    if (!w.any) {
      return new ListPage(title, definition, Format.second(r.now()), 0, r.page(), r.size(), columns, List.of());
    }
    long total = jdbc.sql("SELECT COUNT(*) FROM " + from + " WHERE " + w.sql).params(w.params).query(Long.class)
        .single();
    List<String> instances = new ArrayList<>();
    List<Row> rows = jdbc.sql("SELECT " + select + " FROM " + from + " WHERE " + w.sql + " ORDER BY " + order
            + " OFFSET " + ((long) r.page() * r.size()) + " ROWS FETCH NEXT " + r.size() + " ROWS ONLY")
        .params(w.params).query((rs, i) -> {
          Map<String, String> cells = new LinkedHashMap<>();
          List<Link> links = new ArrayList<>();
          instances.add(mapper.map(rs, cells, links));
          return new Row(cells, links);
        }).list();
    if (after != null) {
      after.accept(rows);
    }
    Map<String, List<Link>> caseLinksById = caseLinks.of(instances, caseLinks.cockpit(r.caller()), r.contextPath());
    for (int i = 0; i < rows.size(); i++) {
      String instance = instances.get(i);
      if (instance != null && caseLinksById.containsKey(instance)) {
        rows.get(i).links().addAll(0, caseLinksById.get(instance));
      }
    }
    return new ListPage(title, definition, Format.second(r.now()), total, r.page(), r.size(), columns, rows);
  }

  private static ListPage empty(Request r, String title, String definition, List<Column> columns) {
    return new ListPage(title, definition, Format.second(r.now()), 0, r.page(), r.size(), columns, List.of());
  }

  private static String unit(Request r, StringBuilder cond, List<Object> params) {
    String unit = r.get("unit");
    if (unit != null) {
      if (!CODE.matcher(unit).matches()) {
        throw ValidationException.of("unit", "单位编码格式不对");
      }
      cond.append(" AND unit_code = ?");
      params.add(unit);
    }
    return unit;
  }

  private static void allowed(Request r, String... keys) {
    Set<String> known = Set.of(keys);
    for (String k : r.filter().keySet()) {
      if (!known.contains(k)) {
        throw ValidationException.of(k, "此清单不支持这个条件");
      }
    }
  }

  private static YearMonth month(Request r, String key) {
    String v = r.get(key);
    if (v == null) {
      return null;
    }
    try {
      return YearMonth.parse(v);
    } catch (DateTimeParseException e) {
      throw ValidationException.of(key, "月份格式如 2026-11");
    }
  }

  private static int integer(String v, int fallback, String key) {
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw ValidationException.of(key, "应为整数");
    }
  }

  private static LocalDate today(Request r) {
    return r.now().atZone(CityTime.ZONE).toLocalDate();
  }

  private static Timestamp start(YearMonth m) {
    return Timestamp.from(m.atDay(1).atStartOfDay(WorkingCalendar.CHINA).toInstant());
  }

  private static Timestamp end(YearMonth m) {
    return Timestamp.from(m.plusMonths(1).atDay(1).atStartOfDay(WorkingCalendar.CHINA).toInstant());
  }

  private static String label(YearMonth m) {
    return m.getYear() + " 年 " + m.getMonthValue() + " 月";
  }

  private static String qualifier(List<String> parts) {
    return parts.isEmpty() ? "" : "（" + String.join("，", parts) + "）";
  }

  private static List<Column> columns(String... kv) {
    List<Column> out = new ArrayList<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.add(new Column(kv[i], kv[i + 1]));
    }
    return out;
  }

  private static String dash(String s) {
    return s == null || s.isBlank() ? "—" : s;
  }

  private static String plain(BigDecimal v) {
    return v == null ? "—" : v.stripTrailingZeros().toPlainString();
  }

  static Timestamp ts(Instant at) {
    return Timestamp.from(at);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return LiveFigures.instant(rs, column);
  }
}
