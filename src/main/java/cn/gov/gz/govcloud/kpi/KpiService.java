package cn.gov.gz.govcloud.kpi;

import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.kpi.KpiReport.Compliance;
import cn.gov.gz.govcloud.kpi.KpiReport.Efficiency;
import cn.gov.gz.govcloud.kpi.KpiReport.EmergencyResponses;
import cn.gov.gz.govcloud.kpi.KpiReport.Quality;
import cn.gov.gz.govcloud.kpi.KpiReport.Satisfaction;
import cn.gov.gz.govcloud.kpi.KpiReport.Staff;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes the KPIs of a period from what happened, never from typed-in figures: our tables (emergencies, work
 * orders, applications, ledger, reports) and Camunda's history (tasks, ended instances). Days are China days.
 * Emergencies run by a drill ({@code emergency.drill}) are not production work and count in no KPI. Each figure is
 * computed as its {@link Kpi} definition says; documents print that definition.
 */
@Implements(value = "P3 7.3.2",
    what = "考核评价指标：响应时效、工单完成时效、巡检完成率、订单和工单完成率、满意度、投诉率等")
@Implements(value = "GB 8.4.2 c 7", what = "关键 KPI 统计")
@Implements(value = "P6 附录 B.1 第 13 项", what = "故障处理效率的数据：工单按时分派率、按时恢复率、平均解决时长")
@Implements(value = "P6 附录 B.1 第 15 项", what = "服务满意度的数据：满意度平均分")
@Implements(value = "P6 附录 B.2 第 1 项", what = "运营服务完成情况的数据：资源订单完成率、工单完成率")
@Implements(value = "P6 附录 B.2 第 6 项", what = "用户满意度的数据：满意度平均分、投诉率")
@Service
public class KpiService {

  static final ZoneId CHINA = WorkingCalendar.CHINA;
  /** The mark a task of a drill-mode case carries before its name (see emergency.DrillTaskMarker). */
  static final String DRILL_MARK = "【演练】";

  private final JdbcClient jdbc;
  private final HistoryService history;
  private final Clock clock;

  KpiService(JdbcClient jdbc, HistoryService history, Clock clock) {
    this.jdbc = jdbc;
    this.history = history;
    this.clock = clock;
  }

