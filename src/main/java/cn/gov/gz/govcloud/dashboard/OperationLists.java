package cn.gov.gz.govcloud.dashboard;

import static cn.gov.gz.govcloud.engine.Sql.instant;
import static cn.gov.gz.govcloud.dashboard.ListQuery.*;

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
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;


/**
 * The lists of the operation behind the figures: inspection findings and rounds, resource applications, idle
 * resources, costs, deliverables and plans due, documents.
 */
@Component
class OperationLists {

  private final ListQuery queries;
  private final Statistics statistics;
  private final DeliverablesDue deliverables;
  private final OrganizationService organization;
  private final DashboardProperties properties;

  OperationLists(ListQuery queries, Statistics statistics, DeliverablesDue deliverables, OrganizationService organization, DashboardProperties properties) {
    this.queries = queries;
    this.statistics = statistics;
    this.deliverables = deliverables;
    this.organization = organization;
    this.properties = properties;
  }

  ListPage findings(Request r) {
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
    return queries.query(r, "巡检发现的问题" + qualifier(title), "巡检中发现的问题，异常项转工单跟进直至整改。", "rv_inspection_finding", w,
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

  ListPage inspections(Request r) {
    allowed(r);
    Where w = new Where(Scope.all(), "1 = 1");
    return queries.query(r, "巡检", Kpi.INSPECTION_COMPLETION.label() + "：" + Kpi.INSPECTION_COMPLETION.definition(),
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

  ListPage applications(Request r) {
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
    return queries.query(r, title, definition, "rv_resource_application", w, "created_at DESC, id DESC",
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

  ListPage idle(Request r) {
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
    return queries.query(r, "闲置资源（缩容与撤销回收候选）" + (unit == null ? "" : "：" + organization.unitName(unit)),
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

  ListPage costs(Request r) {
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

  ListPage reportsDue(Request r) {
    allowed(r);
    Where w = new Where(r.scope(), "e.unit_code", DeliverablesDue.REPORT_MISSING);
    return queries.query(r, "待提交的应急事件响应报告", "已关闭的应急事件（不含演练）尚未归档响应报告的；报告应在关闭次日 24 时（北京时间）前提交"
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

  ListPage plans(Request r) {
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

  ListPage documents(Request r) {
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
    return queries.query(r, kind == null ? "文档" : Labels.of(Labels.REPORT_KIND, kind), "已归档文档的最新版本；使用单位人员只能查看本单位的文档。",
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
}
