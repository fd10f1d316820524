package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyStepSupport.*;
import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The unit confirmed service is back (P6 7.4.2.3.6): the case is closed. */
@Component("closeEmergency")
class CloseEmergency extends ProcessStep {
  private final EmergencyService service;

  CloseEmergency(EmergencyService service) {
    this.service = service;
  }

  @Override
  protected void run(DelegateExecution execution) {
    service.closed(emergencyId(execution), actor(execution));
  }
}