  public KpiReport compute(LocalDate from, LocalDate to) {
    Timestamp start = Timestamp.from(from.atStartOfDay(CHINA).toInstant());
    Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(CHINA).toInstant());
    return new KpiReport(from, to, efficiency(start, end), quality(start, end), satisfaction(start, end),
        compliance(start, end), staff(start, end), teams(start, end), Kpi.all());
  }

  /**
   * The figures of {@link Kpi} for a period, computed exactly as {@link #compute} computes them, without what only the
   * documents need (the tasks per person and per team, the instances ended without a reason: those read the engine's
   * history of every task and instance of the period, which a screen refreshed every few minutes should not).
   */
  public Map<Kpi, Double> figures(LocalDate from, LocalDate to) {
    Timestamp start = Timestamp.from(from.atStartOfDay(CHINA).toInstant());
    Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(CHINA).toInstant());
    // the per-person, per-team and cancelled-instance parts stay empty: no Kpi reads them
    KpiReport figuresOnly = new KpiReport(from, to, efficiency(start, end), quality(start, end),
        satisfaction(start, end), new Compliance(0, reportsOnTime(start, end)), List.of(), List.of(), Kpi.all());
    return Kpi.valuesIn(figuresOnly);
  }

  private Efficiency efficiency(Timestamp start, Timestamp end) {
    Map<String, Double> bySeverity = new TreeMap<>();
    jdbc.sql("SELECT severity, SUM(CASE WHEN responded_at <= response_due_at THEN 1 ELSE 0 END), COUNT(*) "
            + "FROM rv_emergency WHERE received_at >= ? AND received_at < ? AND responded_at IS NOT NULL "
            + "AND drill = FALSE GROUP BY severity")
        .params(start, end)
        .query((rs, i) -> {
          bySeverity.put(rs.getString(1), rate(rs.getLong(2), rs.getLong(3)));
          return rs.getString(1);
        }).list();
    Timestamp now = Timestamp.from(clock.instant());
    EmergencyResponses responses = jdbc.sql("SELECT COUNT(*), "
            + "SUM(CASE WHEN responded_at IS NOT NULL THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN responded_at IS NOT NULL AND responded_at <= response_due_at THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN responded_at IS NULL THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN responded_at IS NULL AND response_due_at < ? THEN 1 ELSE 0 END) "
            + "FROM rv_emergency WHERE " + KpiCriteria.EMERGENCY_RECEIVED)
        .params(now, start, end)
        .query((rs, i) -> new EmergencyResponses(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
            rs.getLong(5)))
        .single();
    Double emergencyInTime = rate(responses.respondedInTime(), responses.responded());
    Map<Integer, Double> byLevel = new TreeMap<>();
    jdbc.sql("SELECT service_level, SUM(CASE WHEN dispatched_at <= dispatch_due_at THEN 1 ELSE 0 END), COUNT(*) "
            + "FROM rv_work_order WHERE received_at >= ? AND received_at < ? AND dispatched_at IS NOT NULL "
            + "GROUP BY service_level")
        .params(start, end)
        .query((rs, i) -> {
          byLevel.put(rs.getInt(1), rate(rs.getLong(2), rs.getLong(3)));
          return rs.getInt(1);
        }).list();
    Double dispatched = ratio("SELECT SUM(CASE WHEN dispatched_at <= dispatch_due_at THEN 1 ELSE 0 END), COUNT(*) "
        + "FROM rv_work_order WHERE received_at >= ? AND received_at < ? AND dispatched_at IS NOT NULL", start, end);
    Double resolved = ratio("SELECT SUM(CASE WHEN resolved_at <= recovery_due_at THEN 1 ELSE 0 END), COUNT(*) "
        + "FROM rv_work_order WHERE received_at >= ? AND received_at < ? AND resolved_at IS NOT NULL "
        + "AND recovery_due_at IS NOT NULL", start, end);
    List<Double> minutes = jdbc.sql("SELECT received_at, resolved_at, paused_s FROM rv_work_order "
            + "WHERE received_at >= ? AND received_at < ? AND resolved_at IS NOT NULL")
        .params(start, end)
        .query((rs, i) -> (rs.getTimestamp(2).getTime() - rs.getTimestamp(1).getTime()) / 60000.0
            - rs.getLong(3) / 60.0)
        .list();
    Double beats = ratio("SELECT SUM(CASE WHEN ev.on_time THEN 1 ELSE 0 END), COUNT(*) FROM rv_emergency_event ev "
        + "JOIN rv_emergency e ON e.id = ev.emergency_id WHERE ev.kind = 'FEEDBACK' AND e.drill = FALSE "
        + "AND e.received_at >= ? "
        + "AND e.received_at < ?", start, end);
    return new Efficiency(emergencyInTime, bySeverity, responses, dispatched, byLevel, resolved,
        minutes.isEmpty() ? null : minutes.stream().mapToDouble(Double::doubleValue).average().orElse(0),
        beats, inspectionCompletion(start, end));
  }

  /**
   * Inspection completion rate (P3 5.1.3.2, 7.3.2): of the quarters that ended within the period, the share that had
   * their full inspection checked before the quarter ended. Null when no quarter ended in the period.
   */
  private Double inspectionCompletion(Timestamp start, Timestamp end) {
    LocalDate from = start.toInstant().atZone(CHINA).toLocalDate();
    LocalDate to = end.toInstant().atZone(CHINA).toLocalDate();
    int due = 0;
    int done = 0;
    for (LocalDate q = LocalDate.of(from.getYear() - 1, 1, 1); q.isBefore(to); q = q.plusMonths(3)) {
      LocalDate quarterEnd = q.plusMonths(3);
      if (quarterEnd.isBefore(from.plusDays(1)) || quarterEnd.isAfter(to)) {
        continue;
      }
      due++;
      String key = q.getYear() + "Q" + ((q.getMonthValue() - 1) / 3 + 1);
      done += jdbc.sql("SELECT COUNT(*) FROM rv_inspection WHERE quarter_key = ? AND checked_at < ?")
          .params(key, Timestamp.from(quarterEnd.atStartOfDay(CHINA).toInstant())).query(Long.class).single() > 0
          ? 1 : 0;
    }
    return due == 0 ? null : (double) done / due;
  }

  private Quality quality(Timestamp start, Timestamp end) {
    Double orders = ratio("SELECT SUM(CASE WHEN status = 'DELIVERED' THEN 1 ELSE 0 END), COUNT(*) "
        + "FROM rv_resource_application WHERE " + KpiCriteria.APPLICATION_CLOSED, start, end);
    Double workOrders = ratio("SELECT SUM(CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END), COUNT(*) FROM rv_work_order "
        + "WHERE " + KpiCriteria.WORK_ORDER_RECEIVED, start, end);
    Number cpu = jdbc.sql("SELECT AVG(cpu_util) FROM rv_inventory_latest WHERE cpu_util IS NOT NULL")
        .query((rs, i) -> java.util.Optional.ofNullable((Number) rs.getObject(1))).single().orElse(null);
    Timestamp now = Timestamp.from(clock.instant());
    long overdue = count("SELECT COUNT(*) FROM rv_work_order WHERE " + KpiCriteria.WORK_ORDER_OVERDUE, now);
    long notResponded = count("SELECT COUNT(*) FROM rv_emergency WHERE " + KpiCriteria.EMERGENCY_NOT_RESPONDED_OVERDUE,
        now);
    return new Quality(orders, workOrders, cpu == null ? null : cpu.doubleValue() / 100.0, overdue, notResponded);
  }

  private Satisfaction satisfaction(Timestamp start, Timestamp end) {
    Map<Integer, Long> distribution = new LinkedHashMap<>();
    for (int s = 1; s <= 5; s++) {
      distribution.put(s, 0L);
    }
    jdbc.sql("SELECT satisfaction_score, COUNT(*) FROM rv_work_order WHERE received_at >= ? AND received_at < ? "
            + "AND satisfaction_score IS NOT NULL GROUP BY satisfaction_score")
        .params(start, end).query((rs, i) -> {
          distribution.put(rs.getInt(1), rs.getLong(2));
          return rs.getInt(1);
        }).list();
    long answered = distribution.values().stream().mapToLong(Long::longValue).sum();
    double sum = distribution.entrySet().stream().mapToDouble(e -> e.getKey() * e.getValue()).sum();
    Double complaints = ratio("SELECT SUM(CASE WHEN type = 'COMPLAINT' THEN 1 ELSE 0 END), COUNT(*) FROM rv_work_order "
        + "WHERE " + KpiCriteria.WORK_ORDER_RECEIVED, start, end);
    return new Satisfaction(answered == 0 ? null : sum / answered, distribution, answered, complaints);
  }

  private Compliance compliance(Timestamp start, Timestamp end) {
    long cancelled = history.createHistoricProcessInstanceQuery().finishedAfter(start).finishedBefore(end)
        .list().stream()
        .filter(p -> p.getState() != null && p.getState().endsWith("_TERMINATED")
            && (p.getDeleteReason() == null || p.getDeleteReason().isBlank()))
        .count();
    return new Compliance(cancelled, reportsOnTime(start, end));
  }

  /**
   * When an emergency's response report is due: by the end of the day after the case closed, Beijing time (GB/T
   * 34077.3 5.3.7 c), as {@link Kpi#REPORTS_ON_TIME} counts it.
   */
  public static Instant emergencyReportDue(Instant closedAt) {
    return closedAt.atZone(CHINA).toLocalDate().plusDays(2).atStartOfDay(CHINA).toInstant();
  }

  /** Emergency response reports filed by the end of the day after the case closed (GB/T 34077.3 5.3.7 c). */
  private Double reportsOnTime(Timestamp start, Timestamp end) {
    List<long[]> reports = jdbc.sql("SELECT e.closed_at, MIN(r.created_at) FROM rv_emergency e "
            + "LEFT JOIN rv_report_document r "
            + "ON r.kind = 'EMERGENCY_RESPONSE' AND r.subject_ref = e.emergency_no "
            + "WHERE " + KpiCriteria.EMERGENCY_CLOSED + " GROUP BY e.id, e.closed_at")
        .params(start, end)
        .query((rs, i) -> {
          Instant closed = rs.getTimestamp(1).toInstant();
          Timestamp filed = rs.getTimestamp(2);
          Instant due = emergencyReportDue(closed);
          return new long[] {filed != null && filed.toInstant().isBefore(due) ? 1 : 0};
        }).list();
    return reports.isEmpty() ? null : reports.stream().mapToLong(r -> r[0]).sum() / (double) reports.size();
  }

  private List<Staff> staff(Timestamp start, Timestamp end) {
    Map<String, long[]> perUser = new TreeMap<>();
    for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().finished()
        .finishedAfter(new Date(start.getTime() - 1)).finishedBefore(new Date(end.getTime())).list()) {
      if (t.getAssignee() == null || t.getDeleteReason() == null || !t.getDeleteReason().equals("completed")
          || (t.getName() != null && t.getName().startsWith(DRILL_MARK))) {
        continue; // drill tasks are rehearsal, not production work
      }
      long[] c = perUser.computeIfAbsent(t.getAssignee(), k -> new long[3]);
      c[0]++;
      if (t.getDueDate() != null) {
        c[1]++;
        if (!t.getEndTime().after(t.getDueDate())) {
          c[2]++;
        }
      }
    }
    List<Staff> out = new ArrayList<>();
    perUser.forEach((user, c) -> out.add(new Staff(user, c[0], c[1] == 0 ? null : (double) c[2] / c[1])));
    return out;
  }

  private List<KpiReport.Team> teams(Timestamp start, Timestamp end) {
    return jdbc.sql("SELECT handler_group, COUNT(*), "
            + "SUM(CASE WHEN resolved_at IS NOT NULL AND resolved_at <= recovery_due_at THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN resolved_at IS NOT NULL THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN reopen_count > 0 THEN 1 ELSE 0 END) FROM rv_work_order "
            + "WHERE received_at >= ? AND received_at < ? AND handler_group IS NOT NULL GROUP BY handler_group "
            + "ORDER BY handler_group")
        .params(start, end)
        .query((rs, i) -> new KpiReport.Team(rs.getString(1), rs.getLong(2), rate(rs.getLong(3), rs.getLong(4)),
            rate(rs.getLong(5), rs.getLong(2))))
        .list();
  }

  private Double ratio(String sql, Timestamp start, Timestamp end) {
    long[] partAndWhole = jdbc.sql(sql).params(start, end).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .single();
    return rate(partAndWhole[0], partAndWhole[1]);
  }

  private long count(String sql, Timestamp at) {
    return jdbc.sql(sql).param(at).query(Long.class).single();
  }

  private static Double rate(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }
}
