package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyStepSupport.*;
import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Handle (P6 7.4.2.3.3–5): every action with its time and the step of the case's plans it follows (if any); the
 * first presence on site is the arrival against the on-site deadline (GB/T 34077.3 5.3.6); on recovery the cause and
 * result.
 */
@Component("recordEmergencyAction")
class RecordEmergencyAction extends ProcessStep {
  private final EmergencyService service;
  private final EmergencyPlans plans;
  private final OnSiteClock onSite;

  RecordEmergencyAction(EmergencyService service, EmergencyPlans plans, OnSiteClock onSite) {
    this.service = service;
    this.plans = plans;
    this.onSite = onSite;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = emergencyId(execution);
    String note = text(execution, ACTION_NOTE);
    String outcome = text(execution, HANDLING_OUTCOME);
    if (note == null) {
      throw ValidationException.of(ACTION_NOTE, "请记录处置措施或进展");
    }
    if (!"IN_PROGRESS".equals(outcome) && !"RECOVERED".equals(outcome)) {
      throw ValidationException.of(HANDLING_OUTCOME, "请选择处置状态");
    }
    String type = text(execution, ACTION_TYPE);
    String choice = text(execution, PLAN_STEP);
    EmergencyPlans.Step step = null;
    if (choice != null && !EmergencyPlans.NO_STEP.equals(choice)) {
      step = plans.step(id, choice).orElseThrow(() -> ValidationException.of(PLAN_STEP,
          "不是本事件所启动预案的步骤: " + choice));
    }
    String follows = step == null ? "" : "【依据预案 " + step.planNo() + " 第 " + step.number() + " 步：" + step.text()
        + "】";
    service.event(id, "ACTION", actor(execution), (type == null ? "" : "【" + label(type) + "】") + follows + note, null,
        null, step == null ? null : step.planNo(), step == null ? null : step.number());
    execution.removeVariable(PLAN_STEP); // each action says its own step
    if ("ON_SITE".equals(type) || "STANDBY".equals(type)) {
      onSite.arrived(id, actor(execution)); // GB/T 34077.3 5.3.6: the first presence on site is the arrival
    }
    if ("RECOVERED".equals(outcome)) {
      service.recovered(id, actor(execution), text(execution, CAUSE), text(execution, RESULT));
    }
  }

  private static String label(String type) {
    return switch (type) {
      case "ASSESS" -> "研判";
      case "DISPATCH" -> "调度资源";
      case "REMOTE" -> "远程支持";
      case "ON_SITE" -> "人员到场";
      case "STANDBY" -> "现场值守";
      case "RECOVER" -> "恢复";
      default -> "其他";
    };
  }
}
