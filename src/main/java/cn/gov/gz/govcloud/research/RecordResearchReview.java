package cn.gov.gz.govcloud.research;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.research.ResearchVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Management's review of the report (P6 7.5.1.4): accepted, or returned with a reason to the provider's analysis
 * (the next report is filed as the next version). Sets the variables the model's gateways read.
 */
@Component("recordResearchReview")
public class RecordResearchReview extends ProcessStep {
  private final ResearchService research;
  private final ResearchProperties properties;
  private final Clock clock;

  RecordResearchReview(ResearchService research, ResearchProperties properties, Clock clock) {
    this.research = research;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = id(execution);
    String decision = text(execution, REVIEW_DECISION);
    String comment = text(execution, REVIEW_COMMENT);
    research.review(id, decision, comment, actor(execution));
    boolean returned = ResearchLabels.RETURN.equals(decision);
    execution.setVariable(REVIEW_RETURNED, returned);
    if (returned) {
      execution.setVariable(RETURN_REASON, comment.strip());
      execution.setVariable(ANALYSIS_DUE, Date.from(clock.instant().plus(properties.analysisWithin())));
      // the next review starts from an empty form
      execution.setVariable(REVIEW_DECISION, null);
      execution.setVariable(REVIEW_COMMENT, null);
    } else {
      execution.setVariable(RESOURCE_RECOMMENDATION_COUNT, research.recommendations(id).stream()
          .filter(r -> ResearchLabels.RESOURCE.equals(r.category())).count());
    }
  }
}
