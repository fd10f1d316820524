package cn.gov.gz.govcloud.resourceapplication;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.resourceapplication.ApplicationVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.resourceapplication.ResourceApplication.Status;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The application is not approved: outcome REJECTED with the reason, told to the unit. */
@Component("rejectApplication")
class RejectApplication extends ProcessStep {

  private final ResourceApplicationService service;
  private final ApplicationNotices notices;

  RejectApplication(ResourceApplicationService service, ApplicationNotices notices) {
    this.service = service;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = applicationId(execution);
    String reason = text(execution, PROBLEMS_TEXT);
    service.decide(id, Status.REJECTED, "REJECTED", reason, actor(execution));
    execution.setVariable(OUTCOME, "REJECTED");
    notices.toUnit(service.get(id), "rejected", "申请未通过", "您的资源申请未获通过。\n\n" + (reason == null ? "" : reason));
  }
}
