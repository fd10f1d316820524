package cn.gov.gz.govcloud.emergency;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The names of the {@code emergency-response} process variables, declared once. */
final class EmergencyVariables {

  public static final String PROCESS_KEY = "emergency-response";

  public static final String BUSINESS_SYSTEM_CODE = "businessSystemCode";
  public static final String CATEGORY = "category";
  public static final String DESCRIPTION = "description";
  public static final String SOURCE = "source";
  public static final String REPORTER = "reporter";
  public static final String CONTACT = "contact";
  public static final String DETECTED_AT = "detectedAt";
  public static final String SCOPE = "scope";
  public static final String MEASURES_TAKEN = "measuresTaken";
  public static final String ALERT_REF = "alertRef";
  public static final String WORK_ORDER_NO = "workOrderNo";
  public static final String TITLE = "title";
  /** True when the case is run by an emergency drill (call activity from {@code emergency-drill}). */
  public static final String DRILL = "drill";

  public static final String EMERGENCY_ID = "emergencyId";
  /** Set when a report joined the open case of the same alert instead of opening one (error {@link #ALERT_ALREADY_OPEN}). */
  public static final String JOINED_EMERGENCY_NO = "joinedEmergencyNo";
  /** BPMN error of the register step: the alert already has an open case. */
  public static final String ALERT_ALREADY_OPEN = "ALERT_ALREADY_OPEN";
  public static final String EMERGENCY_NO = "emergencyNo";
  public static final String IMPORTANCE = "importance";
  public static final String CLASSIFICATION = "classification";
  public static final String ON_DUTY_GROUP = "onDutyGroup";
  public static final String VERIFY_GROUP = "verifyGroup";
  public static final String RESPONSE_DUE = "responseDue";
  /** The system's service level 1–4, input of the decision service-level-targets (GB/T 34077.3 5.3.6). */
  public static final String SERVICE_LEVEL = "serviceLevel";
  /** The decision's result: recoverWithin and the other targets of the level. */
  public static final String SERVICE_LEVEL_TARGETS = "serviceLevelTargets";
  /** When service must be back (the recovery timer's date). */
  public static final String RECOVERY_DUE = "recoveryDue";
  /** The recovery deadline of the work order the case was handed over from, if any. */
  public static final String WORK_ORDER_RECOVERY_DUE = "workOrderRecoveryDue";
  /** When the next level of the escalation chain is told if nobody has responded (the escalation timer's date). */
  public static final String NEXT_ESCALATION_AT = "nextEscalationAt";
  /** Whether the chain has a level left to escalate to (the escalation loop's gateway). */
  public static final String MORE_ESCALATIONS = "moreEscalations";
  public static final String RESPONSE_ESCALATIONS = "responseEscalations";
  public static final String NEXT_FEEDBACK_AT = "nextFeedbackAt";

  public static final String FIRST_ASSESSMENT = "firstAssessment";
  /** The category the responder confirms or corrects in the respond task (P6 7.4.2.3.2). */
  public static final String CONFIRMED_CATEGORY = "confirmedCategory";
  /** The level (severity) the responder confirms or corrects in the respond task. */
  public static final String CONFIRMED_SEVERITY = "confirmedSeverity";
  /** Why the responder changed the category or level; required when either changes. */
  public static final String RECLASSIFICATION_REASON = "reclassificationReason";
  /** Whether the responder changed the category or level (the gateway after the response). */
  public static final String RECLASSIFIED = "reclassified";
  /** The decision emergency-classification evaluated again for the confirmed category. */
  public static final String RECLASSIFICATION = "reclassification";
  public static final String ACTION_TYPE = "actionType";
  public static final String ACTION_NOTE = "actionNote";
  public static final String HANDLING_OUTCOME = "handlingOutcome";
  public static final String CAUSE = "cause";
  public static final String RESULT = "result";
  public static final String VERIFY_DECISION = "verifyDecision";
  public static final String VERIFY_COMMENT = "verifyComment";
  /** The plan types the decision contingency-plan-applicability gives for the category and level (a list). */
  public static final String APPLICABLE_PLAN_TYPES = "applicablePlanTypes";
  /** The plan steps the handler may say an action follows (the handle form's options, JSON). */
  public static final String PLAN_STEP_OPTIONS = "planStepOptions";
  /** The plans the improvement step may revise (the improve form's options, JSON). */
  public static final String PLAN_OPTIONS = "planOptions";
  /** The plan step an action follows: "planNo#step", or NONE when no step covers it. */
  public static final String PLAN_STEP = "planStep";
  /** The improvement decision: NO_CHANGE (with the reason in planChanges) or REVISE (planRef, proposal). */
  public static final String PLAN_DECISION = "planDecision";
  /** The plan to revise (the improve form's choice). */
  public static final String PLAN_REF = "planRef";
  /** The plan version the revision produced (returned by contingency-plan-revision). */
  public static final String NEW_PLAN_VERSION = "newPlanVersion";
  public static final String PLAN_CHANGES = "planChanges";
  public static final String REPORT_ID = "reportId";

  private EmergencyVariables() {}

  static long emergencyId(VariableScope scope) {
    return ((Number) scope.getVariable(EMERGENCY_ID)).longValue();
  }
}
