package cn.gov.gz.govcloud.resourceapplication;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.resourceapplication.ApplicationVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.resourceapplication.ApplicationIntake.LineInput;
import cn.gov.gz.govcloud.resourceapplication.ResourceApplication.Urgency;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Apply (P6 7.2.2.1): registers the application and its lines; an expedited one alerts the ops managers. */
@Component("registerApplication")
class RegisterApplication extends ProcessStep {

  static final TypeReference<List<LineInput>> LINES_TYPE = new TypeReference<>() {};

  /** Lines as a portal sends them (JSON variable {@code lines}) or as the form's slots hold them. */
  static List<LineInput> lines(DelegateExecution execution, JsonVariables json) {
    List<LineInput> lines = json.read(execution, LINES, LINES_TYPE);
    return lines != null ? lines : LineSlots.read(execution);
  }

  private final ResourceApplicationService service;
  private final JsonVariables json;
  private final ApplicationNotices notices;

  RegisterApplication(ResourceApplicationService service, JsonVariables json, ApplicationNotices notices) {
    this.service = service;
    this.json = json;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String externalRef = text(execution, EXTERNAL_REF);
    if (externalRef == null) {
      externalRef = execution.getProcessBusinessKey();
    }
    ApplicationIntake intake = new ApplicationIntake(externalRef, text(execution, UNIT_CODE),
        text(execution, BUSINESS_SYSTEM_CODE), text(execution, PURPOSE), text(execution, URGENCY),
        lines(execution, json), text(execution, IDLE_JUSTIFICATION));
    ResourceApplication a = service.register(intake, execution.getProcessInstanceId(), actor(execution));
    execution.setVariable(APPLICATION_ID, a.id());
    execution.setVariable(APPLICATION_NO, a.applicationNo());
    execution.setVariable(URGENCY, a.urgency().name());
    execution.setVariable(APPLICANT_GROUP, Groups.unitGroup(a.unitCode()));
    execution.setVariable(OUTCOME, "IN_PROGRESS");
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(a.applicationNo());
    }
    notices.toUnit(a, "submitted", "已提交", "您的资源申请已提交，正在进行完整性与合规性检查。");
    if (a.urgency() == Urgency.EXPEDITED) {
      notices.toGroups(a, List.of(Groups.OPS_MANAGER), "expedited", "加急资源申请（重要保障）",
          "收到一项重要保障加急资源申请，请安排优先审核和交付。");
    }
  }
}
