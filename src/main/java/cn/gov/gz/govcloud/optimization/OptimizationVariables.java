package cn.gov.gz.govcloud.optimization;

/** The names of the {@code optimization-review} process variables, declared once. */
public final class OptimizationVariables {

  public static final String PROCESS_KEY = "optimization-review";
  public static final String SCHEDULE_KEY = "optimization-review-schedule";
  /** BPMN error of the start: the month already has its scheduled review. */
  public static final String MONTH_ALREADY_REVIEWED = "MONTH_ALREADY_REVIEWED";
  public static final String DECISION_KEY = "appendix-c-candidates";

  // start: the period (days, inclusive); empty means the previous calendar month
  public static final String PERIOD_FROM = "periodFrom";
  public static final String PERIOD_TO = "periodTo";

  public static final String REVIEW_ID = "reviewId";
  public static final String REVIEW_NO = "reviewNo";
  public static final String CANDIDATE_COUNT = "candidateCount";
  public static final String ACCEPTED_COUNT = "acceptedCount";
  public static final String REVIEW_SUMMARY = "reviewSummary";
  public static final String REVIEW_DUE = "reviewDue";

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
}
