package cn.gov.gz.govcloud.deliverable;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The variables of {@code deliverable-approval} and {@code service-summary-report}. */
final class DeliverableVariables {

  static final String APPROVAL_PROCESS = "deliverable-approval";
  static final String SUMMARY_PROCESS = "service-summary-report";

  static final String DOCUMENT_ID = "documentId";
  static final String ITEM_NO = "itemNo";
  static final String UPLOADED_BY = "uploadedBy";
  static final String APPROVAL_DUE = "approvalDue";
  static final String APPROVAL_REMIND_AFTER = "approvalRemindAfter";
  static final String APPROVAL_DECISION = "approvalDecision";
  static final String APPROVAL_REASON = "approvalReason";
  static final String APPROVED = "approved";
  static final String CORRECTION_DUE = "correctionDue";
  static final String RESUBMIT_ACTION = "resubmitAction";
  static final String RESUBMIT_REASON = "resubmitReason";
  static final String RESUBMITTED = "resubmitted";
  static final String DOCUMENT_TITLE = "documentTitle";
  static final String DOCUMENT_VERSION = "documentVersion";
  static final String REPORT_ID = "reportId";

  static final String APPROVE = "APPROVE";
  static final String RETURN = "RETURN";
  static final String RESUBMIT = "RESUBMIT";
  static final String WITHDRAW = "WITHDRAW";

  static final String PERIOD_FROM = "periodFrom";
  static final String PERIOD_TO = "periodTo";
  static final String COMMENTARY = "commentary";
  static final String REPORT_VERSION = "reportVersion";
  static final String REVIEW_DUE = "reviewDue";
  static final String SUMMARY_DECISION = "summaryDecision";
  static final String SUMMARY_REASON = "summaryReason";
  static final String SUMMARY_CONFIRMED = "summaryConfirmed";
  static final String CONFIRM = "CONFIRM";
  static final String SUMMARY_REVIEWER = "summaryReviewer";
  static final String SUMMARY_REVIEWED_AT = "summaryReviewedAt";

  private DeliverableVariables() {}

  static LocalDate day(VariableScope scope, String name) {
    return cn.gov.gz.govcloud.engine.Variables.day(scope, name);
  }

  static long id(VariableScope scope, String name) {
    return cn.gov.gz.govcloud.engine.Variables.id(scope, name);
  }
}
