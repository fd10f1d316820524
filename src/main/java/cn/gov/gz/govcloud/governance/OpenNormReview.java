package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.governance.NormVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.governance.NormService.Review;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Registers the review of a registered norm with its reason and gives the case its number GF…. */
@Component("openNormReview")
public class OpenNormReview extends ProcessStep {
  private final NormService norms;

  OpenNormReview(NormService norms) {
    this.norms = norms;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String reason = text(execution, REASON);
    Review r = norms.open(text(execution, NORM_CODE), reason == null ? PERIODIC_REASON : reason,
        execution.getProcessInstanceId(), actor(execution));
    execution.setVariable(REVIEW_ID, r.id());
    execution.setVariable(REVIEW_NO, r.reviewNo());
    execution.setProcessBusinessKey(r.reviewNo());
  }
}
