package cn.gov.gz.govcloud.assurance;

import static cn.gov.gz.govcloud.assurance.AssuranceVariables.*;

import cn.gov.gz.govcloud.assurance.Assurance.Shift;
import cn.gov.gz.govcloud.engine.ProcessStep;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Reads one shift of the rota into its watch instance (P6 7.3.3.3 a): its start (the task opens then), its end (the
 * task is due then), its watchers (the task's candidates) and when a missing record is reminded.
 */
@Component("openShift")
class OpenShift extends ProcessStep {
  private final AssuranceService assurances;
  private final AssuranceProperties properties;

  OpenShift(AssuranceService assurances, AssuranceProperties properties) {
    this.assurances = assurances;
    this.properties = properties;
  }

  @Override
  protected void run(DelegateExecution execution) {
    Shift s = assurances.shift(((Number) execution.getVariable(SHIFT_ID)).longValue());
    execution.setVariableLocal(SHIFT_STARTS_AT, Date.from(s.startsAt()));
    execution.setVariableLocal(SHIFT_ENDS_AT, Date.from(s.endsAt()));
    execution.setVariableLocal(SHIFT_REMIND_AT, Date.from(s.endsAt().plus(properties.standbyReminderAfter())));
    execution.setVariableLocal(SHIFT_WATCHERS, String.join(",", s.watchers()));
  }
}
