package cn.gov.gz.govcloud.dashboard;

import cn.gov.gz.govcloud.dashboard.LiveFigures.Where;
import cn.gov.gz.govcloud.dashboard.Snapshot.Deliverable;
import cn.gov.gz.govcloud.dashboard.Snapshot.Deliverables;
import cn.gov.gz.govcloud.dashboard.Snapshot.Document;
import cn.gov.gz.govcloud.dashboard.Snapshot.ListRef;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.kpi.KpiService;
import cn.gov.gz.govcloud.kpi.ServiceReport;
import cn.gov.gz.govcloud.report.DocumentLinks;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reports produced and falling due, from what the processes file in the report archive: the register of P3
 * Appendix D deliverables (its page {@value #REGISTER_PAGE}, with the documents waiting for management's approval
 * read from the deliverables room's view {@code rv_deliverable_document}), the monthly service report (generated on
 * the 1st for the month before, published after the manager's review), this quarter's inspection report, the drills
 * the contingency plans require by their schedule with their reports, the emergency response reports due by the end of
 * the day after a case closed (the KPI's rule), and the latest documents. Unit users see their own unit's only, as in
 * the archive.
 */
@Component
class DeliverablesDue {

  static final int DRILLS_SHOWN = 6;
  static final int RECENT = 8;
  static final String NOTE = "附录 D 表 D.1 的 24 项交付物（编制方、频次、最新版本、审批、是否逾期）见交付物登记册；此处按已归档的文档和"
      + "各流程的计划列出应交与已交的报告。";
  /** The deliverables register's page (DB4401/T 294.3 附录 D). */
  static final String REGISTER_PAGE = "/deliverables/";

  /**
   * A closed emergency (no drill) without its response report. NOT IN over the reports of that kind (a hashed set on
   * PostgreSQL whatever the planner's statistics; a correlated NOT EXISTS was planned as a nested loop over every
   * report on freshly loaded tables, 0.7 s at the city's scale).
   */
  static final String REPORT_MISSING = "e.status = 'CLOSED' AND e.drill = FALSE AND e.emergency_no NOT IN (SELECT "
      + "r.subject_ref FROM rv_report_document r WHERE r.kind = 'EMERGENCY_RESPONSE')";

  /** An active plan with its next drill. */
  record PlanDue(String planNo, String title, String planType, String unitName, String systemName, Instant due,
      boolean drilling, Long lastReportId) {}

  private final JdbcClient jdbc;
  private final DrillSchedule drills;

  DeliverablesDue(JdbcClient jdbc, DrillSchedule drills) {
    this.jdbc = jdbc;
    this.drills = drills;
  }

  Deliverables deliverables(Scope scope, Instant now, LocalDate today, Period lookahead, String contextPath) {
    List<Deliverable> items = new ArrayList<>();
    if (scope.allUnits()) {
      items.add(register(contextPath));
      items.addAll(serviceReports(now, today, contextPath));
      items.addAll(inspectionReports(now, today, contextPath));
    }
    items.add(emergencyReports(scope, now));
    List<PlanDue> plans = plansDue(scope, now.atZone(CityTime.ZONE).plus(lookahead).toInstant());
    for (PlanDue p : plans.subList(0, Math.min(DRILLS_SHOWN, plans.size()))) {
      boolean late = p.due().isBefore(now);
      String status = p.drilling() ? "演练进行中" : late ? "逾期未演练" : "待演练";
      items.add(new Deliverable("应急演练报告（" + Labels.of(Labels.PLAN_TYPE, p.planType()) + "）", p.title(),
          Format.minute(p.due()) + " 前演练", status, p.drilling() ? "due" : late ? "late" : "due",
          p.lastReportId() == null ? null : contextPath + DocumentLinks.path(p.lastReportId()),
          ListRef.of("plans")));
    }
    if (plans.size() > DRILLS_SHOWN) {
      items.add(new Deliverable("应急演练报告", "另有 " + (plans.size() - DRILLS_SHOWN) + " 个预案", "—", "见清单", "due",
          null, ListRef.of("plans")));
    }
    return new Deliverables(items, recent(scope, contextPath), NOTE);
  }

  /** The register of Appendix D: how many uploaded documents wait for management's approval, with its page. */
  private Deliverable register(String contextPath) {
    long pending = jdbc.sql("SELECT COUNT(*) FROM rv_deliverable_document WHERE status = 'PENDING'")
        .query(Long.class).single();
    return new Deliverable("交付物登记册（附录 D）", "24 项交付文档", "上传后由管理方审批",
        pending == 0 ? "无待审批的交付文档" : pending + " 份交付文档待管理方审批", pending == 0 ? "ok" : "due",
        contextPath + REGISTER_PAGE, null);
  }

  /** Last month's report (due on the 1st) and this month's (due on the 1st of next month). */
  private List<Deliverable> serviceReports(Instant now, LocalDate today, String contextPath) {
    List<Deliverable> out = new ArrayList<>();
    YearMonth last = YearMonth.from(today).minusMonths(1);
    String subject = ServiceReport.subject(last.atDay(1), last.atEndOfMonth());
    Optional<long[]> latest = jdbc.sql("SELECT id, version, CASE WHEN title LIKE ? THEN 1 ELSE 0 END FROM "
            + "rv_report_document WHERE kind = ? AND subject_ref = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
        .params("%" + ServiceReport.DRAFT_MARK + "%", ServiceReport.KIND, subject)
        .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).optional();
    String period = last.getYear() + " 年 " + last.getMonthValue() + " 月";
    String due = YearMonth.from(today).atDay(1) + " 生成初稿，审阅后发布";
    if (latest.isEmpty()) {
      out.add(new Deliverable("运维服务报告（月度）", period, due, "未生成", "late", null, ListRef.of("documents", "kind",
          ServiceReport.KIND)));
    } else {
      boolean draft = latest.get()[2] == 1;
      out.add(new Deliverable("运维服务报告（月度）", period, due, draft ? "初稿待审阅（第 " + latest.get()[1] + " 版）"
          : "已发布（第 " + latest.get()[1] + " 版）", draft ? "due" : "ok",
          contextPath + DocumentLinks.path(latest.get()[0]), ListRef.of("documents", "kind", ServiceReport.KIND)));
    }
    YearMonth current = YearMonth.from(today);
    out.add(new Deliverable("运维服务报告（月度）", current.getYear() + " 年 " + current.getMonthValue() + " 月",
        current.plusMonths(1).atDay(1) + " 生成初稿", "统计中", "ok", null, ListRef.of("documents", "kind",
            ServiceReport.KIND)));
    return out;
  }

  /** The inspection report of this quarter's full inspection (and of the last quarter's, if still missing). */
  private List<Deliverable> inspectionReports(Instant now, LocalDate today, String contextPath) {
    List<Deliverable> out = new ArrayList<>();
    LocalDate lastQuarterDay = Statistics.quarterEnd(today).minusMonths(3);
    for (boolean current : new boolean[] {false, true}) {
      LocalDate day = current ? today : lastQuarterDay;
      String key = Statistics.quarterKey(day);
      Optional<Deliverable> d = jdbc.sql("SELECT inspection_no, status, due_at, report_id FROM rv_inspection "
              + "WHERE quarter_key = ?").param(key)
          .query((rs, i) -> {
            long reportId = rs.getLong("report_id");
            boolean reported = !rs.wasNull();
            Timestamp dueAt = rs.getTimestamp("due_at");
            boolean late = !reported && dueAt != null && dueAt.toInstant().isBefore(now);
            return new Deliverable("巡检报告（季度全面巡检）", Statistics.quarterLabel(key),
                dueAt == null ? "—" : Format.minute(dueAt.toInstant()) + " 前完成巡检",
                reported ? "已归档" : Labels.of(Labels.INSPECTION_STATUS, rs.getString("status")),
                reported ? "ok" : late ? "late" : "due", reported ? contextPath + DocumentLinks.path(reportId) : null,
                ListRef.of("inspections"));
          }).optional();
      if (d.isPresent()) {
        if (current || !"ok".equals(d.get().level())) {
          out.add(d.get());
        }
      } else {
        out.add(new Deliverable("巡检报告（季度全面巡检）", Statistics.quarterLabel(key),
            Statistics.quarterEnd(day) + " 前", "尚未发起巡检", current ? "due" : "late", null,
            ListRef.of("inspections")));
      }
    }
    return out;
  }

  /** Closed emergencies whose response report is not filed yet, due by the end of the next day. */
  private Deliverable emergencyReports(Scope scope, Instant now) {
    List<Instant> closed = reportsMissing(scope);
    long late = closed.stream().filter(c -> KpiService.emergencyReportDue(c).isBefore(now)).count();
    Instant nextDue = closed.stream().map(KpiService::emergencyReportDue).filter(d -> !d.isBefore(now))
        .min(Comparator.naturalOrder()).orElse(null);
    String status = closed.isEmpty() ? "均已提交" : closed.size() + " 份待提交" + (late > 0 ? "，其中 " + late + " 份逾期" : "");
    return new Deliverable("应急事件响应报告", "已关闭的应急事件（不含演练）", nextDue == null ? "关闭次日 24 时前"
        : Format.minute(nextDue) + " 前（最近一份）", status, closed.isEmpty() ? "ok" : late > 0 ? "late" : "due",
        null, ListRef.of("reports-due"));
  }

  /** Closing times of the closed emergencies (no drill) in scope without a response report. */
  List<Instant> reportsMissing(Scope scope) {
    Where w = new Where(scope, "e.unit_code", REPORT_MISSING);
    if (!w.any) {
      return List.of();
    }
    return jdbc.sql("SELECT e.closed_at FROM rv_emergency e WHERE " + w.sql).params(w.params)
        .query((rs, i) -> rs.getTimestamp(1).toInstant()).list();
  }

  /** Active plans in scope whose next drill is due before {@code until}, soonest first. */
  List<PlanDue> plansDue(Scope scope, Instant until) {
    Where w = new Where(scope, "p.unit_code", "p.status = 'ACTIVE'");
    if (!w.any) {
      return List.of();
    }
    return jdbc.sql("SELECT p.plan_no, p.title, p.plan_type, p.unit_name, p.system_name, p.last_drilled_at, "
            + "p.created_at, (SELECT COUNT(*) FROM rv_drill d WHERE d.plan_id = p.id AND d.status <> 'CLOSED'), "
            + "(SELECT MAX(d.report_id) FROM rv_drill d WHERE d.plan_id = p.id) FROM rv_contingency_plan p WHERE "
            + w.sql)
        .params(w.params)
        .query((rs, i) -> {
          Timestamp last = rs.getTimestamp(6);
          Instant due = drills.nextDue(rs.getString(3), last == null ? null : last.toInstant(),
              rs.getTimestamp(7).toInstant());
          return due == null ? null : new PlanDue(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getString(5), due, rs.getLong(8) > 0, (Long) rs.getObject(9, Long.class));
        }).list().stream().filter(p -> p != null && p.due().isBefore(until))
        .sorted(Comparator.comparing(PlanDue::due)).toList();
  }

  private List<Document> recent(Scope scope, String contextPath) {
    Where w = new Where(scope, "d.unit_code", "d.version = (SELECT MAX(x.version) FROM rv_report_document x "
        + "WHERE x.kind = d.kind AND x.subject_ref = d.subject_ref)");
    if (!w.any) {
      return List.of();
    }
    return jdbc.sql("SELECT d.id, d.title, d.kind, d.version, d.created_at FROM rv_report_document d WHERE " + w.sql
            + " ORDER BY d.created_at DESC, d.id DESC FETCH FIRST " + RECENT + " ROWS ONLY")
        .params(w.params)
        .query((rs, i) -> new Document(rs.getString(2), Labels.of(Labels.REPORT_KIND, rs.getString(3)), rs.getInt(4),
            Format.minute(rs.getTimestamp(5).toInstant()), contextPath + DocumentLinks.path(rs.getLong(1))))
        .list();
  }
}
