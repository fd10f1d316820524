package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.DrillVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.ProcessStep;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Opens the drill record for the plan (a second open drill of the same plan is refused). */
@Component("registerDrill")
class RegisterDrill extends ProcessStep {
  private final DrillService drills;
  private final PlanService plans;
  private final DrillProperties properties;
  private final Clock clock;

  RegisterDrill(DrillService drills, PlanService plans, DrillProperties properties, Clock clock) {
    this.drills = drills;
    this.plans = plans;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String trigger = "REMINDER".equals(text(execution, TRIGGER)) ? "REMINDER" : "MANUAL";
    Drill d = drills.open(text(execution, PLAN_NO), trigger, execution.getProcessInstanceId());
    ContingencyPlan plan = plans.get(d.planId());
    execution.setVariable(PLAN_NO, plan.planNo());
    execution.setVariable(TRIGGER, trigger);
    execution.setVariable(DRILL_ID, d.id());
    execution.setVariable(DRILL_NO, d.drillNo());
    execution.setVariable(PLAN_OWNER, plan.owner());
    execution.setVariable(PLANNING_DUE, Date.from(clock.instant().plus(properties.planningWithin())));
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(d.drillNo());
    }
  }
}
