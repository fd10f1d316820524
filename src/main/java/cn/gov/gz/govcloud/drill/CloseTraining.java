package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.DrillVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The drill date has come while training was still open: who never confirmed stays on the record. */
@Component("closeTraining")
class CloseTraining extends ProcessStep {
  private final DrillService drills;

  CloseTraining(DrillService drills) {
    this.drills = drills;
  }

  @Override
  protected void run(DelegateExecution execution) {
    drills.escalateUnconfirmed(drillId(execution));
  }
}
