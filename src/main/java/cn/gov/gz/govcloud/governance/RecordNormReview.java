package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.governance.NormVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Checks and saves the review record: participants, conclusions, revisions, and whether the norm is revised. */
@Component("recordNormReview")
public class RecordNormReview extends ProcessStep {
  private final NormService norms;

  RecordNormReview(NormService norms) {
    this.norms = norms;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String outcome = text(execution, OUTCOME);
    if (!"REVISE".equals(outcome) && !"KEEP".equals(outcome)) {
      throw ValidationException.of(OUTCOME, "请选择修订规范或维持现行版本");
    }
    boolean revise = "REVISE".equals(outcome);
    String revisions = Scores.optional(text(execution, REVISIONS), REVISIONS, "修订内容", 4000);
    if (revise && revisions == null) {
      throw ValidationException.of(REVISIONS, "修订规范时请填写修订内容");
    }
    norms.record(Scores.id(execution, REVIEW_ID),
        Scores.required(text(execution, PARTICIPANTS), PARTICIPANTS, "参加评审的各方人员", 2000),
        Scores.required(text(execution, CONCLUSIONS), CONCLUSIONS, "评审结论", 4000), revisions, revise);
  }
}
