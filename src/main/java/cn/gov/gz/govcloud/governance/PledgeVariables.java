package cn.gov.gz.govcloud.governance;

/** The names of the {@code staff-pledge} process variables, declared once. */
final class PledgeVariables {

  static final String PROCESS_KEY = "staff-pledge";
  /** Intake (POST /api/staff, POST /api/staff/{id}/leave): the staff member and JOIN or LEAVE. */
  static final String STAFF_ID = "staffId";
  static final String PLEDGE_KIND = "pledgeKind";
  static final String PLEDGE_ID = "pledgeId";
  static final String PLEDGE_DUE = "pledgeDue";
  /** ISO repeat of the reminders while the pledge is not recorded, e.g. R30/P1D. */
  static final String PLEDGE_REMINDER_CYCLE = "pledgeReminderCycle";
  static final String SIGNED_ON = "signedOn";
  static final String PLEDGE_NOTE = "pledgeNote";

  private PledgeVariables() {}
}
