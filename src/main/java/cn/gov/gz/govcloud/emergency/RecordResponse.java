package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyStepSupport.*;
import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Responded (P6 7.4.2.3.2): the response time and the first assessment are recorded, and the category and level the
 * responder confirms or corrects ("迅速分析评估事件情况…对事件进行分类"). A correction needs a reason; it is on the
 * timeline with the reporter's classification, and the process classifies the case again.
 */
@Component("recordResponse")
class RecordResponse extends ProcessStep {
  private final EmergencyService service;
  private final Reclassification reclassification;
  private final EmergencyNotices notices;

  RecordResponse(EmergencyService service, Reclassification reclassification, EmergencyNotices notices) {
    this.service = service;
    this.reclassification = reclassification;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = emergencyId(execution);
    String assessment = text(execution, FIRST_ASSESSMENT);
    if (assessment == null) {
      throw ValidationException.of(FIRST_ASSESSMENT, "请填写初步研判");
    }
    Emergency e = service.get(id);
    String category = text(execution, CONFIRMED_CATEGORY);
    category = category == null ? e.category() : category.toUpperCase(Locale.ROOT);
    String severity = text(execution, CONFIRMED_SEVERITY);
    severity = severity == null ? e.severity() : severity;
    boolean changed = reclassification.check(e, category, severity, text(execution, RECLASSIFICATION_REASON));
    service.responded(id, actor(execution), assessment);
    if (changed) {
      reclassification.record(e, category, severity, text(execution, RECLASSIFICATION_REASON), actor(execution));
      execution.setVariable(CATEGORY, category);
    }
    execution.setVariable(RECLASSIFIED, changed);
    notices.toStakeholders(service.get(id), "responded", "已响应", "服务方已响应：" + assessment);
  }
}
