package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.engine.Variables.text;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.workorder.WorkOrder.Channel;
import cn.gov.gz.govcloud.workorder.WorkOrder.Priority;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The names and types of the {@code work-order} process variables, declared once. */
final class WorkOrderVariables {

  public static final String PROCESS_KEY = "work-order";

  // intake (start form, REST, calling processes)
  public static final String UNIT_CODE = "unitCode";
  public static final String BUSINESS_SYSTEM_CODE = "businessSystemCode";
  public static final String CONTACT_NAME = "contactName";
  public static final String CONTACT_PHONE = "contactPhone";
  public static final String TYPE = "type";
  public static final String PRIORITY = "priority";
  public static final String CHANNEL = "channel";
  public static final String SOURCE_REF = "sourceRef";
  public static final String TITLE = "title";
  public static final String DESCRIPTION = "description";

  // the order and its clocks
  public static final String WORK_ORDER_ID = "workOrderId";
  public static final String WORK_ORDER_NO = "workOrderNo";
  public static final String SERVICE_LEVEL = "serviceLevel";
  public static final String DISPATCH_GROUP = "dispatchGroup";
  public static final String HANDLER_GROUP = "handlerGroup";
  public static final String CONFIRM_GROUP = "confirmGroup";
  public static final String DISPATCH_DUE = "dispatchDue";
  public static final String RECOVERY_DUE = "recoveryDue";
  public static final String CONFIRM_WITHIN = "confirmWithin";
  public static final String SURVEY_REMINDER_AFTER = "surveyReminderAfter";
  public static final String SURVEY_CLOSE_AFTER = "surveyCloseAfter";
  public static final String LOW_SCORE = "lowScore";
  public static final String DISPATCH_ESCALATIONS = "dispatchEscalations";
  public static final String RECOVERY_ESCALATIONS = "recoveryEscalations";

  // task results
  public static final String KB_SUGGESTIONS = "kbSuggestions";
  /** The unit's business systems as options for the classification form (Json). */
  public static final String SYSTEM_OPTIONS = "systemOptions";
  public static final String KNOWLEDGE_ARTICLE_ID = "knowledgeArticleId";
  public static final String CONSULTATION_ANSWER = "consultationAnswer";
  public static final String ANSWER_DECISION = "answerDecision";
  public static final String DISPATCH_NOTE = "dispatchNote";
  public static final String PROGRESS_NOTE = "progressNote";
  public static final String HANDLING_OUTCOME = "handlingOutcome";
  public static final String WAIT_REASON = "waitReason";
  public static final String USER_REPLY = "userReply";
  public static final String RESOLUTION_DECISION = "resolutionDecision";
  public static final String REOPEN_REASON = "reopenReason";
  public static final String CLOSE_REASON = "closeReason";
  public static final String SATISFACTION_SCORE = "satisfactionScore";
  public static final String SATISFACTION_COMMENT = "satisfactionComment";
  public static final String FOLLOW_UP_NOTE = "followUpNote";
  /** Classification: the security incident category (P6 7.4.1.5), empty when the order is not one. */
  public static final String SECURITY_CATEGORY = "securityCategory";
  /** The archived response service report (GB/T 34077.3 5.3.7 c; P6 7.4.1.5), once generated. */
  public static final String RESPONSE_REPORT_ID = "responseReportId";
  /** Input parameter of the escalation service tasks: DISPATCH or RECOVERY. */
  public static final String ESCALATION_KIND = "escalationKind";

  /** Values of {@link #HANDLING_OUTCOME}. */
  public static final String OUTCOME_IN_PROGRESS = "IN_PROGRESS";
  public static final String OUTCOME_REPLAN = "REPLAN";
  public static final String OUTCOME_RESOLVED = "RESOLVED";
  public static final String OUTCOME_NEED_USER_INFO = "NEED_USER_INFO";
  public static final String OUTCOME_EMERGENCY = "EMERGENCY";

  private WorkOrderVariables() {}

  public static long workOrderId(VariableScope scope) {
    Object id = scope.getVariable(WORK_ORDER_ID);
    if (id == null) {
      throw new IllegalStateException("variable workOrderId is missing");
    }
    return ((Number) id).longValue();
  }

  /** Reads the intake from the start variables; bad enum values are named like any other bad field. */
  static WorkOrderIntake intake(VariableScope scope) {
    return new WorkOrderIntake(
        text(scope, UNIT_CODE), text(scope, BUSINESS_SYSTEM_CODE), text(scope, CONTACT_NAME),
        text(scope, CONTACT_PHONE),
        enumValue(WorkOrderType.class, scope, TYPE, null),
        enumValue(Priority.class, scope, PRIORITY, Priority.MEDIUM),
        enumValue(Channel.class, scope, CHANNEL, Channel.SERVICE_DESK),
        text(scope, SOURCE_REF), text(scope, TITLE), text(scope, DESCRIPTION));
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, VariableScope scope, String name, E fallback) {
    String s = text(scope, name);
    if (s == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(name, "取值无效: " + s);
    }
  }

  static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }
}
