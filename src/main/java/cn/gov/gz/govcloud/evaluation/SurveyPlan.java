package cn.gov.gz.govcloud.evaluation;

import java.util.List;
import org.springframework.stereotype.Component;

/** The surveyed units, for the model's multi-instance: {@code ${surveyPlan.units(surveyId)}}. */
@Component("surveyPlan")
public class SurveyPlan {
  private final SurveyService surveys;

  SurveyPlan(SurveyService surveys) {
    this.surveys = surveys;
  }

  public List<String> units(Object surveyId) {
    return surveys.units(((Number) surveyId).longValue());
  }
}
