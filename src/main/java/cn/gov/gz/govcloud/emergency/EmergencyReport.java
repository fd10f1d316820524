package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.WordDocument;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneId.of("Asia/Shanghai"));

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
    byte[] docx = render(e, service.events(id), service.timeliness(id));
    ReportDocument d = archive.archive(KIND, e.emergencyNo(), "应急事件响应报告 " + e.emergencyNo(),
        execution.getProcessInstanceId(), e.unitCode(), "应急事件响应报告-" + e.emergencyNo() + ".docx",
        ReportArchive.DOCX, docx, actor(execution));
    execution.setVariable(REPORT_ID, d.id());
    notices.toStakeholders(e, "report", "应急事件响应报告", "应急事件已关闭，响应报告（第 " + d.version() + " 版）已归档，"
        + "可在系统中下载：/api/reports/" + d.id() + "/content");
  }

  byte[] render(Emergency e, List<EmergencyEvent> events, Map<String, Object> t) {
    WordDocument doc = new WordDocument().title("应急事件响应报告");
    doc.paragraph("事件编号：" + e.emergencyNo() + "    报告生成时间：" + TIME.format(Instant.now()));
    doc.heading("一、事件概况");
    doc.table(List.of("项目", "内容"), List.of(
        List.of("业务系统", e.businessSystemCode()),
        List.of("使用单位", nz(e.unitCode())),
        List.of("事件类别 / 等级", category(e.category()) + " / " + e.severity()),
        List.of("服务时间", "5x8".equals(e.serviceHours()) ? "5×8（工作时间）" : "7×24"),
        List.of("来源 / 报告人 / 联系方式", source(e.source()) + " / " + nz(e.reporter()) + " / " + nz(e.contact())),
        List.of("发现时间", time(e.detectedAt())),
        List.of("影响范围", nz(e.scope())),
        List.of("事件现象", e.description()),
        List.of("已采取措施", nz(e.measuresTaken())),
        List.of("同一告警发生次数", String.valueOf(e.occurrences()))));
    doc.heading("二、响应时效（对照服务等级要求）");
    doc.table(List.of("指标", "要求", "实际", "结论"), List.of(
        List.of("响应", "不晚于 " + time(e.responseDueAt()), time(e.respondedAt()),
            Boolean.TRUE.equals(t.get("respondedInTime")) ? "按时" : "超时"),
        List.of("进展反馈", "每 " + (e.feedbackIntervalSeconds() / 60) + " 分钟", t.get("feedbackBeats") + " 次",
            "逾期 " + t.get("feedbackBeatsLate") + " 次"),
        List.of("升级", "—", "最高第 " + e.escalationLevel() + " 级", e.escalationLevel() == 0 ? "未升级" : "已升级"),
        List.of("恢复", "—", time(e.recoveredAt()),
            t.get("recoveryMinutes") == null ? "—" : "发现后 " + t.get("recoveryMinutes") + " 分钟恢复")));
    doc.heading("三、处置时间线");
    List<List<String>> rows = new ArrayList<>();
    for (EmergencyEvent ev : events) {
      rows.add(List.of(time(ev.createdAt()), kind(ev.kind()), nz(ev.author()), ev.text()));
    }
    doc.table(List.of("时间", "类别", "人员", "内容"), rows);
    doc.heading("四、原因与结果");
    doc.paragraph("原因：" + nz(e.cause()));
    doc.paragraph("结果：" + nz(e.result()));
    doc.heading("五、改进措施");
    doc.paragraph(e.improvement() == null ? "（应急预案评审待完成，结果将记入事件记录）" : e.improvement());
    return doc.toBytes();
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

  private static String kind(String k) {
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
