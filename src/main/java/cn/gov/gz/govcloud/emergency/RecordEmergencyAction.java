package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyStepSupport.*;
import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Handle (P6 7.4.2.3.3–5): every action with its time; the first presence on site is the arrival against the on-site
 * deadline (GB/T 34077.3 5.3.6); on recovery the cause and result.
 */
@Component("recordEmergencyAction")
class RecordEmergencyAction extends ProcessStep {
  private final EmergencyService service;
  private final OnSiteClock onSite;

  RecordEmergencyAction(EmergencyService service, OnSiteClock onSite) {
    this.service = service;
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
    service.event(id, "ACTION", actor(execution), (type == null ? "" : "【" + label(type) + "】") + note, null, null);
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
