package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.inspection.InspectionReport.pair;
import static cn.gov.gz.govcloud.inspection.InspectionReport.status;
import static cn.gov.gz.govcloud.inspection.InspectionVariables.ADDENDUM_ID;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.inspection.InspectionFindings.Finding;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.report.DocumentLinks;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The addendum to the inspection report (补充报告; P6 7.2.3.1.4, 7.2.3.1.6, 7.2.3.2.5, 7.2.3.2.7): once every
 * finding's work order has ended, or the manager carried the rest over, how each finding was closed — its work
 * order, the result, when. A separate document archived with the report under the inspection number (kind
 * {@code INSPECTION_ADDENDUM}): the report stays the record of what the inspection found, as it was sent; the addendum
 * records what followed. Needs the report: if it has not been archived yet, the step fails and the engine retries it.
 */
@Component("writeInspectionAddendum")
class InspectionAddendum extends ProcessStep {

  static final String KIND = "INSPECTION_ADDENDUM";
  static final String TEMPLATE = "inspection-addendum.docx";

  private final InspectionService service;
  private final InspectionFindings findingsOf;
  private final ReportArchive archive;
  private final TemplateReport templates;
  private final CaseNotifier notifier;
  private final DocumentLinks links;

  InspectionAddendum(InspectionService service, InspectionFindings findingsOf, ReportArchive archive,
      TemplateReport templates, CaseNotifier notifier, DocumentLinks links) {
    this.service = service;
    this.findingsOf = findingsOf;
    this.archive = archive;
    this.templates = templates;
    this.notifier = notifier;
    this.links = links;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = InspectionVariables.inspectionId(execution);
    Inspection before = service.get(id);
    if (before.reportId() == null) {
      // not a user's mistake: the report's own job has not run yet; fail so that the engine retries later
      throw new IllegalStateException("巡检 " + before.inspectionNo() + " 的巡检报告尚未归档，补充报告稍后重试");
    }
    service.status(id, Inspection.Status.COMPLETED);
    Inspection inspection = service.get(id);
    List<Finding> findings = findingsOf.findings(id);
    ReportDocument report = archive.get(inspection.reportId());
    int version = archive.nextVersion(KIND, inspection.inspectionNo());
    byte[] docx = render(inspection, report, findings, version);
    ReportDocument d = archive.archive(KIND, inspection.inspectionNo(), "巡检补充报告 " + inspection.inspectionNo(),
        execution.getProcessInstanceId(), null, "巡检补充报告-" + inspection.inspectionNo() + ".docx",
        ReportArchive.DOCX, docx, actor(execution));
    service.addendum(id, d.id());
    execution.setVariable(ADDENDUM_ID, d.id());
    List<String> groups = new ArrayList<>(List.of(Groups.MANAGEMENT, Groups.OPS_MANAGER));
    findings.stream().map(Finding::unitCode).filter(u -> u != null).distinct().map(Groups::unitGroup)
        .forEach(groups::add);
    long closed = findings.stream().filter(f -> "CLOSED".equals(f.status())).count();
    notifier.toGroups(groups, "inspection-addendum", inspection.inspectionNo(), "巡检 " + inspection.inspectionNo(),
        "巡检补充报告", "巡检发现问题的整改结果已归档（补充报告第 " + d.version() + " 版，补充巡检报告第 " + report.version()
            + " 版）。\n" + links.line(d), "已整改关闭 " + closed + " 项，共 " + findings.size() + " 项");
  }

  byte[] render(Inspection i, ReportDocument report, List<Finding> findings, int version) {
    long closed = findings.stream().filter(f -> "CLOSED".equals(f.status())).count();
    long carried = findings.stream().filter(f -> "CARRIED_OVER".equals(f.status())).count();
    long open = findings.size() - closed - carried;
    Map<String, Object> data = new HashMap<>();
    data.put("title", "政务云" + i.kind().label() + "补充报告");
    data.put("inspectionNo", i.inspectionNo());
    data.put("reportRef", report.title() + "（第 " + report.version() + " 版，" + TemplateReport.time(report.createdAt())
        + "）");
    data.put("version", String.valueOf(version));
    data.put("status", carried > 0 ? "部分问题结转下次巡检" : "问题整改均已完成");
    data.put("overview", List.of(
        pair("巡检完成时间", TemplateReport.time(i.checkedAt())),
        pair("计划完成时间", TemplateReport.time(i.dueAt())),
        pair("整改完成时间", TemplateReport.time(i.completedAt())),
        pair("发现问题", findings.size() + " 项"),
        pair("已整改关闭", closed + " 项"),
        pair("结转下次巡检", carried + " 项"),
        pair("工单仍在办理", open + " 项")));
    data.put("findings", findings.stream().map(f -> Map.of("no", f.findingNo(),
        "title", f.title() + ("SEVERE".equals(f.severity()) ? "（严重）" : "") + "\n" + f.description(),
        "order", f.workOrderNo() == null ? "—" : f.workOrderNo(),
        // a closed finding's resolution says when its order was done; a carried-over one gets the decision's time
        "resolution", f.resolution() == null ? "—" : f.resolution()
            + ("CARRIED_OVER".equals(f.status()) ? "（" + TemplateReport.time(f.closedAt()) + "）" : ""),
        "status", status(f.status()))).toList());
    data.put("conclusion", "本次巡检发现问题 " + findings.size() + " 项，均已转运维工单跟进：已整改关闭 " + closed + " 项"
        + (carried > 0 ? "，经运维经理决定结转下次巡检跟进 " + carried + " 项（其工单继续办理）" : "") + "。");
    data.put("measures", carried > 0 ? "结转问题列入下次巡检重点检查，工单办结后在下次巡检报告中说明。"
        : "问题均已整改关闭，下次巡检复核整改效果。");
    return templates.render(TEMPLATE, data, "overview", "findings");
  }
}
