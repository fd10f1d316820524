package cn.gov.gz.govcloud.dashboard;

import static cn.gov.gz.govcloud.engine.Sql.ts;
import static cn.gov.gz.govcloud.engine.Sql.instant;

import cn.gov.gz.govcloud.dashboard.Snapshot.Alerts;
import cn.gov.gz.govcloud.dashboard.Snapshot.Case;
import cn.gov.gz.govcloud.dashboard.Snapshot.Chart;
import cn.gov.gz.govcloud.dashboard.Snapshot.ChartSeries;
import cn.gov.gz.govcloud.dashboard.Snapshot.Emergencies;
import cn.gov.gz.govcloud.dashboard.Snapshot.Figure;
import cn.gov.gz.govcloud.dashboard.Snapshot.ListRef;
import cn.gov.gz.govcloud.dashboard.Snapshot.WorkOrders;
import cn.gov.gz.govcloud.kpi.Kpi;
import cn.gov.gz.govcloud.kpi.KpiCriteria;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The live figures: open emergencies with their clocks, work orders by state and the overdue ones, open threshold
 * alerts. Read from the reporting views at every refresh (the service keeps them a few seconds); the counts that are
 * KPIs use the KPI's own condition ({@link KpiCriteria}), so the screen and the documents count the same cases.
 */
@Component
class LiveFigures {

  /** How many open emergencies the panel lists with their clocks (the rest are in the list behind it). */
  static final int CASES = 12;
  static final String RECOVERY_NOTE = "恢复时限尚未纳入系统：此处显示是否已恢复，以及自发现以来的时长。";
  /** Open, not a drill: the emergencies the panel counts. */
  static final String OPEN_EMERGENCY = "status <> 'CLOSED' AND drill = FALSE";
  static final String WAITING_EMERGENCY = "status = 'OPEN' AND drill = FALSE";
  static final String OPEN_WORK_ORDER = "status <> 'CLOSED'";
  static final String DISPATCH_OVERDUE = "status = 'RECEIVED' AND dispatched_at IS NULL AND dispatch_due_at < ?";
  static final String SEVERITY_ORDER = "CASE severity WHEN '特别重大' THEN 0 WHEN '重大' THEN 1 WHEN '较大' THEN 2 "
      + "WHEN '一般' THEN 3 ELSE 4 END";

  private final JdbcClient jdbc;

  LiveFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Emergencies emergencies(Scope scope, Instant now) {
    Map<String, long[]> byLevel = new LinkedHashMap<>();
    Labels.SEVERITIES.forEach(s -> byLevel.put(s, new long[3]));
    Where w = new Where(scope, OPEN_EMERGENCY);
    if (w.any) {
      jdbc.sql("SELECT severity, status, COUNT(*) FROM rv_emergency WHERE " + w.sql + " GROUP BY severity, status")
          .params(w.params).query((rs, i) -> {
            long[] c = byLevel.computeIfAbsent(Labels.SEVERITIES.contains(rs.getString(1)) ? rs.getString(1) : "待定",
                k -> new long[3]);
            int slot = switch (rs.getString(2)) {
              case "OPEN" -> 0;
              case "RESPONDED" -> 1;
              default -> 2;
            };
            c[slot] += rs.getLong(3);
            return null;
          }).list();
    }
    long open = byLevel.values().stream().mapToLong(c -> c[0] + c[1] + c[2]).sum();
    long waiting = byLevel.values().stream().mapToLong(c -> c[0]).sum();
    long recovered = byLevel.values().stream().mapToLong(c -> c[2]).sum();
    long overdue = count("rv_emergency", scope, KpiCriteria.EMERGENCY_NOT_RESPONDED_OVERDUE, ts(now));
    List<String> levels = List.copyOf(byLevel.keySet());
    List<ChartSeries> series = new ArrayList<>();
    String[] names = {"待响应", "处置中", "已恢复待验证"};
    String[] states = {"waiting", "responded", "recovered"};
    for (int s = 0; s < 3; s++) {
      int slot = s;
      series.add(new ChartSeries(names[s], levels.stream().map(l -> byLevel.get(l)[slot]).toList(),
          levels.stream().map(l -> ListRef.of("emergencies", "state", states[slot], "severity", l)).toList()));
    }
    List<Case> cases = w.any ? cases(w, now) : List.of();
    return new Emergencies(
        new Figure("未结应急事件", open, "起", "全部未关闭的应急事件（不含演练），含以前接报的。", ListRef.of("emergencies", "state", "open")),
        new Figure("待响应", waiting, "起", "已接报、尚未响应的应急事件（不含演练）。", ListRef.of("emergencies", "state", "waiting")),
        new Figure(Kpi.OPEN_EMERGENCIES_NOT_RESPONDED.label(), overdue, "起",
            Kpi.OPEN_EMERGENCIES_NOT_RESPONDED.definition(), ListRef.of("emergencies", "state", "overdue")),
        new Figure("已恢复待验证", recovered, "起", "处置完毕、等待使用单位验证业务恢复的应急事件（不含演练）。",
            ListRef.of("emergencies", "state", "recovered")),
        new Chart(levels, series), cases, Math.max(0, open - cases.size()), RECOVERY_NOTE);
  }

