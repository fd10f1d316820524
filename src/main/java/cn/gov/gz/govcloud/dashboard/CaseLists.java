package cn.gov.gz.govcloud.dashboard;

import static cn.gov.gz.govcloud.engine.Sql.ts;
import static cn.gov.gz.govcloud.engine.Sql.instant;
import static cn.gov.gz.govcloud.dashboard.ListQuery.*;

import cn.gov.gz.govcloud.dashboard.ListPage.Column;
import cn.gov.gz.govcloud.dashboard.ListPage.Link;
import cn.gov.gz.govcloud.dashboard.ListPage.Row;
import cn.gov.gz.govcloud.dashboard.LiveFigures.Where;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.kpi.Kpi;
import cn.gov.gz.govcloud.kpi.KpiCriteria;
import cn.gov.gz.govcloud.report.DocumentLinks;
import cn.gov.gz.govcloud.web.ValidationException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;


/**
 * The lists of cases behind the figures: emergencies, work orders and monitoring alerts, with their clocks and
 * reports.
 */
@Component
class CaseLists {

  private final ListQuery queries;
  private final JdbcClient jdbc;

  CaseLists(ListQuery queries, JdbcClient jdbc) {
    this.queries = queries;
    this.jdbc = jdbc;
  }

  // ---- emergencies

  ListPage emergencies(Request r) {
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
    return queries.query(r, "应急事件" + qualifier(title), definition, "rv_emergency", w, order, columns,
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

  ListPage workOrders(Request r) {
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
    return queries.query(r, "工单" + qualifier(title), definition, "rv_work_order", w, "received_at DESC, id DESC", columns,
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

  ListPage alerts(Request r) {
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
    return queries.query(r, "监控告警" + qualifier(title), "监控指标超出 DB4401/T 294.3 附录 B 阈值的告警；恢复到正常范围即关闭。",
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
}
