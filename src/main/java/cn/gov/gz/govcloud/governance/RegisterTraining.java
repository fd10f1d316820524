package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.governance.TrainingVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.governance.TrainingService.Training;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Checks and registers a training need (topic, form, goal, audience) and gives the case its number PX…. */
@Component("registerTraining")
public class RegisterTraining extends ProcessStep {
  private final TrainingService trainings;

  RegisterTraining(TrainingService trainings) {
    this.trainings = trainings;
  }

  @Override
  protected void run(DelegateExecution execution) {
    Training t = trainings.register(text(execution, TOPIC), text(execution, FORM), text(execution, GOAL),
        text(execution, AUDIENCE), execution.getProcessInstanceId(), actor(execution));
    execution.setVariable(TRAINING_ID, t.id());
    execution.setVariable(TRAINING_NO, t.trainingNo());
    execution.setProcessBusinessKey(t.trainingNo());
  }
}
