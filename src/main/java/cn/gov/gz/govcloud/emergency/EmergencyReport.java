package cn.gov.gz.govcloud.emergency;

import cn.gov.gz.govcloud.sla.WorkingCalendar;
import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The emergency response report (P6 7.4.2.3.6; GB/T 34077.3 5.3.7 c, due by the end of the next day): timeline,
 * classification, responses and their timeliness against the SLA, actions, cause, result, improvement. Generated at
 * close, archived with a version, and sent to the stakeholders.
 */
@Component("generateEmergencyReport")
class EmergencyReport extends ProcessStep {

  static final String KIND = "EMERGENCY_RESPONSE";
  static final String TEMPLATE = "emergency-response-report.docx";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(WorkingCalendar.CHINA);

  private final EmergencyService service;
  private final ReportArchive archive;
  private final EmergencyNotices notices;

  EmergencyReport(EmergencyService service, ReportArchive archive, EmergencyNotices notices) {
    this.service = service;
    this.archive = archive;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = emergencyId(execution);
    Emergency e = service.get(id);
    int version = archive.nextVersion(KIND, e.emergencyNo());
    byte[] docx = render(e, service.events(id), service.timeliness(id), version);
    ReportDocument d = archive.archive(KIND, e.emergencyNo(), e.mark() + "应急事件响应报告 " + e.emergencyNo(),
        execution.getProcessInstanceId(), e.unitCode(), e.mark() + "应急事件响应报告-" + e.emergencyNo() + ".docx",
        ReportArchive.DOCX, docx, actor(execution));
    execution.setVariable(REPORT_ID, d.id());
    notices.toStakeholders(e, "report", "应急事件响应报告", "应急事件已关闭，响应报告（第 " + d.version() + " 版）已归档，"
        + "可在系统中下载：/api/reports/" + d.id() + "/content");
  }

  byte[] render(Emergency e, List<EmergencyEvent> events, Map<String, Object> t, int version) {
    Map<String, Object> data = new HashMap<>();
    data.put("title", e.mark() + "应急事件响应报告");
    data.put("emergencyNo", e.mark() + e.emergencyNo());
    data.put("generatedAt", TIME.format(Instant.now()));
    data.put("version", String.valueOf(version));
    data.put("overview", List.of(
        pair("事件性质", e.drill() ? "应急演练（不计入生产考核指标）" : "生产事件"),
        pair("业务系统", e.businessSystemCode()),
        pair("使用单位", nz(e.unitCode())),
        pair("事件类别 / 等级", category(e.category()) + " / " + e.severity()),
        pair("服务时间", "5x8".equals(e.serviceHours()) ? "5×8（工作时间）" : "7×24"),
        pair("来源 / 报告人 / 联系方式", source(e.source()) + " / " + nz(e.reporter()) + " / " + nz(e.contact())),
        pair("发现时间", time(e.detectedAt())),
        pair("影响范围", nz(e.scope())),
        pair("事件现象", e.description()),
        pair("已采取措施", nz(e.measuresTaken())),
        pair("同一告警发生次数", String.valueOf(e.occurrences()))));
    data.put("timeliness", List.of(
        Map.of("measure", "响应", "target", "不晚于 " + time(e.responseDueAt()), "actual", time(e.respondedAt()),
            "verdict", Boolean.TRUE.equals(t.get("respondedInTime")) ? "按时" : "超时"),
        Map.of("measure", "进展反馈", "target", "每 " + (e.feedbackIntervalSeconds() / 60) + " 分钟",
            "actual", t.get("feedbackBeats") + " 次", "verdict", "逾期 " + t.get("feedbackBeatsLate") + " 次"),
        Map.of("measure", "升级", "target", "—", "actual", "最高第 " + e.escalationLevel() + " 级",
            "verdict", e.escalationLevel() == 0 ? "未升级" : "已升级"),
        Map.of("measure", "恢复", "target", "—", "actual", time(e.recoveredAt()),
            "verdict", t.get("recoveryMinutes") == null ? "—" : "发现后 " + t.get("recoveryMinutes") + " 分钟恢复")));
    data.put("timeline", events.stream().map(ev -> Map.of("time", time(ev.createdAt()), "kind", kind(ev.kind()),
        "author", nz(ev.author()), "text", ev.text())).toList());
    data.put("cause", nz(e.cause()));
    data.put("result", nz(e.result()));
    data.put("improvement", e.improvement() == null ? "（应急预案评审待完成，结果将记入事件记录）" : e.improvement());
    return TemplateReport.render(TEMPLATE, data, "overview", "timeliness", "timeline");
  }

  private static Map<String, String> pair(String item, String value) {
    return Map.of("item", item, "value", value == null ? "—" : value);
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

  static String kind(String k) {
    return switch (k) {
      case "RECEIVED" -> "接报";
      case "RESPONSE" -> "响应";
      case "ESCALATION" -> "升级";
      case "FEEDBACK" -> "反馈";
      case "ACTION" -> "处置";
      case "RECOVERY" -> "恢复";
      case "REOPEN" -> "重新处置";
      case "VERIFY" -> "验证";
      case "OCCURRENCE" -> "再次告警";
      case "PLAN" -> "预案改进";
      case "NOTE" -> "记录";
      default -> k;
    };
  }

  private static String time(Instant i) {
    return i == null ? "—" : TIME.format(i);
  }

  private static String nz(String s) {
    return s == null ? "—" : s;
  }
}
