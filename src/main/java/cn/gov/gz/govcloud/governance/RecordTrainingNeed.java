package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.governance.TrainingVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records management's confirmation of the training need (CONFIRMED), or its return with the reason (RETURNED). */
@Component("recordTrainingNeed")
public class RecordTrainingNeed extends ProcessStep {
  private final TrainingService trainings;

  RecordTrainingNeed(TrainingService trainings) {
    this.trainings = trainings;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String decision = text(execution, NEED_DECISION);
    if (!"CONFIRMED".equals(decision) && !"RETURNED".equals(decision)) {
      throw ValidationException.of(NEED_DECISION, "请选择确认培训需求或退回");
    }
    boolean confirmed = "CONFIRMED".equals(decision);
    String comment = Scores.optional(text(execution, NEED_COMMENT), NEED_COMMENT, "意见", 2000);
    if (!confirmed && comment == null) {
      throw ValidationException.of(NEED_COMMENT, "退回时请说明原因");
    }
    trainings.needDecision(Scores.id(execution, TRAINING_ID), confirmed, comment, actor(execution));
    execution.setVariable(NEED_CONFIRMED, confirmed);
  }
}
