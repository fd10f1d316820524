package cn.gov.gz.govcloud.resourceapplication;

/** The names of the {@code resource-application-review} process variables, declared once. */
final class ApplicationVariables {

  public static final String PROCESS_KEY = "resource-application-review";

  public static final String UNIT_CODE = "unitCode";
  public static final String BUSINESS_SYSTEM_CODE = "businessSystemCode";
  public static final String PURPOSE = "purpose";
  public static final String URGENCY = "urgency";
  public static final String EXTERNAL_REF = "externalRef";
  public static final String LINES = "lines";
  public static final String IDLE_JUSTIFICATION = "idleJustification";

  public static final String APPLICATION_ID = "applicationId";
  public static final String APPLICATION_NO = "applicationNo";
  public static final String APPLICANT_GROUP = "applicantGroup";
  public static final String PROBLEM_COUNT = "problemCount";
  /** The application in words, for the reviewers' forms. */
  public static final String APPLICATION_SUMMARY = "applicationSummary";
  public static final String PROBLEMS_TEXT = "problemsText";
  public static final String CORRECTION_DUE = "correctionDue";
  public static final String CORRECTION_REMINDER_AT = "correctionReminderAt";
  public static final String REVIEW_DUE = "reviewDue";
  public static final String APPROVAL_DUE = "approvalDue";
  public static final String DELIVERY_DUE = "deliveryDue";

  public static final String DECISION_STAGE = "decisionStage";
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_COMMENT = "reviewComment";
  public static final String APPROVAL_DECISION = "approvalDecision";
  public static final String APPROVAL_COMMENT = "approvalComment";
  public static final String DELIVERIES = "deliveries";
  /** The delivery form's text: one resource per line. */
  public static final String DELIVERY_LIST = "deliveryList";
  public static final String RECEIPT_DECISION = "receiptDecision";
  public static final String RECEIPT_COMMENT = "receiptComment";
  public static final String OUTCOME = "outcome";

  private ApplicationVariables() {}

  static long applicationId(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return ((Number) scope.getVariable(APPLICATION_ID)).longValue();
  }
}
