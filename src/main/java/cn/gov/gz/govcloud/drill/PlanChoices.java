package cn.gov.gz.govcloud.drill;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.engine.FormOptions;
import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The drill start form offers the active contingency plans by title, those overdue for a drill first (issue 19). */
@Component
class PlanChoices implements FormOptions {

  private final PlanService plans;

  PlanChoices(PlanService plans) {
    this.plans = plans;
  }

  @Override
  public String field() {
    return DrillVariables.PLAN_NO;
  }

  @Override
  public List<Option> options(Authentication caller) {
    Caller who = new Caller(caller.getUserId(), caller.getGroupIds() == null ? List.of() : caller.getGroupIds());
    return plans.search(who, null, null).stream().filter(p -> "ACTIVE".equals(p.status()))
        .sorted((a, b) -> Boolean.compare(b.overdue(), a.overdue()))
        .map(p -> new Option((p.overdue() ? "【逾期未演练】" : "") + p.title() + "（" + p.planNo() + "，"
            + p.planType().label() + "）", p.planNo()))
        .toList();
  }
}
