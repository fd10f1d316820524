package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyStepSupport.*;
import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.organization.BusinessSystem;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Receive (P6 7.4.2.3.1): registers the case with the time detected; the unit is that of the business system. */
@Component("registerEmergency")
class RegisterEmergency extends ProcessStep {
  private final EmergencyService service;
  private final EmergencyNotices notices;

  RegisterEmergency(EmergencyService service, EmergencyNotices notices) {
    this.service = service;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    Object detected = execution.getVariable(DETECTED_AT);
    Instant detectedAt = detected instanceof Date d ? d.toInstant()
        : detected == null ? null : parse(detected.toString());
    String description = text(execution, DESCRIPTION);
    if (description == null && text(execution, TITLE) != null) {
      description = text(execution, TITLE); // handed over from a work order
    }
    String source = text(execution, SOURCE);
    if (source == null && text(execution, WORK_ORDER_NO) != null) {
      source = "WORK_ORDER";
    }
    String category = text(execution, CATEGORY);
    if (category == null && text(execution, WORK_ORDER_NO) != null) {
      category = "INTERRUPTION";
    }
    EmergencyIntake intake = new EmergencyIntake(text(execution, BUSINESS_SYSTEM_CODE), category,
        description, source, text(execution, REPORTER), text(execution, CONTACT), detectedAt, text(execution, SCOPE),
        text(execution, MEASURES_TAKEN), text(execution, ALERT_REF));
    BusinessSystem system = service.validate(intake);
    if (intake.alertRef() != null) {
      var open = service.findOpenByAlert(intake.alertRef());
      if (open.isPresent()) {
        // the same alert again while its case is open: it joins that case, on every path a report can take
        service.occurrence(open.get().id(), description, actor(execution));
        execution.setVariable(JOINED_EMERGENCY_NO, open.get().emergencyNo());
        throw new BpmnError(ALERT_ALREADY_OPEN, "告警 " + intake.alertRef() + " 已有未结案的应急事件 "
            + open.get().emergencyNo() + "，本次报告已并入");
      }
    }
    Emergency e = service.register(intake, system, execution.getProcessInstanceId(), actor(execution),
        Boolean.TRUE.equals(execution.getVariable(DRILL)));
    execution.setVariable(EMERGENCY_ID, e.id());
    execution.setVariable(EMERGENCY_NO, e.emergencyNo());
    execution.setVariable(CATEGORY, e.category());
    execution.setVariable(IMPORTANCE, system.importance().name());
    execution.setVariable(SERVICE_LEVEL, system.serviceLevel());
    execution.setVariable(VERIFY_GROUP, Groups.unitGroup(e.unitCode()));
    execution.setVariable(RESPONSE_ESCALATIONS, 0);
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(e.alertRef() != null ? e.alertRef() : e.emergencyNo());
    }
    execution.setVariable(DRILL, e.drill());
    notices.toStakeholders(e, "received", "已接报", "应急事件已接报，服务方正在响应。");
  }

  private static Instant parse(String s) {
    try {
      return Instant.parse(s);
    } catch (RuntimeException ex) {
      try {
        return java.time.OffsetDateTime.parse(s).toInstant(); // Camunda Forms: 2026-11-25T08:40+08:00
      } catch (RuntimeException again) {
        throw ValidationException.of(DETECTED_AT, "时间格式应为 ISO 8601，如 2026-11-25T08:40:00+08:00");
      }
    }
  }
}
