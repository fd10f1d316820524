package cn.gov.gz.govcloud.deliverable;

import static cn.gov.gz.govcloud.deliverable.DeliverableVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Files the first draft of the service summary report of the period (the contract's period when none is given). */
@Component("generateServiceSummary")
public class GenerateServiceSummary extends ProcessStep {

  private final ServiceSummaryReport report;
  private final DeliverableProperties properties;
  private final Clock clock;

  GenerateServiceSummary(ServiceSummaryReport report, DeliverableProperties properties, Clock clock) {
    this.report = report;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    LocalDate from = day(execution, PERIOD_FROM);
    LocalDate to = day(execution, PERIOD_TO);
    from = from == null ? properties.getContractFrom() : from;
    to = to == null ? properties.getContractTo() : to;
    if (to.isBefore(from)) {
      throw ValidationException.of(PERIOD_TO, "结束日期不能早于开始日期");
    }
    if (from.plusYears(5).isBefore(to)) {
      throw ValidationException.of(PERIOD_TO, "统计期间不能超过 5 年");
    }
    execution.setVariable(PERIOD_FROM, from.toString());
    execution.setVariable(PERIOD_TO, to.toString());
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(ServiceSummaryReport.subject(from, to));
    }
    ReportDocument d = report.generate(from, to, ServiceSummaryReport.DRAFT, null, null,
        execution.getProcessInstanceId(), actor(execution));
    execution.setVariable(REPORT_ID, d.id());
    execution.setVariable(REPORT_VERSION, d.version());
    execution.setVariable(REVIEW_DUE, Date.from(clock.instant().plus(properties.getApprovalWithin())));
  }
}
