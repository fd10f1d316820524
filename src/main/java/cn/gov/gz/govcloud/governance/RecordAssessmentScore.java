package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.governance.AssessmentVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records a staff member's score (Tasklist or REST): passed, retake (attempts left) or failed. */
@Component("recordAssessmentScore")
public class RecordAssessmentScore extends ProcessStep {
  private final AssessmentService assessments;
  private final GovernanceProperties properties;

  RecordAssessmentScore(AssessmentService assessments, GovernanceProperties properties) {
    this.assessments = assessments;
    this.properties = properties;
  }

  @Override
  protected void run(DelegateExecution execution) {
    assessments.score(Scores.id(execution, ASSESSMENT_ID), Scores.id(execution, ASSESSED_STAFF_ID),
        execution.getVariable(SCORE), text(execution, NOTE), actor(execution), properties.attempts());
  }
}
