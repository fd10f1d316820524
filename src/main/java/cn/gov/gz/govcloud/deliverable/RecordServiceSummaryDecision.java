package cn.gov.gz.govcloud.deliverable;

import static cn.gov.gz.govcloud.deliverable.DeliverableVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.engine.Variables;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.report.DocumentLinks;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Management's confirmation: confirmed, the final version is filed (the register's item 23) and sent to the
 * supervisor and the provider; returned, the reason goes back to the provider's review.
 */
@Component("recordServiceSummaryDecision")
public class RecordServiceSummaryDecision extends ProcessStep {

  private final ServiceSummaryReport report;
  private final DeliverableProperties properties;
  private final CaseNotifier notifier;
  private final DocumentLinks links;
  private final Clock clock;

  RecordServiceSummaryDecision(ServiceSummaryReport report, DeliverableProperties properties, CaseNotifier notifier,
      DocumentLinks links, Clock clock) {
    this.report = report;
    this.properties = properties;
    this.notifier = notifier;
    this.links = links;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String decision = Variables.text(execution, SUMMARY_DECISION);
    String reason = Variables.text(execution, SUMMARY_REASON);
    if (!CONFIRM.equals(decision) && !RETURN.equals(decision)) {
      throw ValidationException.of(SUMMARY_DECISION, "请选择：确认或退回补充");
    }
    if (RETURN.equals(decision) && reason == null) {
      throw ValidationException.of(SUMMARY_REASON, "退回时请填写需要补充的内容");
    }
    if (reason != null && reason.length() > 2000) {
      throw ValidationException.of(SUMMARY_REASON, "意见不能超过 2000 字");
    }
    boolean confirmed = CONFIRM.equals(decision);
    execution.setVariable(SUMMARY_CONFIRMED, confirmed);
    String subject = ServiceSummaryReport.subject(day(execution, PERIOD_FROM), day(execution, PERIOD_TO));
    if (!confirmed) {
      execution.setVariable(REVIEW_DUE, Date.from(clock.instant().plus(properties.getApprovalWithin())));
      notifier.toGroups(List.of(Groups.OPS_MANAGER), "service-summary", subject, "服务总结报告 " + subject,
          "服务总结报告被退回补充", "管理方退回了服务总结报告，需要补充：" + reason, "请在任务中心修改服务总结。");
      return;
    }
    ReportDocument d = report.generate(day(execution, PERIOD_FROM), day(execution, PERIOD_TO),
        ServiceSummaryReport.FINAL, Variables.text(execution, COMMENTARY), report.authorLine(
            Variables.text(execution, SUMMARY_REVIEWER), Variables.text(execution, SUMMARY_REVIEWED_AT),
            actor(execution)), execution.getProcessInstanceId(), actor(execution));
    execution.setVariable(REPORT_ID, d.id());
    execution.setVariable(REPORT_VERSION, d.version());
    notifier.toGroups(List.of(Groups.MANAGEMENT, Groups.SUPERVISOR, Groups.OPS_MANAGER), "service-summary",
        d.subjectRef(), "服务总结报告 " + d.subjectRef(), "服务总结报告已确认",
        "服务总结报告（第 " + d.version() + " 版，终稿）经管理方确认并归档。\n" + links.line(d)
            + (reason == null ? "" : "\n管理方意见：" + reason), "交付物登记册第 23 项");
  }
}
