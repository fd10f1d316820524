package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyStepSupport.*;
import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Responded (P6 7.4.2.3.2): the response time and the first assessment are recorded. */
@Component("recordResponse")
class RecordResponse extends ProcessStep {
  private final EmergencyService service;
  private final EmergencyNotices notices;

  RecordResponse(EmergencyService service, EmergencyNotices notices) {
    this.service = service;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = emergencyId(execution);
    String assessment = text(execution, FIRST_ASSESSMENT);
    if (assessment == null) {
      throw ValidationException.of(FIRST_ASSESSMENT, "请填写初步研判");
    }
    service.responded(id, actor(execution), assessment);
    notices.toStakeholders(service.get(id), "responded", "已响应", "服务方已响应：" + assessment);
  }
}
