package cn.gov.gz.govcloud.resourceapplication;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.resourceapplication.ApplicationVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Reminds the unit that its application waits for a correction. */
@Component("remindCorrection")
class RemindCorrection extends ProcessStep {

  private final ResourceApplicationService service;
  private final ApplicationNotices notices;

  RemindCorrection(ResourceApplicationService service, ApplicationNotices notices) {
    this.service = service;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    notices.toUnit(service.get(applicationId(execution)), "correction-reminder", "提醒：请尽快更正申请",
        "您的资源申请仍待更正，逾期将自动撤回：\n\n" + text(execution, PROBLEMS_TEXT));
  }
}
