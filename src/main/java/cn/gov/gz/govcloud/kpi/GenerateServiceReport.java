package cn.gov.gz.govcloud.kpi;

import static cn.gov.gz.govcloud.kpi.ServiceReportVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Computes the KPIs and files the draft; the monthly timer reports on the previous month. */
@Component("generateServiceReport")
class GenerateServiceReport extends ProcessStep {
  private final ServiceReport report;
  private final Clock clock;

  GenerateServiceReport(ServiceReport report, Clock clock) {
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
