package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyStepSupport.*;
import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * After the responder corrected the classification: the decision's answer for the confirmed category (with the
 * responder's level) becomes the case's classification, the response and feedback clocks are counted again from the
 * time detected, and the waiting feedback timer moves (the recovery clock follows the system's service level).
 */
@Component("applyReclassification")
class ApplyReclassification extends ProcessStep {
  private final Reclassification reclassification;
  private final JsonVariables json;

  ApplyReclassification(Reclassification reclassification, JsonVariables json) {
    this.reclassification = reclassification;
    this.json = json;
  }

  @Override
  protected void run(DelegateExecution execution) {
    Map<String, Object> c = new HashMap<>(json.read(execution, RECLASSIFICATION, DECISION_RESULT));
    String severity = text(execution, CONFIRMED_SEVERITY);
    if (severity != null) {
      c.put("severity", severity); // the responder's level stands; the decision gives the clocks of the category
    }
    Emergency e = reclassification.apply(emergencyId(execution), text(execution, CATEGORY), (String) c.get("severity"),
        (String) c.get("serviceHours"), Duration.parse((String) c.get("responseWithin")),
        Duration.parse((String) c.get("feedbackInterval")));
    execution.setVariable(CLASSIFICATION, SpinValues.jsonValue(json.write(c)).create());
    execution.setVariable(CONFIRMED_SEVERITY, c.get("severity")); // the plan types follow the level that stands
    execution.removeVariable(RECLASSIFICATION);
    execution.setVariable(ON_DUTY_GROUP, c.get("onDutyGroup"));
    execution.setVariable(RESPONSE_DUE, date(e.responseDueAt()));
    execution.setVariable(NEXT_FEEDBACK_AT, date(e.nextFeedbackAt()));
    move(execution, "Timer_NextFeedback", e.nextFeedbackAt());
  }

  private static void move(DelegateExecution execution, String activityId, Instant due) {
    ManagementService management = execution.getProcessEngineServices().getManagementService();
    for (Job job : management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
        .activityId(activityId).list()) {
      management.setJobDuedate(job.getId(), Date.from(due));
    }
  }
}
