package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyStepSupport.*;
import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Verification failed: the case reopens with a fresh response clock. */
@Component("reopenEmergency")
class ReopenEmergency extends ProcessStep {
  private final EmergencyService service;

  ReopenEmergency(EmergencyService service) {
    this.service = service;
  }

  @Override
  protected void run(DelegateExecution execution) {
    service.reopened(emergencyId(execution), actor(execution), text(execution, VERIFY_COMMENT));
  }
}
