package cn.gov.gz.govcloud.governance;

import java.util.List;
import org.springframework.stereotype.Component;

/** What the assessment model reads: {@code ${assessmentPlan.open(assessmentId)}}, the staff of this round. */
@Component("assessmentPlan")
public class AssessmentPlan {

  private final AssessmentService assessments;

  AssessmentPlan(AssessmentService assessments) {
    this.assessments = assessments;
  }

  public List<Long> open(Object assessmentId) {
    return assessments.open(((Number) assessmentId).longValue());
  }
}
