package cn.gov.gz.govcloud.governance;

import org.springframework.stereotype.Component;

/**
 * What the governance models read at deployment: {@code ${governanceSettings.assessmentSchedule}} on the timer start
 * of {@code security-assessment-schedule}. It depends on configuration only: the engine reads the schedule while it
 * deploys, before the other beans exist.
 */
@Component("governanceSettings")
public class GovernanceSettings {

  private final GovernanceProperties properties;

  GovernanceSettings(GovernanceProperties properties) {
    this.properties = properties;
  }

  public String getAssessmentSchedule() {
    return properties.assessmentSchedule();
  }

  /** {@code ${governanceSettings.normReviewSchedule}} on the timer start of {@code norm-review-schedule}. */
  public String getNormReviewSchedule() {
    return properties.normReviewSchedule();
  }
}
