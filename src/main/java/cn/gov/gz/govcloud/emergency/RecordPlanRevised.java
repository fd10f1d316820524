package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The plan was revised (P6 7.4.2.3.7): the new version, which names this case, goes on the timeline and into the
 * improvement section of the response report, filed again.
 */
@Component("recordPlanRevised")
public class RecordPlanRevised extends ProcessStep {
  private final EmergencyService service;
  private final EmergencyReport report;

  RecordPlanRevised(EmergencyService service, EmergencyReport report) {
    this.service = service;
    this.report = report;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = emergencyId(execution);
    String planNo = text(execution, PLAN_REF);
    Object version = execution.getVariable(NEW_PLAN_VERSION);
    String before = service.get(id).improvement();
    service.improvement(id, actor(execution), planNo, (before == null ? "" : before + "；")
        + "预案已修订为第 " + version + " 版");
    execution.setVariable(REPORT_ID, report.file(id, execution.getProcessInstanceId(), actor(execution)).id());
  }
}
