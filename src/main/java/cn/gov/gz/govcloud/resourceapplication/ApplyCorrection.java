package cn.gov.gz.govcloud.resourceapplication;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.resourceapplication.ApplicationVariables.*;

import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Stores the unit's corrected lines and justification (P6 7.2.2.5); the check then runs again. */
@Component("applyCorrection")
class ApplyCorrection extends ProcessStep {

  private final ResourceApplicationService service;
  private final JsonVariables json;

  ApplyCorrection(ResourceApplicationService service, JsonVariables json) {
    this.service = service;
    this.json = json;
  }

  @Override
  protected void run(DelegateExecution execution) {
    service.correct(applicationId(execution), RegisterApplication.lines(execution, json),
        text(execution, IDLE_JUSTIFICATION), actor(execution));
  }
}
