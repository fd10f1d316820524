package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.inspection.InspectionVariables.REPORT_ID;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.inspection.InspectionChecklists.Result;
import cn.gov.gz.govcloud.inspection.InspectionFindings.Finding;
import cn.gov.gz.govcloud.inspection.InspectionService.Area;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.report.DocumentLinks;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The inspection report (P6 7.2.3.1.6, 7.2.3.2.7), written as soon as every area is inspected: scope, what was checked
 * per area, the findings with the work order following each (they run on; {@link InspectionAddendum} records how
 * they were closed), analysis, improvement measures. Archived with a version and sent to management, the provider's
 * managers and the units whose resources had findings. Runs in its own transaction after the findings' work orders
 * have started (asynchronous in the model), so it names their numbers.
 */
@Component("writeInspectionReport")
class InspectionReport extends ProcessStep {

  static final String KIND = "INSPECTION";
  static final String TEMPLATE = "inspection-report.docx";

  private final InspectionService service;
  private final InspectionChecklists checklists;
  private final InspectionFindings findingsOf;
  private final ReportArchive archive;
  private final TemplateReport templates;
  private final CaseNotifier notifier;
  private final People people;
  private final OrganizationService organization;
  private final DocumentLinks links;

  InspectionReport(InspectionService service, InspectionChecklists checklists, InspectionFindings findingsOf,
      ReportArchive archive, TemplateReport templates, CaseNotifier notifier, People people,
      OrganizationService organization, DocumentLinks links) {
    this.service = service;
    this.checklists = checklists;
    this.findingsOf = findingsOf;
    this.archive = archive;
    this.templates = templates;
    this.notifier = notifier;
    this.people = people;
    this.organization = organization;
    this.links = links;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = InspectionVariables.inspectionId(execution);
    linkOrders(execution, id);
    List<Finding> findings = findingsOf.findings(id);
    if (findings.isEmpty()) {
      service.status(id, Inspection.Status.COMPLETED);
    }
    Inspection inspection = service.get(id);
    int version = archive.nextVersion(KIND, inspection.inspectionNo());
    byte[] docx = render(inspection, service.areas(id), checklists.results(id), findings, version);
    ReportDocument d = archive.archive(KIND, inspection.inspectionNo(), "巡检报告 " + inspection.inspectionNo(),
        execution.getProcessInstanceId(), null, "巡检报告-" + inspection.inspectionNo() + ".docx", ReportArchive.DOCX,
        docx, actor(execution));
    service.reported(id, d.id());
    execution.setVariable(REPORT_ID, d.id());
    List<String> groups = new ArrayList<>(List.of(Groups.MANAGEMENT, Groups.OPS_MANAGER));
    findings.stream().map(Finding::unitCode).filter(u -> u != null).distinct().map(Groups::unitGroup)
        .forEach(groups::add);
    notifier.toGroups(groups, "inspection-report", inspection.inspectionNo(), "巡检 " + inspection.inspectionNo(),
        "巡检报告", inspection.kind().label() + "已完成，巡检报告（第 " + d.version() + " 版）已归档。"
            + (findings.isEmpty() ? "" : "发现的问题已转运维工单整改，整改结果另见补充报告。") + "\n" + links.line(d),
        "发现问题 " + findings.size() + " 项");
  }

