package cn.gov.gz.govcloud.deliverable;

import static cn.gov.gz.govcloud.deliverable.DeliverableVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.engine.Variables;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records management's decision (approve, or return with a reason) and tells the uploader. */
@Component("recordDeliverableDecision")
public class RecordDeliverableDecision extends ProcessStep {

  private final DeliverableService documents;
  private final DeliverableProperties properties;
  private final DeliverableNotices notices;
  private final Clock clock;

  RecordDeliverableDecision(DeliverableService documents, DeliverableProperties properties,
      DeliverableNotices notices, Clock clock) {
    this.documents = documents;
    this.properties = properties;
    this.notices = notices;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String decision = Variables.text(execution, APPROVAL_DECISION);
    if (!APPROVE.equals(decision) && !RETURN.equals(decision)) {
      throw ValidationException.of(APPROVAL_DECISION, "请选择审批结果：批准或退回修改");
    }
    boolean approve = APPROVE.equals(decision);
    DeliverableDocument d = documents.decide(id(execution, DOCUMENT_ID), approve,
        Variables.text(execution, APPROVAL_REASON), actor(execution));
    execution.setVariable(APPROVED, approve);
    if (!approve) {
      execution.setVariable(CORRECTION_DUE, Date.from(clock.instant().plus(properties.getCorrectionWithin())));
    }
    notices.decided(d);
  }
}
