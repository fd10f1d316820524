package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.governance.TrainingVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The feedback closes (ended by the organiser or at its due date): no more feedback, the summary follows. */
@Component("closeTrainingFeedback")
public class CloseTrainingFeedback extends ProcessStep {
  private final TrainingService trainings;

  CloseTrainingFeedback(TrainingService trainings) {
    this.trainings = trainings;
  }

  @Override
  protected void run(DelegateExecution execution) {
    trainings.closeFeedback(Scores.id(execution, TRAINING_ID), Scores.optional(
        cn.gov.gz.govcloud.engine.Variables.text(execution, FEEDBACK_NOTE), FEEDBACK_NOTE, "交流情况说明", 2000));
  }
}
