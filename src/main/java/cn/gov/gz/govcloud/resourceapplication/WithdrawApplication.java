package cn.gov.gz.govcloud.resourceapplication;

import static cn.gov.gz.govcloud.resourceapplication.ApplicationVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.resourceapplication.ResourceApplication.Status;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** No correction within the period: the application is withdrawn, with a notice (P6 7.2.2.5). */
@Component("withdrawApplication")
class WithdrawApplication extends ProcessStep {

  private final ResourceApplicationService service;
  private final ApplicationNotices notices;

  WithdrawApplication(ResourceApplicationService service, ApplicationNotices notices) {
    this.service = service;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = applicationId(execution);
    service.decide(id, Status.WITHDRAWN, "WITHDRAWN", "逾期未更正，申请自动撤回", "system");
    execution.setVariable(OUTCOME, "WITHDRAWN");
    notices.toUnit(service.get(id), "withdrawn", "申请已撤回",
        "您的资源申请在更正期限内未得到更正或补充，已自动撤回。如仍需资源，请重新提交申请。");
  }
}
