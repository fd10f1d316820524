package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.DrillVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Sets the drill's status as the process moves on (RUNNING, …). */
@Component("drillRunning")
class DrillRunning extends ProcessStep {
  private final DrillService drills;

  DrillRunning(DrillService drills) {
    this.drills = drills;
  }

  @Override
  protected void run(DelegateExecution execution) {
    drills.status(drillId(execution), "RUNNING");
  }
}
