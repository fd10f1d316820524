package cn.gov.gz.govcloud.optimization;

import java.util.List;
import org.springframework.stereotype.Component;

/** What the model asks at run time: {@code ${optimizationPlan.units(reviewId)}}, one multi-instance body per unit. */
@Component("optimizationPlan")
public class OptimizationPlan {

  private final OptimizationService service;

  OptimizationPlan(OptimizationService service) {
    this.service = service;
  }

  /** The units with accepted recommendations in a review. */
  public List<String> units(Object reviewId) {
    return service.unitsWithAccepted(((Number) reviewId).longValue());
  }
}
