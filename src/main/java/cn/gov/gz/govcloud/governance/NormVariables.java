package cn.gov.gz.govcloud.governance;

/** The names of the {@code norm-review} and {@code norm-review-schedule} variables, declared once. */
final class NormVariables {

  static final String PROCESS_KEY = "norm-review";
  static final String NORM_CODE = "normCode";
  static final String REASON = "reviewReason";
  static final String REVIEW_ID = "reviewId";
  static final String REVIEW_NO = "reviewNo";
  /** CONFIRMED or RETURNED (management). */
  static final String NEED_DECISION = "needDecision";
  static final String NEED_COMMENT = "needComment";
  static final String NEED_CONFIRMED = "needConfirmed";
  static final String OPINION_DUE = "opinionDue";
  static final String PARTICIPANTS = "reviewParticipants";
  static final String CONCLUSIONS = "reviewConclusions";
  static final String REVISIONS = "reviewRevisions";
  /** REVISE (a new version) or KEEP (the norm stays as it is). */
  static final String OUTCOME = "reviewOutcome";
  /** APPROVED or RETURNED (management). */
  static final String APPROVAL_DECISION = "approvalDecision";
  static final String APPROVAL_COMMENT = "approvalComment";
  static final String REVIEW_APPROVED = "reviewApproved";
  static final String REPORT_ID = "reportId";
  static final String REPORT_VERSION = "reportVersion";
  static final String PERIODIC_REASON = "定期评审（P6 7.6.1.6；安全管理规范按 7.4.1.2 定期评审）";

  private NormVariables() {}
}
