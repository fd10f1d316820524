package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.DrillVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.drill.Drill.Detail;
import cn.gov.gz.govcloud.drill.Drill.Stage;
import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.report.DocumentLinks;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The drill report (P6 7.4.2.2.5): content, result, every stage's time against the plan's target (GB/T 34077.3
 * 8.2.7 c 4), participants with their training and feedback, problems and proposed improvements. Archived with a
 * version and sent to management and the ops managers; the improvements then go to the plan owner for decision.
 */
@Component("generateDrillReport")
class DrillReport extends ProcessStep {

  static final String KIND = "DRILL_REPORT";
  static final String TEMPLATE = "drill-report.docx";

  private final DrillService drills;
  private final PlanService plans;
  private final ReportArchive archive;
  private final TemplateReport templates;
  private final DrillNotices notices;
  private final JsonVariables json;
  private final People people;
  private final OrganizationService organization;
  private final DocumentLinks links;

  DrillReport(DrillService drills, PlanService plans, ReportArchive archive, TemplateReport templates,
      DrillNotices notices, JsonVariables json, People people, OrganizationService organization, DocumentLinks links) {
    this.drills = drills;
    this.plans = plans;
    this.archive = archive;
    this.templates = templates;
    this.notices = notices;
    this.json = json;
    this.people = people;
    this.organization = organization;
    this.links = links;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = drillId(execution);
    Detail detail = drills.detail(id);
    Drill d = detail.drill();
    int version = archive.nextVersion(KIND, d.drillNo());
    byte[] docx = render(detail, plans.get(d.planId()), version);
    ReportDocument doc = archive.archive(KIND, d.drillNo(), DrillNotices.MARK + "应急演练报告 " + d.drillNo(),
        execution.getProcessInstanceId(), d.unitCode(), "应急演练报告-" + d.drillNo() + ".docx", ReportArchive.DOCX,
        docx, actor(execution));
    drills.reported(id, doc.id());
    execution.setVariable(REPORT_ID, doc.id());
    List<Map<String, Object>> improvements = detail.improvements().stream().map(i -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", i.id());
      m.put("proposedBy", i.proposedBy());
      m.put("text", i.text());
      m.put("decision", "");
      m.put("reason", "");
      return m;
    }).toList();
    execution.setVariable(IMPROVEMENTS, SpinValues.jsonValue(json.write(improvements)).create());
    notices.send(d, List.of(), List.of(Groups.MANAGEMENT, Groups.OPS_MANAGER), "report", "应急演练报告",
        "演练报告（第 " + doc.version() + " 版）已归档。提出改进措施 " + improvements.size() + " 项，待预案负责人逐项决定。\n"
            + links.line(doc));
  }

  byte[] render(Detail detail, ContingencyPlan plan, int version) {
    Drill d = detail.drill();
    List<String> users = new java.util.ArrayList<>();
    users.add(d.organiser());
    detail.participants().forEach(p -> users.add(p.userId()));
    detail.improvements().forEach(i -> users.add(i.proposedBy()));
    Map<String, String> names = people.names(users);
    Map<String, Object> data = new HashMap<>();
    data.put("title", DrillNotices.MARK + "应急演练报告");
    data.put("drillNo", d.drillNo());
    data.put("plan", plan.title() + "（" + d.planNo() + "，第 " + d.planVersion() + " 版）");
    data.put("version", String.valueOf(version));
    data.put("status", detail.improvements().stream().anyMatch(i -> i.decision() == null)
        ? "改进措施待预案负责人决定" : "改进措施已决定");
    data.put("overview", List.of(
        pair("应急预案", plan.title() + "（" + plan.planNo() + "，" + plan.planType().label() + "）"),
        pair("演练目的", d.purpose()),
        pair("演练方式", scenarioType(d.scenarioType())),
        pair("演练场景", d.scenario()),
        pair("业务系统", d.businessSystemCode() == null ? "全平台" : organization.systemName(d.businessSystemCode())),
        pair("计划演练时间", time(d.scheduledAt())),
        pair("实际开始时间", time(d.heldAt())),
        pair("组织人", names.getOrDefault(d.organiser(), d.organiser())),
        pair("演练步骤", d.steps()),
        pair("注意事项", d.precautions()),
        pair("关联应急事件（演练模式）", d.emergencyNo() == null ? null : DrillNotices.MARK + d.emergencyNo()),
        pair("发起方式", "REMINDER".equals(d.trigger()) ? "演练频次提醒（预案已逾期未演练）" : "运维经理发起")));
    data.put("stages", detail.stages().isEmpty()
        ? List.of(Map.of("stage", "未记录演练环节", "start", "—", "end", "—", "actual", "—", "target", "—", "verdict", "—"))
        : detail.stages().stream().map(DrillReport::stageRow).toList());
    data.put("stageNotes", "注：实际用时为开始至结束的时长；预案目标取自应急预案中同名环节的目标用时，无同名环节时为“—”。"
        + "标为“实战流程”的环节由应急处置流程（演练模式）自动计时。时间均为北京时间。");
    data.put("participants", detail.participants().isEmpty()
        ? List.of(Map.of("user", "—", "training", "—", "observations", "—", "problems", "—"))
        : detail.participants().stream().map(p -> Map.of(
            "user", names.getOrDefault(p.userId(), p.userId()),
            "training", p.confirmedAt() != null ? "已确认 " + time(p.confirmedAt())
                : p.escalatedAt() != null ? "未确认（已升级督办）" : "未确认",
            "observations", p.observations() == null ? "未填写" : p.observations(),
            "problems", p.problems() == null ? "未填写" : p.problems())).toList());
    long within = detail.stages().stream().filter(s -> Boolean.TRUE.equals(s.withinTarget())).count();
    long over = detail.stages().stream().filter(s -> Boolean.FALSE.equals(s.withinTarget())).count();
    data.put("summary", "演练结果：" + result(d.result()) + "。共 " + detail.stages().size() + " 个环节，达到预案目标 "
        + within + " 个，超出目标 " + over + " 个，无目标 " + (detail.stages().size() - within - over) + " 个。"
        + (d.summary() == null ? "" : "\n" + d.summary()));
    data.put("improvements", detail.improvements().isEmpty()
        ? List.of(Map.of("author", "—", "text", "参演人员未提出改进措施", "decision", "—"))
        : detail.improvements().stream().map(i -> Map.of("author", names.getOrDefault(i.proposedBy(), i.proposedBy()),
            "text", i.text(),
            "decision", i.decision() == null ? "待预案负责人决定" : "ACCEPTED".equals(i.decision()) ? "采纳" : "不采纳"))
            .toList());
    return templates.render(TEMPLATE, data, "overview", "stages", "participants", "improvements");
  }

  private static Map<String, String> stageRow(Stage s) {
    return Map.of("stage", s.stage() + ("EMERGENCY".equals(s.source()) ? "（实战流程）" : ""),
        "start", time(s.startedAt()), "end", time(s.endedAt()), "actual", minutes(s.actualSeconds()),
        "target", s.targetSeconds() == null ? "—" : minutes(s.targetSeconds()),
        "verdict", s.withinTarget() == null ? "—" : s.withinTarget() ? "达标" : "超时");
  }

  static String minutes(long seconds) {
    return seconds % 60 == 0 ? (seconds / 60) + " 分钟" : (seconds / 60) + " 分 " + (seconds % 60) + " 秒";
  }

  private static String scenarioType(String t) {
    return t == null ? "—" : switch (t) {
      case "EMERGENCY" -> "实战流程演练（应急处置流程以演练模式运行）";
      case "TABLETOP" -> "桌面推演";
      default -> "技术演练";
    };
  }

  private static String result(String r) {
    return r == null ? "—" : switch (r) {
      case "SUCCESS" -> "达到预期";
      case "PARTIAL" -> "部分达到预期";
      default -> "未达到预期";
    };
  }

  private static Map<String, String> pair(String item, String value) {
    return Map.of("item", item, "value", value == null ? "—" : value);
  }

  static String time(Instant i) {
    return TemplateReport.time(i);
  }

  private static String nz(String s) {
    return s == null ? "—" : s;
  }
}
