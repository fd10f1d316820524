package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyStepSupport.*;
import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Starts the response clock from the classification (decision {@code emergency-classification}): from the time
 * detected at first, from now after a reopen, so a reopened case does not escalate for time already passed. Starts
 * the recovery and on-site clocks once, from the system's service level (decision {@code service-level-targets}).
 */
@Component("startResponseClock")
class StartResponseClock extends ProcessStep {
  private final EmergencyService service;
  private final RecoveryClock recovery;
  private final OnSiteClock onSite;
  private final Clock clock;

  private final JsonVariables json;

  StartResponseClock(EmergencyService service, RecoveryClock recovery, OnSiteClock onSite, Clock clock,
      JsonVariables json) {
    this.service = service;
    this.recovery = recovery;
    this.onSite = onSite;
    this.clock = clock;
    this.json = json;
  }

  /**
   * The decision's result arrives as a Java map; it is kept as JSON, so Cockpit shows the level and clocks instead of
   * "java.util.HashMap" (and a reopen reads it back the same way).
   */
  @Override
  protected void run(DelegateExecution execution) {
    Map<String, Object> c = json.read(execution, CLASSIFICATION, DECISION_RESULT);
    execution.setVariable(CLASSIFICATION, SpinValues.jsonValue(json.write(c)).create());
    long id = emergencyId(execution);
    Emergency before = service.get(id);
    Instant start = before.reopenCount() > 0 ? clock.instant() : before.detectedAt();
    Emergency e = service.startResponseClock(id, start, (String) c.get("severity"), (String) c.get("serviceHours"),
        Duration.parse((String) c.get("responseWithin")), Duration.parse((String) c.get("feedbackInterval")));
    execution.setVariable(ON_DUTY_GROUP, c.get("onDutyGroup"));
    execution.setVariable(RESPONSE_DUE, date(e.responseDueAt()));
    execution.setVariable(NEXT_FEEDBACK_AT, date(e.nextFeedbackAt()));
    execution.setVariable(RESPONSE_ESCALATIONS, 0);
    Map<String, Object> targets = json.read(execution, SERVICE_LEVEL_TARGETS, DECISION_RESULT);
    execution.setVariable(SERVICE_LEVEL_TARGETS, SpinValues.jsonValue(json.write(targets)).create());
    Object handedOver = execution.getVariable(WORK_ORDER_RECOVERY_DUE);
    String levelHours = (String) targets.get("acceptanceHours");
    Emergency withRecovery = recovery.startRecoveryClock(id, Duration.parse((String) targets.get("recoverWithin")),
        levelHours, handedOver instanceof java.util.Date d ? d.toInstant() : null);
    execution.setVariable(RECOVERY_DUE, date(withRecovery.recoveryDueAt()));
    onSite.start(id, Duration.parse((String) targets.get("onSiteWithin")), levelHours);
    // the escalation loop waits for the first level at the response deadline (at once if it has passed)
    execution.setVariable(NEXT_ESCALATION_AT, date(e.responseDueAt()));
    execution.setVariable(MORE_ESCALATIONS, true);
    // the respond form shows the classification for the responder to confirm or correct (P6 7.4.2.3.2)
    execution.setVariable(CONFIRMED_CATEGORY, e.category());
    execution.setVariable(CONFIRMED_SEVERITY, e.severity());
    execution.setVariable(RECLASSIFIED, false);
  }
}
