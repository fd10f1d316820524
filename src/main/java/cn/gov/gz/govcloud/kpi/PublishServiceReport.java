package cn.gov.gz.govcloud.kpi;

import static cn.gov.gz.govcloud.kpi.ServiceReportVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.report.DocumentLinks;
import cn.gov.gz.govcloud.report.ReportDocument;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Files the final version with the manager's commentary and sends it to management and the supervisor. */
@Component("publishServiceReport")
class PublishServiceReport extends ProcessStep {
  private final ServiceReport report;
  private final CaseNotifier notifier;
  private final DocumentLinks links;

  PublishServiceReport(ServiceReport report, CaseNotifier notifier, DocumentLinks links) {
    this.report = report;
    this.notifier = notifier;
    this.links = links;
  }

  @Override
  protected void run(DelegateExecution execution) {
    LocalDate from = day(execution, PERIOD_FROM);
    LocalDate to = day(execution, PERIOD_TO);
    Object commentary = execution.getVariable(COMMENTARY);
    ReportDocument d = report.generate(from, to, commentary == null ? null : commentary.toString(),
        execution.getProcessInstanceId(), actor(execution));
    execution.setVariable(REPORT_ID, d.id());
    execution.setVariable(REPORT_VERSION, d.version());
    notifier.toGroups(List.of(Groups.MANAGEMENT, Groups.SUPERVISOR, Groups.OPS_MANAGER), "service-report",
        d.subjectRef(), "服务报告 " + from + " 至 " + to, "运维服务报告已发布",
        "本期运维服务报告（第 " + d.version() + " 版，终稿）已发布。\n" + links.line(d),
        "统计期间：" + from + " 至 " + to);
  }
}
