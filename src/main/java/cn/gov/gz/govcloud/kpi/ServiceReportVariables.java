package cn.gov.gz.govcloud.kpi;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The variables of {@code service-report}: names and the period's reading. */
final class ServiceReportVariables {

  static final String PERIOD_FROM = "periodFrom";
  static final String PERIOD_TO = "periodTo";
  static final String COMMENTARY = "commentary";
  static final String REPORT_ID = "reportId";
  static final String REPORT_VERSION = "reportVersion";

  private ServiceReportVariables() {}

  static LocalDate day(DelegateExecution execution, String name) {
    return cn.gov.gz.govcloud.engine.Variables.day(execution, name);
  }
}
