package cn.gov.gz.govcloud.drill;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The names of the {@code emergency-drill} process variables, declared once. */
final class DrillVariables {

  public static final String PROCESS_KEY = "emergency-drill";
  public static final String REMINDER_KEY = "emergency-drill-reminder";

  public static final String PLAN_NO = "planNo";
  /** MANUAL (an ops manager started it) or REMINDER (the frequency check found the plan overdue). */
  public static final String TRIGGER = "trigger";
  /** Plan numbers the daily reminder started a drill for, comma-separated. */
  public static final String STARTED_FOR_PLANS = "startedForPlans";
  public static final String DRILL_ID = "drillId";
  public static final String DRILL_NO = "drillNo";
  public static final String PLAN_OWNER = "planOwner";
  public static final String PLANNING_DUE = "planningDue";

  // Plan the drill (P6 7.4.2.2.1)
  public static final String PURPOSE = "purpose";
  public static final String DRILL_AT = "drillAt";
  public static final String PARTICIPANT_USERS = "participantUsers";
  public static final String PARTICIPANT_GROUPS = "participantGroups";
  public static final String SCENARIO_TYPE = "scenarioType";
  public static final String SCENARIO = "scenario";
  public static final String BUSINESS_SYSTEM_CODE = "businessSystemCode";
  public static final String EMERGENCY_CATEGORY = "emergencyCategory";
  public static final String STEPS = "steps";
  public static final String PRECAUTIONS = "precautions";
  public static final String ORGANISER = "organiser";
  public static final String TRAINING_DUE = "trainingDue";
  public static final String EMERGENCY_SCENARIO = "emergencyScenario";

  // Train (7.4.2.2.2), one per participant
  public static final String PARTICIPANT = "participant";
  public static final String TRAINING_CONFIRMED = "trainingConfirmed";

  // Run (7.4.2.2.3)
  public static final String STAGE_RECORDS = "stageRecords";
  public static final String DRILL_RESULT = "drillResult";
  public static final String DRILL_SUMMARY = "drillSummary";
  public static final String EMERGENCY_NO = "emergencyNo";
  public static final String FEEDBACK_WITHIN = "feedbackWithin";

  // Feedback (7.4.2.2.4), one per participant
  public static final String OBSERVATIONS = "observations";
  public static final String PROBLEMS = "problems";
  public static final String SUGGESTIONS = "suggestions";

  // Report (7.4.2.2.5) and revision (7.4.2.2.6)
  public static final String REPORT_ID = "reportId";
  public static final String IMPROVEMENTS = "improvements";
  public static final String REVISION_NOTE = "revisionNote";
  public static final String RESPONSE_PROCEDURE = "responseProcedure";
  public static final String RECOVERY_MEASURES = "recoveryMeasures";
  public static final String NEW_PLAN_VERSION = "newPlanVersion";

  private DrillVariables() {}

  static long drillId(VariableScope scope) {
    return ((Number) scope.getVariable(DRILL_ID)).longValue();
  }

  /** A time from a variable: a Date, an ISO instant, an offset time (Camunda Forms) or a China local time. */
  static Instant time(Object v, String field) {
    return cn.gov.gz.govcloud.engine.Variables.moment(v, field);
  }
}
