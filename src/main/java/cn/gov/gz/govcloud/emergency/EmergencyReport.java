package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;

import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.report.DocumentLinks;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The emergency response report (P6 7.4.2.3.6; GB/T 34077.3 5.3.7 c, due by the end of the next day): timeline,
 * classification, responses and their timeliness against the SLA, actions, cause, result, improvement. Generated at
 * close, archived with a version, and sent to the stakeholders; generated again, as the next version, when the
 * contingency plan review (评审应急预案) has recorded the improvement.
 */
@Component("generateEmergencyReport")
class EmergencyReport extends ProcessStep {

  static final String KIND = "EMERGENCY_RESPONSE";
  static final String TEMPLATE = "emergency-response-report.docx";

  private final EmergencyService service;
  private final ReportArchive archive;
  private final TemplateReport templates;
  private final EmergencyNotices notices;
  private final OrganizationService organization;
  private final People people;
  private final DocumentLinks links;
  private final OnSiteClock onSite;

  EmergencyReport(EmergencyService service, ReportArchive archive, TemplateReport templates, EmergencyNotices notices,
      OrganizationService organization, People people, DocumentLinks links, OnSiteClock onSite) {
    this.onSite = onSite;
    this.service = service;
    this.archive = archive;
    this.templates = templates;
    this.notices = notices;
    this.organization = organization;
    this.people = people;
    this.links = links;
  }

  @Override
  protected void run(DelegateExecution execution) {
    ReportDocument d = file(emergencyId(execution), execution.getProcessInstanceId(), actor(execution));
    execution.setVariable(REPORT_ID, d.id());
  }

  /** Renders, archives (next version) and announces the report of a case. */
  ReportDocument file(long id, String processInstanceId, String by) {
    Emergency e = service.get(id);
    int version = archive.nextVersion(KIND, e.emergencyNo());
    byte[] docx = render(e, service.events(id), service.timeliness(id), version);
    ReportDocument d = archive.archive(KIND, e.emergencyNo(), e.mark() + "应急事件响应报告 " + e.emergencyNo(),
        processInstanceId, e.unitCode(), e.mark() + "应急事件响应报告-" + e.emergencyNo() + "-v" + version + ".docx",
        ReportArchive.DOCX, docx, by);
    notices.toStakeholders(e, "report", "应急事件响应报告", (e.improvement() == null
        ? "应急事件已关闭，响应报告（第 " + d.version() + " 版）已归档；改进措施在应急预案评审后补充。"
        : "应急预案评审已完成，响应报告已补充改进措施（第 " + d.version() + " 版）。") + "\n" + links.line(d));
    return d;
  }

  byte[] render(Emergency e, List<EmergencyEvent> events, Map<String, Object> t, int version) {
    Map<String, String> names = people.names(events.stream().map(EmergencyEvent::author).toList());
    String system = organization.systemName(e.businessSystemCode());
    String unit = organization.unitName(e.unitCode());
    Map<String, Object> data = new HashMap<>();
    // a security incident's report is also the security incident report P6 7.4.1.5 asks for: description (事件现象),
    // handling (timeline and actions) and result are its sections
    data.put("title", e.mark() + "应急事件响应报告" + ("SECURITY".equals(e.category()) ? "（安全事件报告）" : ""));
    data.put("emergencyNo", e.mark() + e.emergencyNo());
    data.put("system", system);
    data.put("unit", unit);
    data.put("version", String.valueOf(version));
    data.put("status", e.improvement() == null ? "事件已关闭，改进措施待应急预案评审后补充" : "事件已关闭，含应急预案评审结论");
    data.put("overview", List.of(
        pair("事件性质", e.drill() ? "应急演练（不计入生产考核指标）" : "生产事件"),
        pair("业务系统 / 使用单位", system + " / " + unit),
        pair("事件类别 / 等级", category(e.category()) + " / " + e.severity()),
        pair("服务时间", e.workingHoursOnly() ? "5×8（工作日工作时间）" : "7×24"),
        pair("来源 / 报告人 / 联系方式", source(e.source()) + " / " + nz(e.reporter()) + " / " + nz(e.contact())),
        pair("发现时间 / 接报时间", time(e.detectedAt()) + " / " + time(e.receivedAt())),
        pair("影响范围", nz(e.scope())),
        pair("事件现象", e.description()),
        pair("接报时已采取的措施", nz(e.measuresTaken())),
        pair("同一告警发生次数", e.occurrences() + " 次"),
        pair("响应人", e.respondedBy() == null ? "—" : people.name(e.respondedBy()))));
    Long recovery = (Long) t.get("recoveryMinutes");
    data.put("timeliness", List.of(
        row("响应", "发现后 " + minutes(e.responseWithinSeconds()) + "内，即不晚于 " + time(e.responseDueAt()),
            time(e.respondedAt()), e.respondedAt() == null ? "未响应"
                : Boolean.TRUE.equals(t.get("respondedInTime")) ? "按时" : "超时（晚 "
                    + minutes(Duration.between(e.responseDueAt(), e.respondedAt()).toSeconds()) + "）"),
        row("进展反馈", "恢复前每 " + minutes(e.feedbackIntervalSeconds()) + "一次", "共 " + t.get("feedbackBeats") + " 次",
            ((Number) t.get("feedbackBeatsLate")).longValue() == 0 ? "全部按时" : "逾期 " + t.get("feedbackBeatsLate") + " 次"),
        row("升级", "响应超时逐级升级（运维经理、管理方）", e.escalationLevel() == 0 ? "未升级"
            : "升级至第 " + e.escalationLevel() + " 级", e.escalationLevel() == 0 ? "—" : "已升级"),
        onSiteRow(onSite.of(e.id())),
        row("恢复", recoveryTarget(e), time(e.recoveredAt()), recovery == null ? "未恢复"
            : "发现后 " + recovery + " 分钟恢复" + (e.recoveryDueAt() == null ? ""
                : e.recoveredAt().isAfter(e.recoveryDueAt()) ? "（超时）" : "（按时）"))));
    data.put("timelinessNotes", "注：响应时限自发现时间起算，按事件类别和业务系统重要性确定（DB4401/T 294.3 5.3.2.7、5.3.2.8）；"
        + "恢复时限自发现时间起算，按业务系统服务级别确定（GB/T 34077.3 5.3.6），由工单转来的取工单恢复时限与之较早者；"
        + (e.workingHoursOnly() ? "本事件为 5×8 服务，时限只计工作日的工作时间（北京时间）。" : "本事件为 7×24 服务，时限连续计时。")
        + "进展反馈的“逾期”指晚于应反馈时间；恢复用时自发现时间至业务恢复时间。以上时间均为北京时间。");
    data.put("timeline", events.stream().sorted(Comparator.comparing(EmergencyEvent::createdAt))
        .map(ev -> Map.of("time", time(ev.createdAt()), "kind", kind(ev.kind()),
            "author", ev.author() == null ? "—" : names.getOrDefault(ev.author(), ev.author()), "text", ev.text()))
        .toList());
    data.put("cause", e.cause() == null ? "处置人员未记录原因" : e.cause());
    data.put("result", e.result() == null ? "处置人员未记录结果" : e.result());
    data.put("improvement", improvement(e, events, names));
    return templates.render(TEMPLATE, data, "overview", "timeliness", "timeline");
  }

