package cn.gov.gz.govcloud.assurance;

import static cn.gov.gz.govcloud.assurance.AssuranceVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.assurance.Assurance.Detail;
import cn.gov.gz.govcloud.assurance.Assurance.Shift;
import cn.gov.gz.govcloud.assurance.AssuranceCases.Case;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.report.ChartData;
import cn.gov.gz.govcloud.report.DocumentLinks;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The assurance summary report (P6 7.3.3.4 记录服务过程和结果; DB4401/T 294.3 Appendix D.1 item 13 standby records and
 * item 23 summary report): the need and plan, the watch rota with every shift's standby record (missing ones
 * marked), the emergencies, work orders and resource applications of the covered systems during the period with a
 * chart per day, and the ops manager's summary, issues and improvements. Archived with a version; returned by
 * management, it is generated again as the next version.
 */
@Component("generateAssuranceReport")
class AssuranceReport extends ProcessStep {

  static final String KIND = "ASSURANCE_SUMMARY";
  static final String TEMPLATE = "assurance-report.docx";

  private final AssuranceService assurances;
  private final AssuranceCases cases;
  private final ReportArchive archive;
  private final TemplateReport templates;
  private final AssuranceNotices notices;
  private final People people;
  private final OrganizationService organization;
  private final DocumentLinks links;

  AssuranceReport(AssuranceService assurances, AssuranceCases cases, ReportArchive archive, TemplateReport templates,
      AssuranceNotices notices, People people, OrganizationService organization, DocumentLinks links) {
    this.assurances = assurances;
    this.cases = cases;
    this.archive = archive;
    this.templates = templates;
    this.notices = notices;
    this.people = people;
    this.organization = organization;
    this.links = links;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = assuranceId(execution);
    String summary = text(execution, SUMMARY);
    if (summary == null) {
      throw ValidationException.of(SUMMARY, "请填写保障总结：保障目标的达成情况、值守和处置情况");
    }
    assurances.summarised(id, summary, text(execution, ISSUES), text(execution, IMPROVEMENTS), actor(execution));
    Detail detail = assurances.detail(id);
    Assurance a = detail.assurance();
    int version = archive.nextVersion(KIND, a.assuranceNo());
    byte[] docx = render(detail, cases.during(detail.scope(), a.periodFrom(), a.periodTo()), version);
    ReportDocument doc = archive.archive(KIND, a.assuranceNo(), "重要保障总结报告 " + a.assuranceNo() + " " + a.eventName(),
        execution.getProcessInstanceId(), null, "重要保障总结报告-" + a.assuranceNo() + ".docx", ReportArchive.DOCX, docx,
        actor(execution));
    assurances.reported(id, doc.id());
    execution.setVariable(REPORT_ID, doc.id());
    notices.send(a, List.of(), List.of(Groups.MANAGEMENT), "report", false, "保障总结报告待确认",
        "重要保障总结报告（第 " + doc.version() + " 版）已归档，请管理方确认。\n" + links.line(doc));
  }

  byte[] render(Detail detail, List<Case> during, int version) {
    Assurance a = detail.assurance();
    List<String> users = new ArrayList<>();
    detail.shifts().forEach(s -> users.addAll(s.watchers()));
    detail.shifts().forEach(s -> users.add(s.recordedBy()));
    users.addAll(java.util.Arrays.asList(a.needDecidedBy(), a.plannedBy(), a.approvedBy(), a.summaryBy(),
        a.requestedBy()));
    Map<String, String> names = people.names(users.stream().filter(java.util.Objects::nonNull).toList());
    Map<String, Object> data = new HashMap<>();
    data.put("title", "重要保障总结报告");
    data.put("event", a.eventName() + "（" + a.kindLabel() + "）");
    data.put("period", AssuranceNotices.period(a) + "（北京时间）");
    data.put("version", String.valueOf(version));
    data.put("status", version == 1 ? "待管理方确认" : "修订稿，待管理方确认");
    data.put("overview", List.of(
        pair("保障编号", a.assuranceNo()),
        pair("保障类型", a.kindLabel()),
        pair("保障时间", AssuranceNotices.period(a)),
        pair("保障方式", a.mannerLabel()),
        pair("保障目标", a.targets()),
        pair("保障范围", scope(detail)),
        pair("需求提出", name(names, a.requestedBy()) + "，" + time(a.createdAt())),
        pair("需求确认（管理方）", name(names, a.needDecidedBy()) + "，" + time(a.needDecidedAt())
            + (a.needComment() == null ? "" : "。" + a.needComment())),
        pair("保障方案", a.planText()),
        pair("备用资源", a.reserveResources()),
        pair("启用的应急预案", a.contingencyPlans()),
        pair("时限缩短", "应急事件响应时限 × " + Assurance.factor(a.responseFactor()) + "；资源申请办理时限 × "
            + Assurance.factor(a.applicationFactor())),
        pair("方案审批（管理方）", name(names, a.approvedBy()) + "，" + time(a.approvedAt())
            + (a.planRounds() > 1 ? "（经 " + a.planRounds() + " 轮修改）" : ""))));
    List<Shift> shifts = detail.shifts();
    data.put("shifts", shifts.isEmpty()
        ? List.of(Map.of("seq", "—", "time", "—", "watchers", "未排班", "contact", "—", "situation", "—", "record", "—"))
        : shifts.stream().map(s -> shiftRow(s, names)).toList());
    long recorded = shifts.stream().filter(Shift::recorded).count();
    long late = shifts.stream().filter(s -> s.recorded() && s.remindedAt() != null).count();
    data.put("shiftNote", "共 " + shifts.size() + " 个班次，已填写值守记录 " + recorded + " 个（其中经提醒后补填 " + late
        + " 个），缺失 " + (shifts.size() - recorded) + " 个。值守记录即 DB4401/T 294.3 附录 D.1 第 13 项“后备服务报告记录”。"
        + "时间均为北京时间。");
    data.put("casesChart", chart(a, during));
    long emergencies = during.stream().filter(c -> c.kind().equals("EMERGENCY")).count();
    long orders = during.stream().filter(c -> c.kind().equals("WORK_ORDER")).count();
    long applications = during.stream().filter(c -> c.kind().equals("APPLICATION")).count();
    long open = during.stream().filter(c -> !c.done()).count();
    data.put("casesNote", "保障期间范围内业务系统共发生应急事件 " + emergencies + " 起、工单 " + orders + " 张、资源申请 " + applications
        + " 项，期末尚未办结 " + open + " 项（演练不计入）。");
    data.put("cases", during.isEmpty()
        ? List.of(Map.of("no", "—", "type", "保障期间无事件", "system", "—", "at", "—", "what", "—", "state", "—"))
        : during.stream().map(c -> Map.of("no", c.caseNo(), "type", c.kindLabel(),
            "system", c.systemName() == null ? "—" : c.systemName(), "at", time(c.at()),
            "what", c.what() + ("—".equals(c.level()) || c.level() == null ? "" : "（" + c.level() + "）"),
            "state", c.state())).toList());
    data.put("summary", a.summary() == null ? "—" : a.summary());
    data.put("issues", a.issues() == null ? "未发现问题" : a.issues());
    data.put("improvements", a.improvements() == null ? "无" : a.improvements());
    data.put("author", "总结人：" + name(names, a.summaryBy()));
    return templates.render(TEMPLATE, data, "overview", "shifts", "cases");
  }

