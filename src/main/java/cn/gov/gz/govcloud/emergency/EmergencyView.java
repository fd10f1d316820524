package cn.gov.gz.govcloud.emergency;

import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.engine.CaseView;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.engine.Markdown;
import cn.gov.gz.govcloud.organization.OrganizationService;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What the people of an emergency read in their tasks (issue 19): the system and unit by name, category, level and
 * source in words, every time in Beijing time, the response clock as it stands, what was done so far and, once
 * recovered, cause and result, so that the duty engineer responds, the handler continues and the unit verifies knowing
 * the case.
 */
@Component
class EmergencyView implements CaseView {

  static final int TIMELINE_ENTRIES = 12;

  private final EmergencyService service;
  private final EmergencyPlans plans;
  private final OrganizationService organization;
  private final People people;

  private final OnSiteClock onSite;

  EmergencyView(EmergencyService service, EmergencyPlans plans, OrganizationService organization, People people,
      OnSiteClock onSite) {
    this.service = service;
    this.plans = plans;
    this.onSite = onSite;
    this.organization = organization;
    this.people = people;
  }

  @Override
  public boolean handles(String processDefinitionKey) {
    return EmergencyVariables.PROCESS_KEY.equals(processDefinitionKey);
  }

  @Override
  public View view(DelegateTask task) {
    if (!(task.getVariable(EmergencyVariables.EMERGENCY_ID) instanceof Number id)) {
      return null;
    }
    Emergency e = service.get(id.longValue());
    return new View(service.label(e), summary(e), timeline(service.events(e.id())));
  }

  String summary(Emergency e) {
    StringBuilder md = new StringBuilder();
    Markdown.field(md, "事件编号", e.mark() + e.emergencyNo() + "　**状态：** " + status(e.status()));
    Markdown.field(md, "业务系统", organization.systemLabel(e.businessSystemCode()));
    Markdown.field(md, "类别", EmergencyReport.category(e.category())
        + ("待定".equals(e.severity()) ? "" : "　**等级：** " + e.severity())
        + "　**服务时间：** " + ("5x8".equals(e.serviceHours()) ? "5×8（工作时间）" : "7×24"));
    Markdown.field(md, "来源", EmergencyReport.source(e.source())
        + (e.reporter() == null ? "" : "　**报告人：** " + e.reporter())
        + (e.contact() == null ? "" : "　**联系方式：** " + e.contact()));
    Markdown.field(md, "发现时间", CityTime.minute(e.detectedAt()) + "（北京时间）"
        + (e.occurrences() > 1 ? "　同一告警共发生 " + e.occurrences() + " 次" : ""));
    Markdown.field(md, "响应", response(e));
    if (e.recoveryDueAt() != null) {
      Markdown.field(md, "恢复时限", recovery(e));
    }
    OnSiteClock.OnSite site = onSite.of(e.id());
    if (site.within() != null) {
      Markdown.field(md, "人员到场", OnSiteClock.describe(site));
    }
    Markdown.field(md, "现象", e.description());
    if (e.scope() != null) {
      Markdown.field(md, "影响范围", e.scope());
    }
    if (e.measuresTaken() != null) {
      Markdown.field(md, "已采取措施", e.measuresTaken());
    }
    planSection(md, e);
    if (e.recoveredAt() != null) {
      Markdown.field(md, "恢复时间", CityTime.minute(e.recoveredAt()) + "（北京时间）");
      Markdown.field(md, "故障原因", e.cause() == null ? "—" : e.cause());
      Markdown.field(md, "处置结果", e.result() == null ? "—" : e.result());
    }
    return md.toString();
  }

  /** P6 7.4.2.3.3: the plans started for the case, each with its steps, which the handler follows and cites. */
  private void planSection(StringBuilder md, Emergency e) {
    List<EmergencyPlans.Plan> attached = plans.of(e.id());
    if (attached.isEmpty()) {
      if (!"待定".equals(e.severity())) {
        Markdown.field(md, "应急预案", "无适用的现行预案，按通用流程处置");
      }
      return;
    }
    for (EmergencyPlans.Plan p : attached) {
      StringBuilder steps = new StringBuilder(p.title() + "（" + p.planNo() + "，第 " + p.version() + " 版）");
      for (int n = 1; n <= p.steps().size(); n++) {
        steps.append("\n").append(n).append(". ").append(p.steps().get(n - 1));
      }
      Markdown.field(md, "启动的应急预案", steps.toString());
    }
  }

  private String response(Emergency e) {
    if (e.respondedAt() != null) {
      boolean onTime = !e.respondedAt().isAfter(e.responseDueAt());
      return "已于 " + CityTime.minute(e.respondedAt()) + " 由 " + people.name(e.respondedBy()) + " 响应（" + (onTime ? "按时" : "超时")
          + "）";
    }
    if ("待定".equals(e.severity())) {
      return "分级后计时";
    }
    return "须在 " + CityTime.minute(e.responseDueAt()) + "（北京时间）前响应，时限 "
        + Duration.ofSeconds(e.responseWithinSeconds()).toMinutes() + " 分钟"
        + (e.escalationLevel() > 0 ? "；已超时，升级至第 " + e.escalationLevel() + " 级" : "");
  }

  /** GB/T 34077.3 5.3.6: by when service must be back, and whether it was. */
  private static String recovery(Emergency e) {
    String due = CityTime.minute(e.recoveryDueAt()) + "（北京时间）";
    if (e.recoveredAt() != null) {
      return due + "，" + (e.recoveredAt().isAfter(e.recoveryDueAt()) ? "超时恢复" : "按时恢复");
    }
    return "须在 " + due + " 前恢复业务";
  }

  String timeline(List<EmergencyEvent> events) {
    if (events.isEmpty()) {
      return "（暂无记录）";
    }
    StringBuilder md = new StringBuilder();
    List<EmergencyEvent> recent = events.subList(Math.max(0, events.size() - TIMELINE_ENTRIES), events.size());
    if (recent.size() < events.size()) {
      md.append("（仅列最近 ").append(TIMELINE_ENTRIES).append(" 条，共 ").append(events.size()).append(" 条）\n\n");
    }
    for (EmergencyEvent ev : recent) {
      Markdown.entry(md, CityTime.minute(ev.createdAt()), EmergencyReport.kind(ev.kind()), people.name(ev.author()),
          ev.text());
    }
    return md.toString();
  }

  static String status(String status) {
    return switch (status) {
      case "OPEN" -> "待响应";
      case "RESPONDED" -> "处置中";
      case "RECOVERED" -> "已恢复，待使用单位验证";
      case "CLOSED" -> "已关闭";
      default -> status;
    };
  }
}
