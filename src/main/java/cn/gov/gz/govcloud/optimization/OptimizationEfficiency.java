package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.optimization.OptimizationVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Efficiency (P6 7.5.3): the cost of every resource over the period by the billing rules. */
@Component("optimizationEfficiency")
class OptimizationEfficiency extends ProcessStep {
  private final UsageMeasurement measurement;

  OptimizationEfficiency(UsageMeasurement measurement) {
    this.measurement = measurement;
  }

  @Override
  protected void run(DelegateExecution execution) {
    measurement.computeCosts(reviewId(execution));
  }
}
