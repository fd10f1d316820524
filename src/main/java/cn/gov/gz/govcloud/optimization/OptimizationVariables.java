package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The names of the {@code optimization-review} process variables, declared once. */
final class OptimizationVariables {

  public static final String PROCESS_KEY = "optimization-review";
  public static final String SCHEDULE_KEY = "optimization-review-schedule";
  /** BPMN error of the start: the month already has its scheduled review. */
  public static final String MONTH_ALREADY_REVIEWED = "MONTH_ALREADY_REVIEWED";
  /**
   * BPMN error of the statistics: the ledger has resources in the period but not one has monitoring data, so the
   * period cannot be measured; the ops managers check the monitoring feed and retry or close the review.
   */
  public static final String NO_MONITORING_DATA = "NO_MONITORING_DATA";
  public static final String DECISION_KEY = "appendix-c-candidates";
  /** The review task (the controller completes it when management decides over REST). */
  static final String REVIEW_TASK = "Task_ReviewCandidates";

  // start: the period (days, inclusive); empty means the previous calendar month
  public static final String PERIOD_FROM = "periodFrom";
  public static final String PERIOD_TO = "periodTo";

  public static final String REVIEW_ID = "reviewId";
  public static final String REVIEW_NO = "reviewNo";
  public static final String CANDIDATE_COUNT = "candidateCount";
  public static final String ACCEPTED_COUNT = "acceptedCount";
  public static final String REVIEW_SUMMARY = "reviewSummary";
  public static final String REVIEW_DUE = "reviewDue";

  // no monitoring data: what the ops managers are told, and RETRY (statistics again) or CLOSE
  public static final String MONITORING_GAP = "monitoringGap";
  public static final String MONITORING_DATA_DECISION = "monitoringDataDecision";
  public static final String MONITORING_DATA_COMMENT = "monitoringDataComment";

  // review task
  public static final String CANDIDATES = "candidates";
  public static final String BULK_DECISION = "bulkDecision";
  public static final String REVIEW_REASON = "reviewReason";

  // per unit (local to the multi-instance body)
  public static final String ACTION_UNIT = "actionUnit";
  public static final String UNIT_SUMMARY = "unitSummary";
  public static final String UNIT_DUE = "unitDue";
  public static final String UNIT_DECISION = "unitDecision";
  public static final String UNIT_COMMENT = "unitComment";
  public static final String OBJECTION_DECISION = "objectionDecision";
  public static final String MANAGEMENT_COMMENT = "managementComment";
  public static final String EXECUTION_ITEMS = "executionItems";
  public static final String EXECUTE_DUE = "executeDue";

  private OptimizationVariables() {}

  static long reviewId(VariableScope scope) {
    return ((Number) scope.getVariable(REVIEW_ID)).longValue();
  }

  static String unit(VariableScope scope) {
    return text(scope, ACTION_UNIT);
  }

  /** A day from a form (Date, "2026-11-01", or an ISO date-time: its day in China). */
  static LocalDate day(Object value, String field) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    if (value instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), WorkingCalendar.CHINA);
    }
    String s = value.toString().strip();
    try {
      return s.length() == 10 ? LocalDate.parse(s)
          : LocalDate.ofInstant(OffsetDateTime.parse(s).toInstant(), WorkingCalendar.CHINA);
    } catch (DateTimeParseException e) {
      throw ValidationException.of(field, "日期格式应为 2026-11-01: " + s);
    }
  }
}
