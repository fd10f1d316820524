package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyStepSupport.*;
import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Improve (P6 7.4.2.3.7): the review of the contingency plan is recorded with the plan it changes, and the response
 * report is filed again with it.
 */
@Component("recordPlanImprovement")
class RecordPlanImprovement extends ProcessStep {
  private final EmergencyService service;
  private final EmergencyReport report;

  RecordPlanImprovement(EmergencyService service, EmergencyReport report) {
    this.service = service;
    this.report = report;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String changes = text(execution, PLAN_CHANGES);
    if (changes == null) {
      throw ValidationException.of(PLAN_CHANGES, "请记录对应急预案的修订（无需修订也请说明）");
    }
    service.improvement(emergencyId(execution), actor(execution), text(execution, PLAN_REF), changes);
    // the response report gets its improvement section: the next version, announced like the first
    execution.setVariable(REPORT_ID, report.file(emergencyId(execution), execution.getProcessInstanceId(),
        actor(execution)).id());
  }
}
