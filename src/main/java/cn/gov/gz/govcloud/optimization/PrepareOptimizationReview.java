package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.optimization.OptimizationVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Start (P6 7.5.1): registers the review of a period, by default the previous calendar month (the monthly timer).
 */
@Component("prepareOptimizationReview")
class PrepareOptimizationReview extends ProcessStep {
  private final OptimizationService service;
  private final OptimizationProperties properties;
  private final Clock clock;

  PrepareOptimizationReview(OptimizationService service, OptimizationProperties properties, Clock clock) {
    this.service = service;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    LocalDate from = day(execution.getVariable(PERIOD_FROM), PERIOD_FROM);
    LocalDate to = day(execution.getVariable(PERIOD_TO), PERIOD_TO);
    String month = null;
    if (from == null && to == null) {
      YearMonth last = YearMonth.from(LocalDate.ofInstant(clock.instant(), WorkingCalendar.CHINA)).minusMonths(1);
      from = last.atDay(1);
      to = last.atEndOfMonth();
      month = last.toString();
      var existing = service.findMonthly(month);
      if (existing.isPresent()) {
        throw new BpmnError(MONTH_ALREADY_REVIEWED, last + " 已有定期评审 " + existing.get().reviewNo());
      }
    } else if (from == null) {
      throw ValidationException.of(PERIOD_FROM, "请给出统计起始日期");
    } else if (to == null) {
      throw ValidationException.of(PERIOD_TO, "请给出统计截止日期");
    } else if (to.isBefore(from)) {
      throw ValidationException.of(PERIOD_TO, "截止日期不能早于起始日期");
    }
    if (to.isAfter(LocalDate.ofInstant(clock.instant(), WorkingCalendar.CHINA))) {
      throw ValidationException.of(PERIOD_TO, "统计截止日期不能晚于今天");
    }
    Review review = service.create(from, to, month, execution.getProcessInstanceId(), actor(execution));
    execution.setVariable(REVIEW_ID, review.id());
    execution.setVariable(REVIEW_NO, review.reviewNo());
    execution.setVariable(PERIOD_FROM, from.toString());
    execution.setVariable(PERIOD_TO, to.toString());
    execution.setVariable(REVIEW_DUE, Date.from(clock.instant().plus(properties.reviewWithin())));
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(review.reviewNo());
    }
  }
}
