package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.optimization.OptimizationVariables.*;

import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.optimization.OptimizationService.Execution;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Operators executed the confirmed recommendations: the ledger is changed (P6 7.5.4.3). */
@Component("applyOptimizationExecution")
class ApplyOptimizationExecution extends ProcessStep {
  private final OptimizationDecisions decisions;
  private final JsonVariables json;

  ApplyOptimizationExecution(OptimizationDecisions decisions, JsonVariables json) {
    this.decisions = decisions;
    this.json = json;
  }

  @Override
  protected void run(DelegateExecution execution) {
    List<ExecutionRow> rows = json.read(execution, EXECUTION_ITEMS, new TypeReference<List<ExecutionRow>>() {});
    List<Execution> done = rows == null ? List.of() : rows.stream().map(r -> new Execution(r.candidateId(), r.vcpu(),
        r.memoryGb(), r.diskTb(), r.note())).toList();
    decisions.execute(reviewId(execution), unit(execution), done, actor(execution));
  }
}
