package cn.gov.gz.govcloud.kpi;

import cn.gov.gz.govcloud.web.ValidationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
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
}
