package cn.gov.gz.govcloud.kpi;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.report.DocumentLinks;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The delegates of {@code service-report}. */
final class ServiceReportSteps {

  static final String PERIOD_FROM = "periodFrom";
  static final String PERIOD_TO = "periodTo";
  static final String COMMENTARY = "commentary";
  static final String REPORT_ID = "reportId";
  static final String REPORT_VERSION = "reportVersion";

  private ServiceReportSteps() {}

  static LocalDate day(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    if (v instanceof Date d) {
      return d.toInstant().atZone(KpiService.CHINA).toLocalDate();
    }
    try {
      return LocalDate.parse(v.toString().strip().substring(0, Math.min(10, v.toString().strip().length())));
    } catch (DateTimeParseException e) {
      throw ValidationException.of(name, "日期格式应为 YYYY-MM-DD");
    }
  }

  /** Computes the KPIs and files the draft; the monthly timer reports on the previous month. */
  @Component("generateServiceReport")
  static class GenerateDraft extends ProcessStep {
    private final ServiceReport report;
    private final Clock clock;

    GenerateDraft(ServiceReport report, Clock clock) {
      this.report = report;
      this.clock = clock;
    }

    @Override
    protected void run(DelegateExecution execution) {
      LocalDate from = day(execution, PERIOD_FROM);
      LocalDate to = day(execution, PERIOD_TO);
      if (from == null || to == null) {
        LocalDate firstOfThisMonth = clock.instant().atZone(KpiService.CHINA).toLocalDate().withDayOfMonth(1);
        from = firstOfThisMonth.minusMonths(1);
        to = firstOfThisMonth.minusDays(1);
      }
      if (to.isBefore(from)) {
        throw ValidationException.of(PERIOD_TO, "结束日期不能早于开始日期");
      }
      execution.setVariable(PERIOD_FROM, from.toString());
      execution.setVariable(PERIOD_TO, to.toString());
      if (execution.getProcessBusinessKey() == null) {
        execution.setProcessBusinessKey(ServiceReport.subject(from, to));
      }
      ReportDocument d = report.generate(from, to, null, execution.getProcessInstanceId(), actor(execution));
      execution.setVariable(REPORT_ID, d.id());
      execution.setVariable(REPORT_VERSION, d.version());
    }
  }

  /** Files the final version with the manager's commentary and sends it to management and the supervisor. */
  @Component("publishServiceReport")
  static class Publish extends ProcessStep {
    private final ServiceReport report;
    private final CaseNotifier notifier;
    private final DocumentLinks links;

    Publish(ServiceReport report, CaseNotifier notifier, DocumentLinks links) {
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
}
