package cn.gov.gz.govcloud.deliverable;

import static cn.gov.gz.govcloud.deliverable.DeliverableVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.engine.Variables;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The provider's answer to a return: resubmit the new version uploaded to replace the returned one (back to
 * approval), or withdraw with a reason.
 */
@Component("recordDeliverableResubmission")
public class RecordDeliverableResubmission extends ProcessStep {

  private final DeliverableService documents;
  private final DeliverableProperties properties;
  private final DeliverableNotices notices;
  private final Clock clock;

  RecordDeliverableResubmission(DeliverableService documents, DeliverableProperties properties,
      DeliverableNotices notices, Clock clock) {
    this.documents = documents;
    this.properties = properties;
    this.notices = notices;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String action = Variables.text(execution, RESUBMIT_ACTION);
    long returned = id(execution, DOCUMENT_ID);
    if (RESUBMIT.equals(action)) {
      DeliverableDocument next = documents.replacement(returned).orElseThrow(() -> ValidationException.of(
          RESUBMIT_ACTION, "请先在交付物登记册上传修改后的新版本（替换被退回的文档），再提交"));
      RegisterDeliverableSubmission.show(execution, next);
      execution.setVariable(APPROVAL_DUE, Date.from(clock.instant().plus(properties.getApprovalWithin())));
      execution.setVariable(RESUBMITTED, true);
      notices.waiting(next, false);
    } else if (WITHDRAW.equals(action)) {
      documents.withdraw(returned, Variables.text(execution, RESUBMIT_REASON), actor(execution));
      execution.setVariable(RESUBMITTED, false);
    } else {
      throw ValidationException.of(RESUBMIT_ACTION, "请选择：重新提交或撤回");
    }
  }
}
