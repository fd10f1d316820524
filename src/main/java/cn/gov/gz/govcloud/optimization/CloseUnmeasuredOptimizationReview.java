package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.optimization.OptimizationVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * No monitoring data for the period (P6 7.5.2) and the ops managers close the review rather than retry: it ends
 * without statistics (status NO_DATA), and the next review does not count it as the one it follows up.
 */
@Component("closeUnmeasuredOptimizationReview")
class CloseUnmeasuredOptimizationReview extends ProcessStep {
  private final OptimizationService service;

  CloseUnmeasuredOptimizationReview(OptimizationService service) {
    this.service = service;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = reviewId(execution);
    service.status(id, Review.Status.NO_DATA);
    String comment = text(execution, MONITORING_DATA_COMMENT);
    service.event(id, null, "CLOSED_NO_DATA", "无监控数据，本期评审关闭" + (comment == null ? "" : "：" + comment),
        actor(execution));
  }
}
