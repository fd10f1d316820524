package cn.gov.gz.govcloud.drill;

/**
 * The names of the variables of the plan processes {@code contingency-plan-revision}, {@code contingency-plan-review}
 * and {@code contingency-plan-review-schedule}, declared once.
 */
final class PlanVariables {

  public static final String REVISION_KEY = "contingency-plan-revision";
  public static final String REVIEW_KEY = "contingency-plan-review";

  /** The plan to revise or review (also the input of a revision called by emergency-response). */
  public static final String PLAN_NO = DrillVariables.PLAN_NO;
  /** The emergency whose improvement step asked for the revision; the new version names it. */
  public static final String EMERGENCY_NO = DrillVariables.EMERGENCY_NO;
  /** What the caller proposes to change (the emergency's improvement text or the review's reason). */
  public static final String REVISION_PROPOSAL = "revisionProposal";
  public static final String PLAN_OWNER = DrillVariables.PLAN_OWNER;
  /** Markdown the plan forms show: the plan, its current version and procedure, and why it is revised or reviewed. */
  public static final String PLAN_SUMMARY = "planSummary";
  public static final String RESPONSE_PROCEDURE = DrillVariables.RESPONSE_PROCEDURE;
  public static final String RECOVERY_MEASURES = DrillVariables.RECOVERY_MEASURES;
  public static final String CHANGE_REASON = "changeReason";
  public static final String NEW_PLAN_VERSION = DrillVariables.NEW_PLAN_VERSION;

  // periodic review (P6 7.4.2.1.3)
  public static final String REVIEW_ID = "reviewId";
  public static final String REVIEW_DUE = "reviewDue";
  public static final String REVIEW_PARTICIPANTS = "reviewParticipants";
  /** NO_CHANGE or REVISE. */
  public static final String REVIEW_RESULT = "reviewResult";
  public static final String REVIEW_REASON = "reviewReason";
  /** Plan numbers the daily check opened a review for, comma-separated. */
  public static final String REVIEWS_STARTED = "reviewsStartedForPlans";

  private PlanVariables() {}
}