  /** The work orders the inspection called for its findings: business key the finding number (through the engine). */
  private void linkOrders(DelegateExecution execution, long id) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    for (ProcessInstance order : runtime.createProcessInstanceQuery()
        .superProcessInstanceId(execution.getProcessInstanceId()).list()) {
      Object no = runtime.getVariable(order.getId(), FindingFollowUps.WORK_ORDER_NO);
      findingsOf.linkOrder(id, order.getBusinessKey(), order.getId(), no == null ? null : no.toString());
    }
  }

  byte[] render(Inspection i, List<Area> areas, List<Result> results, List<Finding> findings, int version) {
    Map<String, Object> data = new HashMap<>();
    long done = areas.stream().filter(a -> a.status() == Area.Status.DONE).count();
    // the due date may have been extended since; an escalation before the checks were done means they were late
    boolean onTime = i.checkedAt() != null && (i.escalatedAt() == null || i.checkedAt().isBefore(i.escalatedAt()));
    List<String> users = new ArrayList<>(List.of(nz(i.startedBy()), nz(i.plannedBy()), nz(i.requirementsBy())));
    areas.forEach(a -> users.add(a.inspector()));
    Map<String, String> names = people.names(users);
    Map<String, String> units = organization.unitNames();
    data.put("title", i.quarterKey() == null ? "政务云" + i.kind().label() + "报告"
        : quarter(i.quarterKey()) + "政务云全面巡检报告");
    data.put("inspectionNo", i.inspectionNo());
    data.put("kind", i.kind().label());
    data.put("version", String.valueOf(version));
    data.put("status", findings.isEmpty() ? "巡检完成，未发现问题"
        : i.completedAt() == null ? "巡检完成，问题已转运维工单整改，整改结果见补充报告" : "巡检及问题整改均已完成");
    data.put("overview", List.of(
        pair("巡检类型", i.kind().label() + (i.quarterKey() == null ? "" : "（" + quarter(i.quarterKey()) + "）")),
        pair("巡检原因", i.reason() == null ? "按季度例行开展（DB4401/T 294.3—2024 5.1.3.2）" : i.reason()),
        pair("巡检范围", scope(i, units)),
        pair("发起人 / 计划制定人", person(names, i.startedBy()) + " / " + person(names, i.plannedBy())),
        pair("巡检要求确认", i.requirementsAt() == null ? "—"
            : person(names, i.requirementsBy()) + " 于 " + time(i.requirementsAt()) + " 确认"),
        pair("开始时间", time(i.createdAt())),
        pair("计划完成时间", time(i.dueAt())),
        pair("巡检完成时间", time(i.checkedAt()) + (i.checkedAt() == null ? "" : onTime ? "（按时）" : "（逾期）")),
        pair("问题整改完成时间", i.completedAt() == null ? "整改中" : time(i.completedAt())),
        pair("逾期提醒", i.escalatedAt() == null ? "无" : time(i.escalatedAt()) + " 已提醒运维经理"),
        pair("巡检区域完成率", done + " / " + areas.size() + "（" + percent(done, areas.size()) + "）"),
        pair("台账核对", i.reconciliationRunId() == null ? "尚未导入资源清单，本次未核对订单、台账与实际运行"
            : "已将订单、资源台账与最新资源清单逐项核对，差异列为发现问题")));
    Map<Long, long[]> counts = new LinkedHashMap<>();
    for (Result r : results) {
      long[] c = counts.computeIfAbsent(r.areaId(), k -> new long[4]);
      c[0]++;
      c["NORMAL".equals(r.result()) ? 1 : "ABNORMAL".equals(r.result()) ? 2 : 3]++;
    }
    data.put("areas", areas.isEmpty()
        ? List.of(Map.of("area", "本次巡检没有巡检区域", "inspector", "—", "checkedAt", "—", "items", "0", "normal", "0",
            "abnormal", "0", "na", "0"))
        : areas.stream().map(a -> {
          long[] c = counts.getOrDefault(a.id(), new long[4]);
          return Map.of("area", a.name(), "inspector", person(names, a.inspector()), "checkedAt",
              a.checkedAt() == null ? "未完成" : time(a.checkedAt()), "items", String.valueOf(c[0]),
              "normal", String.valueOf(c[1]), "abnormal", String.valueOf(c[2]), "na", String.valueOf(c[3]));
        }).toList());
    data.put("findings", findings.isEmpty()
        ? List.of(Map.of("no", "—", "title", "本次巡检未发现问题", "severity", "—", "followUp", "—", "status", "—"))
        : findings.stream().map(f -> Map.of("no", f.findingNo(), "title", f.title() + "\n" + f.description()
                + (f.unitCode() == null ? "" : "\n使用单位：" + units.getOrDefault(f.unitCode(), f.unitCode())),
            "severity", "SEVERE".equals(f.severity()) ? "严重" : "一般",
            "followUp", f.resolution() != null ? f.resolution()
                : f.workOrderNo() != null ? "已转运维工单 " + f.workOrderNo() + " 整改"
                : "FOLLOWING".equals(f.status()) ? "已转运维工单跟进，尚未关闭" : "待转运维工单",
            "status", status(f.status()))).toList());
    data.put("analysis", analysis(results, findings));
    data.put("measures", measures(findings));
    return templates.render(TEMPLATE, data, "overview", "areas", "findings");
  }

  static String analysis(List<Result> results, List<Finding> findings) {
    long abnormal = results.stream().filter(r -> "ABNORMAL".equals(r.result())).count();
    if (findings.isEmpty()) {
      return "共检查 " + results.size() + " 项，全部正常或不适用，未发现问题。";
    }
    Map<String, Long> byCategory = results.stream().filter(r -> "ABNORMAL".equals(r.result()))
        .collect(Collectors.groupingBy(Result::category, LinkedHashMap::new, Collectors.counting()));
    long ledger = findings.stream().filter(f -> "LEDGER".equals(f.source())).count();
    long severe = findings.stream().filter(f -> "SEVERE".equals(f.severity())).count();
    return "共检查 " + results.size() + " 项，异常 " + abnormal + " 项；发现问题 " + findings.size() + " 项（严重 " + severe
        + " 项，台账核对 " + ledger + " 项）。异常分布："
        + (byCategory.isEmpty() ? "仅台账核对差异" : byCategory.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue() + " 项").collect(Collectors.joining("，"))) + "。";
  }

  static String measures(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "保持现有巡检频次与巡检项。";
    }
    long closed = findings.stream().filter(f -> "CLOSED".equals(f.status())).count();
    long carried = findings.stream().filter(f -> "CARRIED_OVER".equals(f.status())).count();
    long following = findings.size() - closed - carried;
    if (closed + carried == 0) {
      return "发现的 " + findings.size() + " 项问题均已转运维工单整改，整改结果见补充报告。"
          + (findings.stream().anyMatch(f -> "LEDGER".equals(f.source()))
              ? "台账差异须在下次巡检前完成台账更正，并复核订单与实际运行一致。" : "");
    }
    return "所有问题均已转工单跟进：已整改关闭 " + closed + " 项，结转下次巡检跟进 " + carried + " 项"
        + (following > 0 ? "，整改中 " + following + " 项（整改结果见补充报告）" : "") + "。"
        + (findings.stream().anyMatch(f -> "LEDGER".equals(f.source()))
            ? "台账差异须在下次巡检前完成台账更正，并复核订单与实际运行一致。" : "")
        + (carried > 0 ? "结转问题列入下次巡检重点检查。" : "");
  }

  private static String scope(Inspection i, Map<String, String> units) {
    if (i.scope().rooms().isEmpty() && i.scope().categories().isEmpty() && i.scope().units().isEmpty()) {
      return "全部机房（附录 A.2）与全部云资源类别（附录 A.1）";
    }
    List<String> parts = new ArrayList<>();
    if (!i.scope().rooms().isEmpty()) {
      parts.add("机房：" + String.join("、", i.scope().rooms()));
    }
    if (!i.scope().categories().isEmpty()) {
      parts.add("资源类别：" + String.join("、", i.scope().categories()));
    }
    if (!i.scope().units().isEmpty()) {
      parts.add("使用单位：" + String.join("、", i.scope().units().stream().map(u -> units.getOrDefault(u, u)).toList()));
    }
    return String.join("；", parts);
  }

  private static String person(Map<String, String> names, String userId) {
    return userId == null ? "—" : names.getOrDefault(userId, userId);
  }

  private static String quarter(String key) {
    return key.substring(0, 4) + " 年第 " + key.substring(5) + " 季度";
  }

  static String status(String s) {
    return switch (s) {
      case "CLOSED" -> "已关闭";
      case "CARRIED_OVER" -> "已结转";
      case "FOLLOWING" -> "整改中";
      default -> "待处理";
    };
  }

  private static String percent(long a, long b) {
    return b == 0 ? "—" : Math.round(100.0 * a / b) + "%";
  }

  static Map<String, String> pair(String item, String value) {
    return Map.of("item", item, "value", value == null ? "—" : value);
  }

  private static String time(Instant i) {
    return TemplateReport.time(i);
  }

  private static String nz(String s) {
    return s == null ? "—" : s;
  }
}
