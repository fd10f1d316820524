package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.optimization.OptimizationVariables.*;

import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/** The unit's answer: confirm, or object with a reason (which goes back to management). */
@Component("recordUnitAnswer")
class RecordUnitAnswer extends ProcessStep {
  private final OptimizationService service;
  private final OptimizationDecisions decisions;
  private final OptimizationProperties properties;
  private final JsonVariables json;
  private final Clock clock;

  RecordUnitAnswer(OptimizationService service, OptimizationDecisions decisions, OptimizationProperties properties,
      JsonVariables json, Clock clock) {
    this.service = service;
    this.decisions = decisions;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String decision = text(execution, UNIT_DECISION);
    if (!"CONFIRM".equals(decision) && !"OBJECT".equals(decision)) {
      throw ValidationException.of(UNIT_DECISION, "请选择确认（CONFIRM）或提出异议（OBJECT）");
    }
    long id = reviewId(execution);
    String unit = unit(execution);
    decisions.unitAnswer(id, unit, "CONFIRM".equals(decision), text(execution, UNIT_COMMENT), actor(execution));
    if ("CONFIRM".equals(decision)) {
      List<ExecutionRow> rows = service.unitItems(id, unit).stream()
          .filter(c -> "CONFIRMED".equals(c.unitStatus()))
          .map(c -> new ExecutionRow(c.id(), c.resourceId(), c.actionText(), CandidateText.proposal(c),
              OptimizationDecisions.changes(c.target(), "CPU") ? c.proposedVcpu() : null,
              OptimizationDecisions.changes(c.target(), "MEMORY") ? c.proposedMemoryGb() : null,
              OptimizationDecisions.changes(c.target(), "STORAGE") ? c.proposedDiskTb() : null, null)).toList();
      execution.setVariable(EXECUTION_ITEMS, SpinValues.jsonValue(json.write(rows)).create());
      execution.setVariable(EXECUTE_DUE, Date.from(clock.instant().plus(properties.executeWithin())));
    }
  }
}
