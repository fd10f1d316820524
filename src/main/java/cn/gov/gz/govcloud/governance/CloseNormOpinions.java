package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.governance.NormVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The opinions close (ended by the organiser or at the due date): the review record follows. */
@Component("closeNormOpinions")
public class CloseNormOpinions extends ProcessStep {
  private final NormService norms;

  CloseNormOpinions(NormService norms) {
    this.norms = norms;
  }

  @Override
  protected void run(DelegateExecution execution) {
    norms.closeOpinions(Scores.id(execution, REVIEW_ID));
  }
}