  /** What the contingency plan review (评审应急预案) recorded, with who and when; said plainly while it is pending. */
  private static String improvement(Emergency e, List<EmergencyEvent> events, Map<String, String> names) {
    if (e.improvement() == null) {
      return "应急预案评审（评审应急预案）尚未完成。评审完成后，本报告将补充改进措施并归档为新版本。";
    }
    EmergencyEvent review = events.stream().filter(ev -> "PLAN".equals(ev.kind()))
        .max(Comparator.comparing(EmergencyEvent::createdAt)).orElse(null);
    if (review == null) {
      return e.improvement();
    }
    return review.text() + "（评审人：" + names.getOrDefault(review.author(), nz(review.author())) + "，"
        + time(review.createdAt()) + "）";
  }

  private static Map<String, String> pair(String item, String value) {
    return Map.of("item", item, "value", value == null ? "—" : value);
  }

  private static Map<String, String> row(String measure, String target, String actual, String verdict) {
    return Map.of("measure", measure, "target", target, "actual", actual, "verdict", verdict);
  }

  static String minutes(long seconds) {
    if (seconds % 3600 == 0 && seconds >= 3600) {
      return (seconds / 3600) + " 小时";
    }
    return seconds % 60 == 0 ? (seconds / 60) + " 分钟" : (seconds / 60) + " 分 " + (seconds % 60) + " 秒";
  }

  static String category(String c) {
    return switch (c) {
      case "INTERRUPTION" -> "业务系统中断";
      case "DATA_LOSS" -> "数据丢失";
      case "DEGRADATION" -> "业务系统性能下降";
      case "SECURITY" -> "安全事件";
      default -> "其他";
    };
  }

  static String source(String s) {
    return switch (s) {
      case "MONITORING" -> "监控";
      case "HOTLINE" -> "热线";
      case "INSPECTION" -> "巡检";
      case "WORK_ORDER" -> "工单转入";
      default -> "用户报告";
    };
  }

  /** GB/T 34077.3 5.3.6 人员到场时间: the deadline when presence is needed, and the arrival. */
  private Map<String, String> onSiteRow(OnSiteClock.OnSite s) {
    if (s.resident()) {
      return row("人员到场", "一级服务：人员常驻现场", time(s.arrivedAt()), "—");
    }
    return row("人员到场", s.dueAt() == null ? "—" : "需要现场处置时不晚于 " + time(s.dueAt()), time(s.arrivedAt()),
        s.arrivedAt() == null ? "未到场（远程处置）" : s.arrivedAt().isAfter(s.dueAt()) ? "超时" : "按时");
  }

  private String recoveryTarget(Emergency e) {
    return e.recoveryDueAt() == null ? "尽快恢复"
        : "不晚于 " + time(e.recoveryDueAt());
  }

  static String kind(String k) {
    return switch (k) {
      case "RECEIVED" -> "接报";
      case "RESPONSE" -> "响应";
      case "ESCALATION" -> "升级";
      case "FEEDBACK" -> "反馈";
      case "ACTION" -> "处置";
      case "RECOVERY" -> "恢复";
      case "RECOVERY_OVERDUE" -> "恢复超时";
      case "REOPEN" -> "重新处置";
      case "VERIFY" -> "验证";
      case "OCCURRENCE" -> "再次告警";
      case "PLAN" -> "预案改进";
      case "PLAN_START" -> "启动预案";
      case "NOTE" -> "记录";
      case "ALERT" -> "告警状态";
      default -> k;
    };
  }

  private static String time(Instant i) {
    return TemplateReport.time(i);
  }

  private static String nz(String s) {
    return s == null ? "—" : s;
  }
}
