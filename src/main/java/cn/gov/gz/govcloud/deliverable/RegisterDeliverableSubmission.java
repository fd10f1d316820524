package cn.gov.gz.govcloud.deliverable;

import static cn.gov.gz.govcloud.deliverable.DeliverableVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Takes an uploaded document into approval: checks it exists and waits for approval, sets the approval's due date
 * and reminder, and tells management.
 */
@Component("registerDeliverableSubmission")
public class RegisterDeliverableSubmission extends ProcessStep {

  private final DeliverableService documents;
  private final DeliverableProperties properties;
  private final DeliverableNotices notices;
  private final Clock clock;

  RegisterDeliverableSubmission(DeliverableService documents, DeliverableProperties properties,
      DeliverableNotices notices, Clock clock) {
    this.documents = documents;
    this.properties = properties;
    this.notices = notices;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    DeliverableDocument d = documents.find(id(execution, DOCUMENT_ID)).orElseThrow(() ->
        ValidationException.of(DOCUMENT_ID, "交付文档不存在：请在交付物登记册上传文档，上传即提交审批"));
    if (!DeliverableDocument.PENDING.equals(d.status())) {
      throw ValidationException.of(DOCUMENT_ID, "该交付文档已" + d.statusLabel());
    }
    show(execution, d);
    execution.setVariable(UPLOADED_BY, d.uploadedBy());
    execution.setVariable(APPROVAL_REMIND_AFTER, properties.getApprovalRemindAfter().toString());
    execution.setVariable(APPROVAL_DUE, Date.from(clock.instant().plus(properties.getApprovalWithin())));
    notices.waiting(d, false);
  }

  /** The variables the approval's tasks and form show of the document under approval. */
  static void show(DelegateExecution execution, DeliverableDocument d) {
    execution.setVariable(DOCUMENT_ID, d.id());
    execution.setVariable(ITEM_NO, d.itemNo());
    execution.setVariable(DOCUMENT_TITLE, d.title());
    execution.setVariable(DOCUMENT_VERSION, d.version());
    execution.setVariable(REPORT_ID, d.reportId());
  }
}
