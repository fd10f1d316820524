package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.report.DocumentLinks;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import cn.gov.gz.govcloud.workorder.WorkOrderTargets.Targets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The response service report (响应服务报告, GB/T 34077.3 5.3.7 c) of a fault or complaint, generated when the order is
 * closed (confirmed by the unit, or deemed confirmed when the confirmation period ends): the order, its timeline
 * (received, dispatched, progress, pauses, escalations, feedback, resolved, confirmed) and its times against the
 * targets of its type and service level. An order the desk marked as a security incident gets the same document with
 * the security incident report of P6 7.4.1.5 (description, handling, result) as its last section, and the bureau
 * (management) receives it too. Other orders (service requests, findings) get no report. Archived with a version;
 * its id is the variable {@code responseReportId}, which the order's later tasks link.
 */
@Implements(value = "GB 5.3.7 c", what = "故障、投诉处理完毕（工单关闭）即生成响应服务报告并发送使用单位，第二天内提交")
@Implements(value = "P6 7.4.1.5", what = "安全事件工单的报告：事件描述、处理过程、处理结果，报送管理方")
@Component("generateResponseReport")
public class WorkOrderResponseReport extends ProcessStep {

  static final String KIND = "WORK_ORDER_RESPONSE";
  static final String TEMPLATE = "work-order-response-report.docx";
  static final Set<WorkOrderType> REPORTED = Set.of(WorkOrderType.FAULT, WorkOrderType.COMPLAINT);

  private final WorkOrderService service;
  private final ReportArchive archive;
  private final TemplateReport templates;
  private final WorkOrderNotices notices;
  private final OrganizationService organization;
  private final People people;
  private final DocumentLinks links;

  WorkOrderResponseReport(WorkOrderService service, ReportArchive archive, TemplateReport templates,
      WorkOrderNotices notices, OrganizationService organization, People people, DocumentLinks links) {
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
    long id = workOrderId(execution);
    WorkOrder order = service.get(id);
    Optional<SecurityCategory> security = service.securityCategory(id);
    if (!REPORTED.contains(order.type()) && security.isEmpty()) {
      return;
    }
    ReportDocument d = file(order, security.orElse(null), execution.getProcessInstanceId(), actor(execution));
    execution.setVariable(RESPONSE_REPORT_ID, d.id());
  }

  ReportDocument file(WorkOrder order, SecurityCategory security, String processInstanceId, String by) {
    int version = archive.nextVersion(KIND, order.orderNo());
    String title = title(security);
    byte[] docx = render(order, security, version);
    ReportDocument d = archive.archive(KIND, order.orderNo(), title + " " + order.orderNo(), processInstanceId,
        order.unitCode(), title + "-" + order.orderNo() + "-v" + version + ".docx", ReportArchive.DOCX, docx, by);
    service.note(order.id(), "SYSTEM", by, title + "已生成并归档（第 " + d.version() + " 版）");
    String body = "工单已关闭，" + title + "（第 " + d.version() + " 版）已归档，请查阅。\n" + links.line(d);
    notices.toUnit(order, "response-report", title, body);
    if (security != null) {
      notices.toGroups(order, List.of(Groups.MANAGEMENT), "security-report", title, body);
    }
    return d;
  }

  static String title(SecurityCategory security) {
    return security == null ? "响应服务报告" : "响应服务报告（安全事件报告）";
  }

  byte[] render(WorkOrder o, SecurityCategory security, int version) {
    List<WorkOrderNote> notes = service.notes(o.id());
    List<WorkOrderPause> pauses = service.pauses(o.id());
    Targets t = service.targetsOf(o);
    Map<String, String> names = people.names(notes.stream().map(WorkOrderNote::author).toList());
    String system = o.businessSystemCode() == null ? "—" : organization.systemName(o.businessSystemCode());
    String unit = o.unitCode() == null ? "—" : organization.unitName(o.unitCode());
    Map<String, Object> data = new HashMap<>();
    data.put("title", title(security));
    data.put("orderNo", o.orderNo());
    data.put("orderType", o.type().label() + (security == null ? "" : "（" + security.label() + "）"));
    data.put("system", system);
    data.put("unit", unit);
    data.put("recipientUnit", unit + (security == null ? "" : "；管理方"));
    data.put("version", String.valueOf(version));
    data.put("status", "AUTO_CONFIRMED".equals(o.closeReason()) ? "工单已关闭，用户未在期限内答复，视为确认" : "工单已关闭，用户已确认");
    data.put("submitBy", submitBy(o.closedAt()));
    data.put("overview", List.of(
        pair("标题", o.title()),
        pair("问题描述", o.description()),
        pair("类型 / 优先级", o.type().label() + " / " + WorkOrderView.priority(o.priority())),
        pair("服务级别 / 服务时间", o.serviceLevel() + " 级 / " + (o.workingHoursOnly() ? "5×8（工作日工作时间）" : "7×24")),
        pair("报告渠道 / 联系人", WorkOrderView.channel(o.channel()) + " / " + nz(o.contactName()) + " "
            + nz(o.contactPhone())),
        pair("处理组", nz(o.handlerGroup())),
        pair("受理 / 分派 / 处理完成 / 关闭", time(o.receivedAt()) + " / " + time(o.dispatchedAt()) + " / "
            + time(o.resolvedAt()) + " / " + time(o.closedAt())),
        pair("重新打开次数", o.reopenCount() + " 次"),
        pair("转应急事件", o.emergencyRef() == null ? "否" : o.emergencyRef())));
    data.put("timeliness", timeliness(o, t, notes, pauses));
    data.put("timelinessNotes", "注：受理 7×24 小时（DB4401/T 294.3 5.2.1.2）；分派时限按工单类型和优先级（GB/T 34077.3 5.3.2 e、"
        + "5.3.3 c），处理时限按业务系统服务级别的故障恢复时间（GB/T 34077.3 5.3.6），均自受理时间起算，等待用户补充信息的时间不计；"
        + (o.workingHoursOnly() ? "本工单为 5×8 服务，时限和反馈间隔只计工作日的工作时间。" : "本工单为 7×24 服务，时限连续计时。")
        + "以上时间均为北京时间。");
    data.put("timeline", notes.stream().map(n -> Map.of("time", time(n.createdAt()), "kind", kind(n.kind()),
        "author", n.author() == null ? "—" : names.getOrDefault(n.author(), n.author()), "text", n.text())).toList());
    String result = result(notes);
    data.put("result", result);
    data.put("confirmation", "AUTO_CONFIRMED".equals(o.closeReason())
        ? "使用单位未在确认期限内答复，" + time(o.closedAt()) + " 按确认关闭工单"
        : "使用单位于 " + time(o.closedAt()) + " 确认问题已解决");
    data.put("survey", o.satisfactionScore() != null ? o.satisfactionScore() + " 分"
        : "满意度回访在工单关闭后进行，结果计入运维服务报告（P6 7.3.2.4）");
    data.put("security", security != null);
    if (security != null) {
      data.put("securityCategory", security.label());
      data.put("securityDescription", o.title() + "。" + o.description() + "（受理时间 " + time(o.receivedAt())
          + "，业务系统 " + system + "）");
      List<String> steps = notes.stream().filter(n -> Set.of("PROGRESS", "ESCALATION").contains(n.kind()))
          .map(n -> time(n.createdAt()) + " " + n.text()).toList();
      data.put("securityHandling", steps.isEmpty() ? "处理人员未记录处理过程" : String.join("\n", steps));
      data.put("securityResult", result + "；" + data.get("confirmation"));
    }
    return templates.render(TEMPLATE, data, "overview", "timeliness", "timeline");
  }

