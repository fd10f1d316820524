package cn.gov.gz.govcloud.assurance;

import static cn.gov.gz.govcloud.assurance.AssuranceVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.ProcessStep;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Registers the request (P3 5.2.3): event, occasion, period, covered systems, targets; the case number is the key. */
@Component("registerAssurance")
class RegisterAssurance extends ProcessStep {
  private final AssuranceService assurances;
  private final AssuranceRequests requests;

  RegisterAssurance(AssuranceService assurances, AssuranceRequests requests) {
    this.assurances = assurances;
    this.requests = requests;
  }

  @Override
  protected void run(DelegateExecution execution) {
    AssuranceService.Request r = requests.check(text(execution, EVENT_NAME), text(execution, KIND),
        execution.getVariable(PERIOD_FROM), execution.getVariable(PERIOD_TO), text(execution, SYSTEM_CODES),
        text(execution, UNIT_CODES), text(execution, TARGETS));
    Assurance a = assurances.register(r, actor(execution), execution.getProcessInstanceId());
    execution.setVariable(ASSURANCE_ID, a.id());
    execution.setVariable(ASSURANCE_NO, a.assuranceNo());
    execution.setVariable(KIND, a.kind());
    execution.setVariable(PERIOD_START, Date.from(a.periodFrom()));
    execution.setVariable(PERIOD_END, Date.from(a.periodTo()));
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(a.assuranceNo());
    }
  }
}
