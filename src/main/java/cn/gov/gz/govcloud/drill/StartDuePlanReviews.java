package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.PlanVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The daily check (P6 7.4.2.1.3): a review is opened for every active plan whose periodic review falls due within
 * the configured lead, unless one is open already, so each plan has one review at a time.
 */
@Component("startDuePlanReviews")
public class StartDuePlanReviews extends ProcessStep {
  private final PlanReviews reviews;

  StartDuePlanReviews(PlanReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  protected void run(DelegateExecution execution) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    List<String> started = new ArrayList<>();
    for (PlanReviews.Due due : reviews.dueSoon()) {
      runtime.createProcessInstanceByKey(REVIEW_KEY).businessKey(due.plan().planNo())
          .setVariable(PLAN_NO, due.plan().planNo())
          .setVariable(REVIEW_DUE, Date.from(due.dueAt()))
          .execute();
      started.add(due.plan().planNo());
    }
    execution.setVariable(REVIEWS_STARTED, String.join(",", started));
  }
}
