package cn.gov.gz.govcloud.governance;

/** The names of the {@code security-assessment} process variables, declared once. */
final class AssessmentVariables {

  static final String PROCESS_KEY = "security-assessment";
  /** Optional on start: the assessment's name; the half-yearly schedule leaves it empty. */
  static final String TITLE = "assessmentTitle";
  /** Set by security-assessment-schedule only (its call activity): a periodic run, named after the half-year. */
  static final String SCHEDULED = "assessmentScheduled";
  static final String ASSESSMENT_ID = "assessmentId";
  static final String ASSESSMENT_NO = "assessmentNo";
  static final String ASSESSMENT_DUE = "assessmentDue";
  static final String ASSESSMENT_REMIND_AT = "assessmentRemindAt";
  /** The multi-instance element variable: the staff member of one branch. */
  static final String ASSESSED_STAFF_ID = "assessedStaffId";
  static final String SCORE = "assessmentScore";
  static final String NOTE = "assessmentNote";
  static final String RETAKES_PENDING = "retakesPending";
  static final String REPORT_ID = "reportId";
  static final String REPORT_VERSION = "reportVersion";
  static final String NOTHING_TO_ASSESS = "NOTHING_TO_ASSESS";
  static final String SCORE_TASK = "Task_RecordScore";

  private AssessmentVariables() {}
}