  private List<Case> cases(Where w, Instant now) {
    return jdbc.sql("SELECT emergency_no, system_name, unit_name, severity, category, status, detected_at, "
            + "response_due_at, responded_at, recovered_at FROM rv_emergency WHERE " + w.sql
            + " ORDER BY CASE WHEN responded_at IS NULL THEN 0 ELSE 1 END, " + SEVERITY_ORDER
            + ", response_due_at, id FETCH FIRST " + CASES + " ROWS ONLY")
        .params(w.params).query((rs, i) -> toCase(rs, now)).list();
  }

  static Case toCase(ResultSet rs, Instant now) throws SQLException {
    Instant detected = instant(rs, "detected_at");
    Instant due = instant(rs, "response_due_at");
    Instant responded = instant(rs, "responded_at");
    Instant recovered = instant(rs, "recovered_at");
    String severity = rs.getString("severity");
    boolean classified = !"待定".equals(severity);
    String response;
    boolean late;
    if (responded != null) {
      late = responded.isAfter(due);
      response = "已于 " + Format.minute(responded) + " 响应（" + (late ? "超时" : "按时") + "）";
    } else if (!classified) {
      late = false;
      response = "分级后计时";
    } else if (now.isAfter(due)) {
      late = true;
      response = "已超时 " + Format.duration(Duration.between(due, now)) + " 未响应";
    } else {
      late = false;
      response = "剩余 " + Format.duration(Duration.between(now, due)) + "（" + Format.minute(due) + " 前）";
    }
    String recovery = recovered != null
        ? "已于 " + Format.minute(recovered) + " 恢复（发现后 " + Format.duration(Duration.between(detected, recovered)) + "）"
        : "未恢复，距发现 " + Format.duration(Duration.between(detected, now));
    String no = rs.getString("emergency_no");
    return new Case(no, rs.getString("system_name"), rs.getString("unit_name"), severity,
        Labels.of(Labels.EMERGENCY_CATEGORY, rs.getString("category")),
        Labels.of(Labels.EMERGENCY_STATUS, rs.getString("status")), Format.minute(detected), detected,
        classified ? due : null, responded, recovered, response, late, recovery,
        ListRef.of("emergencies", "no", no));
  }

  WorkOrders workOrders(Scope scope, Instant now, Instant todayStart) {
    Map<String, Long> byStatus = new LinkedHashMap<>();
    Labels.WORK_ORDER_STATUS.keySet().stream().filter(s -> !"CLOSED".equals(s)).forEach(s -> byStatus.put(s, 0L));
    Map<String, Long> byType = new LinkedHashMap<>();
    Labels.WORK_ORDER_TYPE.keySet().forEach(t -> byType.put(t, 0L));
    Where w = new Where(scope, OPEN_WORK_ORDER);
    if (w.any) {
      jdbc.sql("SELECT status, type, COUNT(*) FROM rv_work_order WHERE " + w.sql + " GROUP BY status, type")
          .params(w.params).query((rs, i) -> {
            byStatus.merge(rs.getString(1), rs.getLong(3), Long::sum);
            byType.merge(rs.getString(2), rs.getLong(3), Long::sum);
            return null;
          }).list();
    }
    long open = byStatus.values().stream().mapToLong(Long::longValue).sum();
    long overdue = count("rv_work_order", scope, KpiCriteria.WORK_ORDER_OVERDUE, ts(now));
    long dispatchOverdue = count("rv_work_order", scope, DISPATCH_OVERDUE, ts(now));
    long today = count("rv_work_order", scope, "received_at >= ?", ts(todayStart));
    List<String> statuses = List.copyOf(byStatus.keySet());
    List<String> types = List.copyOf(byType.keySet());
    return new WorkOrders(
        new Figure("未结工单", open, "件", "全部未关闭的工单，含以前接报的。", ListRef.of("work-orders", "state", "open")),
        new Figure(Kpi.OPEN_WORK_ORDERS_OVERDUE.label(), overdue, "件", Kpi.OPEN_WORK_ORDERS_OVERDUE.definition(),
            ListRef.of("work-orders", "state", "overdue")),
        new Figure("超过分派时限未分派", dispatchOverdue, "件", "已受理、尚未分派且已超过分派时限的工单（故障 30 分钟、投诉 15 分钟、"
            + "其他 4 小时；3、4 级服务按工作时间计）。", ListRef.of("work-orders", "state", "dispatchOverdue")),
        new Figure("今日接报", today, "件", "今天（北京时间）接报的全部工单。", ListRef.of("work-orders", "state", "today")),
        new Chart(statuses.stream().map(s -> Labels.of(Labels.WORK_ORDER_STATUS, s)).toList(), List.of(
            new ChartSeries("工单数", statuses.stream().map(byStatus::get).toList(),
                statuses.stream().map(s -> ListRef.of("work-orders", "status", s)).toList()))),
        new Chart(types.stream().map(t -> Labels.of(Labels.WORK_ORDER_TYPE, t)).toList(), List.of(
            new ChartSeries("未结工单", types.stream().map(byType::get).toList(),
                types.stream().map(t -> ListRef.of("work-orders", "state", "open", "type", t)).toList()))));
  }

