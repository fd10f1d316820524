package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.optimization.OptimizationVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Tells one unit its accepted recommendations and opens its confirmation (P6 7.5.4.2). */
@Component("prepareUnitConfirmation")
class PrepareUnitConfirmation extends ProcessStep {
  private final OptimizationService service;
  private final OptimizationProperties properties;
  private final Clock clock;

  PrepareUnitConfirmation(OptimizationService service, OptimizationProperties properties, Clock clock) {
    this.service = service;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = reviewId(execution);
    String unit = unit(execution);
    List<Candidate> items = service.unitItems(id, unit);
    long resources = items.stream().map(Candidate::resourceId).distinct().count();
    execution.setVariableLocal(UNIT_SUMMARY, "评审 " + text(execution, REVIEW_NO) + " 经管理方审核，对贵单位的 "
        + resources + " 项资源提出 " + items.size() + " 条优化建议（DB4401/T 294.3 附录 C；一项资源命中几条规则时每条一项，"
        + "各自调整所针对的部分）：\n" + CandidateText.itemsText(items));
    execution.setVariableLocal(UNIT_DUE, Date.from(clock.instant().plus(properties.confirmWithin())));
    for (String name : List.of(UNIT_DECISION, UNIT_COMMENT, OBJECTION_DECISION, MANAGEMENT_COMMENT,
        EXECUTION_ITEMS, EXECUTE_DUE)) {
      execution.setVariableLocal(name, null);
    }
    service.event(id, unit, "NOTIFIED", "已通知使用单位确认 " + items.size() + " 条优化建议", actor(execution));
  }
}
