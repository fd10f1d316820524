package cn.gov.gz.govcloud.evaluation;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.evaluation.SurveyVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The due date passed without an answer: the unit is recorded as 未答复 and its task closed. */
@Component("recordSurveyNoReply")
public class RecordSurveyNoReply extends ProcessStep {
  private final SurveyService surveys;

  RecordSurveyNoReply(SurveyService surveys) {
    this.surveys = surveys;
  }

  @Override
  protected void run(DelegateExecution execution) {
    surveys.noReply(id(execution, SURVEY_ID), text(execution, SURVEY_UNIT));
  }
}
