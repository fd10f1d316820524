package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.governance.TrainingVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Records the session held (attendance and materials) and opens the attendees' feedback until the configured due
 * date, with the reminder before it.
 */
@Component("recordTrainingSession")
public class RecordTrainingSession extends ProcessStep {
  private final TrainingService trainings;
  private final GovernanceProperties properties;
  private final Clock clock;

  RecordTrainingSession(TrainingService trainings, GovernanceProperties properties, Clock clock) {
    this.trainings = trainings;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    int count = Scores.whole(execution.getVariable(ATTENDANCE_COUNT), ATTENDANCE_COUNT, "实到人数", 0, 100000);
    String list = Scores.required(text(execution, ATTENDANCE_LIST), ATTENDANCE_LIST, "签到名单", 4000);
    String materials = Scores.optional(text(execution, MATERIALS), MATERIALS, "课件与资料说明", 2000);
    Instant now = clock.instant();
    Instant due = now.plus(properties.feedbackWithin());
    Instant remind = due.minus(properties.feedbackRemindBefore());
    trainings.held(Scores.id(execution, TRAINING_ID), count, list, materials, due, actor(execution));
    execution.setVariable(FEEDBACK_DUE, Date.from(due));
    execution.setVariable(FEEDBACK_REMIND_AT, Date.from(remind.isAfter(now) ? remind : due));
  }
}
