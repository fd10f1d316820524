package cn.gov.gz.govcloud.assurance;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The names of the {@code assurance} process variables, declared once. */
final class AssuranceVariables {

  public static final String PROCESS_KEY = "assurance";

  // Request (start form, POST /api/assurances)
  public static final String EVENT_NAME = "eventName";
  /** MAJOR_EVENT 重大活动, HOLIDAY 重要节假日, PUBLIC_EMERGENCY 突发性公共事件, DISASTER 自然灾害. */
  public static final String KIND = "kind";
  public static final String PERIOD_FROM = "periodFrom";
  public static final String PERIOD_TO = "periodTo";
  /** Business system codes, comma-separated. */
  public static final String SYSTEM_CODES = "systemCodes";
  /** Unit codes, comma-separated: all their business systems are covered. */
  public static final String UNIT_CODES = "unitCodes";
  public static final String TARGETS = "targets";
  public static final String ASSURANCE_ID = "assuranceId";
  public static final String ASSURANCE_NO = "assuranceNo";
  /** The period as dates for the timers. */
  public static final String PERIOD_START = "periodStart";
  public static final String PERIOD_END = "periodEnd";

  // Need (P6 7.3.3.1)
  public static final String NEED_DECISION = "needDecision";
  public static final String MANNER = "manner";
  public static final String NEED_COMMENT = "needComment";
  public static final String NEED_CONFIRMED = "needConfirmed";

  // Plan (P6 7.3.3.2, 7.3.3.3)
  public static final String PLAN_TEXT = "planText";
  /** JSON list of shifts: startsAt, endsAt, watchers (user ids, comma-separated), contact. */
  public static final String ROTA = "rota";
  public static final String RESERVE_RESOURCES = "reserveResources";
  public static final String CONTINGENCY_PLANS = "contingencyPlans";
  public static final String RESPONSE_FACTOR = "responseFactor";
  public static final String APPLICATION_FACTOR = "applicationFactor";
  public static final String PLAN_DECISION = "planDecision";
  public static final String APPROVAL_COMMENT = "approvalComment";
  public static final String PLAN_APPROVED = "planApproved";

  // Watch (P6 7.3.3.3 a), one per shift
  public static final String SHIFT_ID = "shiftId";
  /** Set per watch instance from the shift: the timer, the task's due date and candidates, the reminder. */
  public static final String SHIFT_STARTS_AT = "shiftStartsAt";
  public static final String SHIFT_ENDS_AT = "shiftEndsAt";
  public static final String SHIFT_REMIND_AT = "shiftRemindAt";
  public static final String SHIFT_WATCHERS = "shiftWatchers";
  public static final String SITUATION = "situation";
  public static final String STANDBY_NOTE = "standbyNote";
  public static final String HANDOVER = "handover";
  public static final String RECORDS_CLOSED_AT = "recordsClosedAt";

  // Summary (P6 7.3.3.4)
  public static final String SUMMARY = "summary";
  public static final String ISSUES = "issues";
  public static final String IMPROVEMENTS = "improvements";
  public static final String REPORT_ID = "reportId";
  public static final String SUMMARY_DECISION = "summaryDecision";
  public static final String CONFIRM_COMMENT = "confirmComment";
  public static final String SUMMARY_CONFIRMED = "summaryConfirmed";

  private AssuranceVariables() {}

  static long assuranceId(VariableScope scope) {
    return ((Number) scope.getVariable(ASSURANCE_ID)).longValue();
  }

  /** A time from a variable: a Date, an ISO instant, an offset time (Camunda Forms) or a China local time. */
  static Instant time(Object v, String field) {
    return cn.gov.gz.govcloud.engine.Variables.moment(v, field);
  }
}