  Alerts alerts(Scope scope, Instant todayStart) {
    Map<String, long[]> byProblem = new HashMap<>();
    Where w = new Where(scope, "status = 'OPEN'");
    if (w.any) {
      jdbc.sql("SELECT problem, severity, COUNT(*) FROM rv_monitoring_alert WHERE " + w.sql
              + " GROUP BY problem, severity")
          .params(w.params).query((rs, i) -> {
            byProblem.computeIfAbsent(rs.getString(1), k -> new long[2])["SEVERE".equals(rs.getString(2)) ? 0 : 1] +=
                rs.getLong(3);
            return null;
          }).list();
    }
    List<String> problems = byProblem.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
        .map(Map.Entry::getKey).toList();
    long open = byProblem.values().stream().mapToLong(c -> c[0] + c[1]).sum();
    long severe = byProblem.values().stream().mapToLong(c -> c[0]).sum();
    long today = count("rv_monitoring_alert", scope, "first_seen_at >= ?", ts(todayStart));
    List<ChartSeries> series = List.of(
        new ChartSeries("严重越限", problems.stream().map(p -> byProblem.get(p)[0]).toList(),
            problems.stream().map(p -> ListRef.of("alerts", "problem", p, "severity", "SEVERE")).toList()),
        new ChartSeries("越限", problems.stream().map(p -> byProblem.get(p)[1]).toList(),
            problems.stream().map(p -> ListRef.of("alerts", "problem", p, "severity", "BREACH")).toList()));
    return new Alerts(
        new Figure("未关闭告警", open, "条", "监控指标超出 DB4401/T 294.3 附录 B 阈值、尚未恢复到正常范围的告警。",
            ListRef.of("alerts", "state", "open")),
        new Figure("严重越限", severe, "条", "未关闭告警中超过严重阈值（直接转应急事件）的告警。",
            ListRef.of("alerts", "state", "open", "severity", "SEVERE")),
        new Figure("今日新增告警", today, "条", "今天（北京时间）首次发现的告警，含已恢复的。", ListRef.of("alerts", "state", "today")),
        new Chart(problems.stream().map(Labels::problem).toList(), series));
  }

  private long count(String view, Scope scope, String condition, Object... params) {
    Where w = new Where(scope, condition, params);
    return w.any ? jdbc.sql("SELECT COUNT(*) FROM " + view + " WHERE " + w.sql).params(w.params).query(Long.class)
        .single() : 0;
  }

  /** A condition with its parameters, restricted to the scope's units ({@code any} false: nothing to read). */
  static final class Where {
    final String sql;
    final List<Object> params;
    final boolean any;

    Where(Scope scope, String condition, Object... params) {
      this(scope, "unit_code", condition, params);
    }

    Where(Scope scope, String unitColumn, String condition, Object... params) {
      StringBuilder sql = new StringBuilder("(").append(condition).append(')');
      List<Object> p = new ArrayList<>(List.of(params));
      this.any = scope.restrict(unitColumn, sql, p);
      this.sql = sql.toString();
      this.params = p;
    }
  }
}
