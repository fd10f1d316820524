package cn.gov.gz.govcloud.evaluation;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.evaluation.SurveyVariables.*;

import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.evaluation.SurveyService.Survey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Opens the survey of a period (by default the previous half-year, GB/T 34077.3 5.3.7 e) for the given units or every
 * registered unit, with its due date and the reminder before it. A run without a period (the half-yearly schedule)
 * that finds the half-year already surveyed ends at once (BPMN error {@value #ALREADY_SURVEYED}): a timer job run twice
 * makes one survey; the unique survey number guards the race.
 */
@Component("openSatisfactionSurvey")
public class OpenSatisfactionSurvey extends ProcessStep {
  static final String ALREADY_SURVEYED = "PERIOD_ALREADY_SURVEYED";
  private final SurveyService surveys;
  private final EvaluationProperties properties;
  private final Clock clock;

  OpenSatisfactionSurvey(SurveyService surveys, EvaluationProperties properties, Clock clock) {
    this.surveys = surveys;
    this.properties = properties;
    this.clock = clock;
  }

  /** The half-year before the one that contains {@code today}. */
  static LocalDate[] previousHalfYear(LocalDate today) {
    LocalDate start = today.getMonthValue() <= 6 ? LocalDate.of(today.getYear() - 1, 7, 1)
        : LocalDate.of(today.getYear(), 1, 1);
    return new LocalDate[] {start, start.plusMonths(6).minusDays(1)};
  }

  @Override
  protected void run(DelegateExecution execution) {
    LocalDate from = day(execution, PERIOD_FROM);
    LocalDate to = day(execution, PERIOD_TO);
    boolean scheduled = from == null && to == null;
    if (scheduled) {
      LocalDate[] half = previousHalfYear(clock.instant().atZone(CityTime.ZONE).toLocalDate());
      from = half[0];
      to = half[1];
      if (surveys.exists(from, to)) {
        throw new BpmnError(ALREADY_SURVEYED, "本期（" + from + " 至 " + to + "）已开展满意度调查");
      }
    }
    String codes = text(execution, UNIT_CODES);
    List<String> units = codes == null ? List.of()
        : Arrays.stream(codes.split("[,，;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    Instant due = clock.instant().plus(properties.answerWithin());
    Survey s = surveys.open(from, to, units, due, execution.getProcessInstanceId(), actor(execution), !scheduled);
    Instant remindAt = due.minus(properties.remindBefore());
    execution.setVariable(PERIOD_FROM, from.toString());
    execution.setVariable(PERIOD_TO, to.toString());
    execution.setVariable(SURVEY_ID, s.id());
    execution.setVariable(SURVEY_NO, s.surveyNo());
    execution.setVariable(SURVEY_DUE, Date.from(due));
    execution.setVariable(SURVEY_REMIND_AT, Date.from(remindAt.isAfter(clock.instant()) ? remindAt : due));
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(s.surveyNo());
    }
  }
}