  private List<Map<String, String>> timeliness(WorkOrder o, Targets t, List<WorkOrderNote> notes,
      List<WorkOrderPause> pauses) {
    List<Map<String, String>> rows = new ArrayList<>();
    rows.add(row("受理", "7×24 小时受理", time(o.receivedAt()), "已受理"));
    rows.add(row("分派", "受理后 " + duration(t.dispatchWithin()) + "内，即不晚于 " + time(o.dispatchDueAt()),
        time(o.dispatchedAt()), verdict(o.dispatchedAt(), o.dispatchDueAt())));
    long feedbacks = notes.stream().filter(n -> "FEEDBACK".equals(n.kind())).count();
    rows.add(row("进展反馈", "处理中每 " + duration(t.feedbackInterval()) + "反馈一次", "共 " + feedbacks + " 次", "—"));
    long paused = o.pausedSeconds();
    rows.add(row("等待用户", "等待用户补充信息的时间不计入处理时限", pauses.isEmpty() ? "无"
        : pauses.size() + " 次，共 " + WorkOrderService.formatDuration(paused), "—"));
    rows.add(row("处理完成", "受理后 " + duration(Duration.ofSeconds(o.recoverWithinSeconds() == null ? 0
        : o.recoverWithinSeconds())) + "内（另加等待用户的时间），即不晚于 " + time(o.recoveryDueAt()),
        time(o.resolvedAt()), verdict(o.resolvedAt(), o.recoveryDueAt())));
    rows.add(row("升级", "超过分派或处理时限逐级升级", o.escalationLevel() == 0 ? "未升级"
        : "升级至第 " + o.escalationLevel() + " 级", o.escalationLevel() == 0 ? "—" : "已升级"));
    rows.add(row("用户确认", "处理完成后由使用单位确认", time(o.closedAt()),
        "AUTO_CONFIRMED".equals(o.closeReason()) ? "期满视为确认" : "已确认"));
    return rows;
  }

  /** The handler's last progress note: what was done to resolve the order. */
  private static String result(List<WorkOrderNote> notes) {
    return notes.stream().filter(n -> "PROGRESS".equals(n.kind())).reduce((a, b) -> b).map(WorkOrderNote::text)
        .orElse("处理人员未记录处理结果");
  }

  /** GB/T 34077.3 5.3.7 c: submitted within the day after handling is finished (calendar day, Beijing time). */
  static String submitBy(Instant closedAt) {
    if (closedAt == null) {
      return "—";
    }
    LocalDate next = closedAt.atZone(CityTime.ZONE).toLocalDate().plusDays(1);
    return "不晚于 " + next + " 24:00（处理完毕后的第二天内，本报告在工单关闭时即生成并发送）";
  }

  private static String verdict(Instant actual, Instant due) {
    if (actual == null) {
      return "—";
    }
    return due == null || !actual.isAfter(due) ? "按时" : "超时（晚 "
        + WorkOrderService.formatDuration(Duration.between(due, actual).toSeconds()) + "）";
  }

  static String duration(Duration d) {
    long s = d.toSeconds();
    if (s >= 3600 && s % 3600 == 0) {
      return s / 3600 + " 小时";
    }
    return s / 60 + " 分钟";
  }

  static String kind(String kind) {
    return switch (kind) {
      case "SYSTEM" -> "记录";
      default -> WorkOrderView.kind(kind);
    };
  }

  private static Map<String, String> pair(String item, String value) {
    return Map.of("item", item, "value", value == null ? "—" : value);
  }

  private static Map<String, String> row(String measure, String target, String actual, String verdict) {
    return Map.of("measure", measure, "target", target, "actual", actual, "verdict", verdict);
  }

  private static String time(Instant i) {
    return TemplateReport.time(i);
  }

  private static String nz(String s) {
    return s == null ? "—" : s;
  }
}
