package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.governance.AssessmentVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * After a round: when staff failed with attempts left, a retake round follows with a new due date (the configured
 * time from now) and reminder; otherwise the record is filed.
 */
@Component("checkAssessmentRetakes")
public class CheckAssessmentRetakes extends ProcessStep {
  private final AssessmentService assessments;
  private final GovernanceProperties properties;
  private final Clock clock;

  CheckAssessmentRetakes(AssessmentService assessments, GovernanceProperties properties, Clock clock) {
    this.assessments = assessments;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = Scores.id(execution, ASSESSMENT_ID);
    boolean retakes = assessments.retakes(id) > 0;
    execution.setVariable(RETAKES_PENDING, retakes);
    if (retakes) {
      Instant now = clock.instant();
      Instant due = now.plus(properties.assessmentWithin());
      Instant remind = due.minus(properties.assessmentRemindBefore());
      assessments.due(id, due);
      execution.setVariable(ASSESSMENT_DUE, Date.from(due));
      execution.setVariable(ASSESSMENT_REMIND_AT, Date.from(remind.isAfter(now) ? remind : due));
    }
  }
}
