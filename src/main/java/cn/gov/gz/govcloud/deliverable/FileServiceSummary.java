package cn.gov.gz.govcloud.deliverable;

import static cn.gov.gz.govcloud.deliverable.DeliverableVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.CityTime;
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

/** Files the version with the provider's summary and sends it to management for confirmation. */
@Component("fileServiceSummary")
public class FileServiceSummary extends ProcessStep {

  private final ServiceSummaryReport report;
  private final DeliverableProperties properties;
  private final CaseNotifier notifier;
  private final DocumentLinks links;
  private final Clock clock;

  FileServiceSummary(ServiceSummaryReport report, DeliverableProperties properties, CaseNotifier notifier,
      DocumentLinks links, Clock clock) {
    this.report = report;
    this.properties = properties;
    this.notifier = notifier;
    this.links = links;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String commentary = Variables.text(execution, COMMENTARY);
    if (commentary == null) {
      throw ValidationException.of(COMMENTARY, "请填写服务总结");
    }
    if (commentary.length() > 4000) {
      throw ValidationException.of(COMMENTARY, "服务总结不能超过 4000 字");
    }
    String by = actor(execution);
    String at = CityTime.minute(clock.instant());
    execution.setVariable(SUMMARY_REVIEWER, by);
    execution.setVariable(SUMMARY_REVIEWED_AT, at);
    ReportDocument d = report.generate(day(execution, PERIOD_FROM), day(execution, PERIOD_TO),
        ServiceSummaryReport.REVIEWED, commentary, report.authorLine(by, at, null), execution.getProcessInstanceId(),
        by);
    execution.setVariable(REPORT_ID, d.id());
    execution.setVariable(REPORT_VERSION, d.version());
    execution.setVariable(APPROVAL_DUE, Date.from(clock.instant().plus(properties.getApprovalWithin())));
    notifier.toGroups(List.of(Groups.MANAGEMENT), "service-summary", d.subjectRef(), "服务总结报告 " + d.subjectRef(),
        "服务总结报告待确认", "服务方已完成服务总结报告（第 " + d.version() + " 版），请在任务中心确认。\n" + links.line(d),
        "统计期间：" + Variables.text(execution, PERIOD_FROM) + " 至 " + Variables.text(execution, PERIOD_TO));
  }
}
