package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.DrillVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** A participant's observations, problems and suggested improvements (P6 7.4.2.2.4). */
@Component("recordDrillFeedback")
class RecordDrillFeedback extends ProcessStep {
  private final DrillService drills;

  RecordDrillFeedback(DrillService drills) {
    this.drills = drills;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String observations = text(execution, OBSERVATIONS);
    if (observations == null) {
      throw ValidationException.of(OBSERVATIONS, "请填写演练观察记录");
    }
    drills.feedback(drillId(execution), text(execution, PARTICIPANT), observations, text(execution, PROBLEMS),
        text(execution, SUGGESTIONS));
    execution.removeVariable(OBSERVATIONS);
    execution.removeVariable(PROBLEMS);
    execution.removeVariable(SUGGESTIONS);
  }
}
