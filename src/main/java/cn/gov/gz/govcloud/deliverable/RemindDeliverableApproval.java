package cn.gov.gz.govcloud.deliverable;

import static cn.gov.gz.govcloud.deliverable.DeliverableVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Reminds management of a document still waiting for approval (the task stays). */
@Component("remindDeliverableApproval")
public class RemindDeliverableApproval extends ProcessStep {

  private final DeliverableService documents;
  private final DeliverableNotices notices;

  RemindDeliverableApproval(DeliverableService documents, DeliverableNotices notices) {
    this.documents = documents;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    notices.waiting(documents.get(id(execution, DOCUMENT_ID)), true);
  }
}
