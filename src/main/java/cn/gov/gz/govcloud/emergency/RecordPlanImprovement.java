package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Improve (P6 7.4.2.3.7): the review of the contingency plans after the case is either "no change" with the reason,
 * or a revision of one plan of the register with what to change (the revision itself runs in the drill room's
 * process, called next); the response report is filed again with it.
 */
@Component("recordPlanImprovement")
class RecordPlanImprovement extends ProcessStep {
  private final EmergencyService service;
  private final EmergencyPlans plans;
  private final EmergencyReport report;

  RecordPlanImprovement(EmergencyService service, EmergencyPlans plans, EmergencyReport report) {
    this.service = service;
    this.plans = plans;
    this.report = report;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String decision = text(execution, PLAN_DECISION);
    decision = decision == null ? null : decision.toUpperCase(Locale.ROOT);
    String changes = text(execution, PLAN_CHANGES);
    String planNo = text(execution, PLAN_REF);
    List<FieldError> errors = new ArrayList<>();
    if (!"NO_CHANGE".equals(decision) && !"REVISE".equals(decision)) {
      errors.add(new FieldError(null, PLAN_DECISION, "请选择评审结论：无需修订或修订预案"));
    }
    if (changes == null) {
      errors.add(new FieldError(null, PLAN_CHANGES, "REVISE".equals(decision) ? "请写明修订建议"
          : "请说明无需修订的理由"));
    } else if (changes.length() > 2000) {
      errors.add(new FieldError(null, PLAN_CHANGES, "最长 2000 字"));
    }
    if ("REVISE".equals(decision)) {
      if (planNo == null) {
        errors.add(new FieldError(null, PLAN_REF, "请选择要修订的应急预案"));
      } else if (!plans.exists(planNo)) {
        errors.add(new FieldError(null, PLAN_REF, "应急预案不存在或已停用: " + planNo));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    long id = emergencyId(execution);
    execution.setVariable(PLAN_DECISION, decision);
    if ("REVISE".equals(decision)) {
      service.improvement(id, actor(execution), planNo, "启动修订，修订建议：" + changes);
    } else {
      execution.removeVariable(PLAN_REF);
      service.improvement(id, actor(execution), null, "无需修订，理由：" + changes);
    }
    // the response report gets its improvement section: the next version, announced like the first
    execution.setVariable(REPORT_ID, report.file(id, execution.getProcessInstanceId(), actor(execution)).id());
  }
}
