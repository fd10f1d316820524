package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.governance.AssessmentVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The due date passed without a score: the staff member is recorded 缺考. */
@Component("recordAssessmentAbsent")
public class RecordAssessmentAbsent extends ProcessStep {
  private final AssessmentService assessments;

  RecordAssessmentAbsent(AssessmentService assessments) {
    this.assessments = assessments;
  }

  @Override
  protected void run(DelegateExecution execution) {
    assessments.absent(Scores.id(execution, ASSESSMENT_ID), Scores.id(execution, ASSESSED_STAFF_ID));
  }
}
