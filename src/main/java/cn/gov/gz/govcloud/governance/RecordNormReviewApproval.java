package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.governance.NormVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records management's approval of the review record, or its return for rework with the reason. */
@Component("recordNormReviewApproval")
public class RecordNormReviewApproval extends ProcessStep {
  private final NormService norms;

  RecordNormReviewApproval(NormService norms) {
    this.norms = norms;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String decision = text(execution, APPROVAL_DECISION);
    if (!"APPROVED".equals(decision) && !"RETURNED".equals(decision)) {
      throw ValidationException.of(APPROVAL_DECISION, "请选择批准或退回");
    }
    boolean approved = "APPROVED".equals(decision);
    String comment = Scores.optional(text(execution, APPROVAL_COMMENT), APPROVAL_COMMENT, "审批意见", 2000);
    if (!approved && comment == null) {
      throw ValidationException.of(APPROVAL_COMMENT, "退回时请说明原因");
    }
    norms.approval(Scores.id(execution, REVIEW_ID), approved, comment, actor(execution));
    execution.setVariable(REVIEW_APPROVED, approved);
  }
}
