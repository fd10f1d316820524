package cn.gov.gz.govcloud.evaluation;

import org.springframework.stereotype.Component;

/**
 * What the evaluation model reads: {@code ${evaluationSettings.schedule}} on the timer start. It depends on
 * configuration only: the engine reads the schedule while it deploys, before the other beans exist.
 */
@Component("evaluationSettings")
public class EvaluationSettings {

  private final EvaluationProperties properties;

  EvaluationSettings(EvaluationProperties properties) {
    this.properties = properties;
  }

  public String getSchedule() {
    return properties.schedule();
  }
}
