package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.governance.NormVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records management's confirmation of the review (opinions are then collected until the due date) or its return. */
@Component("recordNormReviewNeed")
public class RecordNormReviewNeed extends ProcessStep {
  private final NormService norms;
  private final GovernanceProperties properties;
  private final Clock clock;

  RecordNormReviewNeed(NormService norms, GovernanceProperties properties, Clock clock) {
    this.norms = norms;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String decision = text(execution, NEED_DECISION);
    if (!"CONFIRMED".equals(decision) && !"RETURNED".equals(decision)) {
      throw ValidationException.of(NEED_DECISION, "请选择确认评审或退回");
    }
    boolean confirmed = "CONFIRMED".equals(decision);
    String comment = Scores.optional(text(execution, NEED_COMMENT), NEED_COMMENT, "意见", 2000);
    if (!confirmed && comment == null) {
      throw ValidationException.of(NEED_COMMENT, "退回时请说明原因");
    }
    Instant due = confirmed ? clock.instant().plus(properties.opinionWithin()) : null;
    norms.needDecision(Scores.id(execution, REVIEW_ID), confirmed, comment, due);
    execution.setVariable(NEED_CONFIRMED, confirmed);
    if (due != null) {
      execution.setVariable(OPINION_DUE, Date.from(due));
    }
  }
}
