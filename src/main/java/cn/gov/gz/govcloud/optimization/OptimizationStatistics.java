package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.optimization.OptimizationVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Statistics (P6 7.5.2): what every resource of the ledger used in the period, from the monitoring aggregates. A
 * period in which no resource has monitoring data cannot be measured: BPMN error {@code NO_MONITORING_DATA}.
 */
@Component("optimizationStatistics")
class OptimizationStatistics extends ProcessStep {
  private final OptimizationService service;
  private final UsageMeasurement measurement;

  OptimizationStatistics(OptimizationService service, UsageMeasurement measurement) {
    this.service = service;
    this.measurement = measurement;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = reviewId(execution);
    UsageMeasurement.Measured measured = measurement.computeUsage(id);
    if (measured.nothingMonitored()) {
      Review r = service.get(id);
      String gap = "统计周期 " + r.periodFrom() + " 至 " + r.periodTo() + " 内，资源台账中的 " + measured.resources()
          + " 项资源均没有监控数据，无法统计资源使用情况（P6 7.5.2）。请核实监控数据采集与汇总是否正常。";
      service.event(id, null, "NO_DATA", gap, actor(execution));
      execution.setVariable(MONITORING_GAP, gap);
      execution.setVariable(MONITORING_DATA_DECISION, null);
      throw new BpmnError(NO_MONITORING_DATA, gap);
    }
  }
}
