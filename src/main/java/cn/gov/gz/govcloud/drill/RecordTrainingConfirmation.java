package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.DrillVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** A participant confirms reading the plan and the drill brief (P6 7.4.2.2.2). */
@Component("recordTrainingConfirmation")
class RecordTrainingConfirmation extends ProcessStep {
  private final DrillService drills;

  RecordTrainingConfirmation(DrillService drills) {
    this.drills = drills;
  }

  @Override
  protected void run(DelegateExecution execution) {
    if (!Boolean.TRUE.equals(execution.getVariable(TRAINING_CONFIRMED))
        && !"true".equals(text(execution, TRAINING_CONFIRMED))) {
      throw ValidationException.of(TRAINING_CONFIRMED, "请确认已阅读应急预案和演练方案");
    }
    drills.trainingConfirmed(drillId(execution), text(execution, PARTICIPANT));
    execution.removeVariable(TRAINING_CONFIRMED);
  }
}
