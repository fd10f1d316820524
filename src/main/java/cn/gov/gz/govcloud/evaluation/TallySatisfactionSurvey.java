package cn.gov.gz.govcloud.evaluation;

import static cn.gov.gz.govcloud.evaluation.SurveyVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.evaluation.SurveyService.Results;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Every unit answered or is 未答复: the results are summed up for the evaluator's opinion. */
@Component("tallySatisfactionSurvey")
public class TallySatisfactionSurvey extends ProcessStep {
  private final SurveyService surveys;
  private final EvaluationProperties properties;
  private final Clock clock;

  TallySatisfactionSurvey(SurveyService surveys, EvaluationProperties properties, Clock clock) {
    this.surveys = surveys;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = id(execution, SURVEY_ID);
    surveys.setStatus(id, "EVALUATING");
    Results r = surveys.results(id, null);
    execution.setVariable(ANSWERED_COUNT, r.answered());
    execution.setVariable(SURVEY_SUMMARY, summary(r));
    execution.setVariable(OPINION_DUE, Date.from(clock.instant().plus(properties.opinionWithin())));
  }

  /** The survey in a few lines, as the opinion form shows it. */
  static String summary(Results r) {
    StringBuilder s = new StringBuilder("调查使用单位 " + r.surveyed() + " 家，已答复 " + r.answered() + " 家，未答复 "
        + r.noReply() + " 家；使用单位满意度（各单位平均分的平均）" + EvaluationReport.score(r.unitSatisfaction()) + " 分。");
    s.append("\n各维度平均分：");
    for (SurveyDimension d : SurveyDimension.all()) {
      s.append(d.label()).append(' ').append(EvaluationReport.score(r.dimensions().get(d.field()))).append("；");
    }
    return s.toString();
  }
}
