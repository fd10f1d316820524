package cn.gov.gz.govcloud.evaluation;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.evaluation.SurveyVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.evaluation.SurveyService.AnswerInput;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records a unit's answer (Tasklist form or {@code POST /api/surveys/{id}/answers}): a score per dimension. */
@Component("recordSurveyAnswer")
public class RecordSurveyAnswer extends ProcessStep {
  private final SurveyService surveys;

  RecordSurveyAnswer(SurveyService surveys) {
    this.surveys = surveys;
  }

  @Override
  protected void run(DelegateExecution execution) {
    Map<String, Object> scores = new LinkedHashMap<>();
    for (SurveyDimension d : SurveyDimension.all()) {
      scores.put(d.field(), execution.getVariable(d.field()));
    }
    surveys.answer(id(execution, SURVEY_ID), text(execution, SURVEY_UNIT),
        new AnswerInput(scores, text(execution, SURVEY_PROBLEMS), text(execution, SURVEY_SUGGESTIONS)),
        actor(execution));
  }
}
