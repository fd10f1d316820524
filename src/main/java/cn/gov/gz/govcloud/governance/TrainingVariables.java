package cn.gov.gz.govcloud.governance;

/** The names of the {@code training} process variables and element ids, declared once. */
final class TrainingVariables {

  static final String PROCESS_KEY = "training";

  // Need (start form, POST /api/trainings; P6 7.6.3.1)
  static final String TOPIC = "trainingTopic";
  /** ONLINE 线上, OFFLINE 线下. */
  static final String FORM = "trainingForm";
  static final String GOAL = "trainingGoal";
  static final String AUDIENCE = "trainingAudience";
  static final String TRAINING_ID = "trainingId";
  static final String TRAINING_NO = "trainingNo";
  /** CONFIRMED or RETURNED (management's confirmation form). */
  static final String NEED_DECISION = "needDecision";
  static final String NEED_COMMENT = "needComment";
  static final String NEED_CONFIRMED = "needConfirmed";

  // Plan (P6 7.6.3.2)
  static final String CONTENT = "trainingContent";
  static final String METHOD = "trainingMethod";
  static final String LECTURER = "lecturer";
  /** The session's time as the plan form writes it (ISO with offset). */
  static final String SESSION_AT = "sessionAt";
  /** The session's time as a date, for the timer. */
  static final String SESSION_START = "sessionStart";
  static final String PLACE = "trainingPlace";
  static final String ATTENDEES = "attendees";

  // Session (P6 7.6.3.3)
  static final String ATTENDANCE_COUNT = "attendanceCount";
  static final String ATTENDANCE_LIST = "attendanceList";
  static final String MATERIALS = "materialsNote";

  // Feedback (P6 7.6.3.4) until the due date, with a reminder
  static final String FEEDBACK_DUE = "feedbackDue";
  static final String FEEDBACK_REMIND_AT = "feedbackRemindAt";
  /** The organiser's note on the technical exchange, when it ends the feedback. */
  static final String FEEDBACK_NOTE = "feedbackNote";

  // Summary and improvement (P6 7.6.3.5), record (7.6.3.6)
  static final String SUMMARY = "trainingSummary";
  static final String IMPROVEMENTS = "trainingImprovements";
  static final String REPORT_ID = "reportId";
  static final String REPORT_VERSION = "reportVersion";

  private TrainingVariables() {}
}
