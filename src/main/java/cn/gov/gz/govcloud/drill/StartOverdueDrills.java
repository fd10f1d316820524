package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.DrillVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The daily reminder (GB/T 34077.3 8.2.7 b, 8.2.8 b 5): a drill planning is started for every plan overdue by its
 * type's required frequency, unless a drill of that plan is already open, so each plan gets one at a time.
 */
@Component("startOverdueDrills")
class StartOverdueDrills extends ProcessStep {
  private final PlanService plans;
  private final DrillService drills;

  StartOverdueDrills(PlanService plans, DrillService drills) {
    this.plans = plans;
    this.drills = drills;
  }

  @Override
  protected void run(DelegateExecution execution) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    List<String> started = new ArrayList<>();
    for (ContingencyPlan plan : plans.overdue()) {
      if (drills.openDrillOf(plan.id()).isPresent()) {
        continue;
      }
      runtime.createProcessInstanceByKey(PROCESS_KEY)
          .setVariable(PLAN_NO, plan.planNo())
          .setVariable(TRIGGER, "REMINDER")
          .execute();
      started.add(plan.planNo());
    }
    execution.setVariable(STARTED_FOR_PLANS, String.join(",", started));
  }
}