  /** Per day of the period (Beijing dates), the emergencies, work orders and resource applications of the scope. */
  static ChartData chart(Assurance a, List<Case> during) {
    LocalDate first = LocalDate.ofInstant(a.periodFrom(), WorkingCalendar.CHINA);
    LocalDate last = LocalDate.ofInstant(a.periodTo().minusSeconds(1), WorkingCalendar.CHINA);
    List<String> days = new ArrayList<>();
    Map<String, List<Integer>> series = new LinkedHashMap<>();
    series.put("应急事件", new ArrayList<>());
    series.put("工单", new ArrayList<>());
    series.put("资源申请", new ArrayList<>());
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      LocalDate day = d;
      days.add(d.getMonthValue() + "/" + d.getDayOfMonth());
      series.get("应急事件").add(count(during, "EMERGENCY", day));
      series.get("工单").add(count(during, "WORK_ORDER", day));
      series.get("资源申请").add(count(during, "APPLICATION", day));
    }
    return ChartData.bars("保障期间每日事件数", days, new LinkedHashMap<>(series));
  }

  private static int count(List<Case> during, String kind, LocalDate day) {
    return (int) during.stream().filter(c -> c.kind().equals(kind)
        && LocalDate.ofInstant(c.at(), WorkingCalendar.CHINA).equals(day)).count();
  }

  private String scope(Detail detail) {
    Map<String, List<String>> byUnit = new LinkedHashMap<>();
    detail.scope().forEach(s -> byUnit.computeIfAbsent(organization.unitName(s.unitCode()), u -> new ArrayList<>())
        .add(organization.systemName(s.businessSystemCode())));
    List<String> lines = new ArrayList<>();
    byUnit.forEach((unit, systems) -> lines.add(unit + "：" + String.join("、", systems)));
    return String.join("\n", lines);
  }

  private static Map<String, String> shiftRow(Shift s, Map<String, String> names) {
    String record;
    if (s.recorded()) {
      record = (s.note() == null ? "" : s.note()) + (s.handover() == null ? "" : "\n交接：" + s.handover())
          + "\n（" + name(names, s.recordedBy()) + " " + time(s.recordedAt())
          + (s.remindedAt() != null ? "，经提醒后补填" : "") + "）";
    } else {
      record = "缺失" + (s.remindedAt() != null ? "（" + time(s.remindedAt()) + " 已提醒）" : "");
    }
    return Map.of("seq", String.valueOf(s.seq()), "time", time(s.startsAt()) + " 至 " + time(s.endsAt()),
        "watchers", String.join("、", s.watchers().stream().map(w -> name(names, w)).toList()),
        "contact", s.contact() == null ? "—" : s.contact(),
        "situation", s.situation() == null ? "—" : "NORMAL".equals(s.situation()) ? "运行平稳" : "有事件发生",
        "record", record);
  }

  private static String name(Map<String, String> names, String user) {
    return user == null ? "—" : names.getOrDefault(user, user);
  }

  private static Map<String, String> pair(String item, String value) {
    return Map.of("item", item, "value", value == null || value.isBlank() ? "—" : value);
  }

  static String time(Instant i) {
    return TemplateReport.time(i);
  }
}
