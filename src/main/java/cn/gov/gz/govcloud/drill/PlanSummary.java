package cn.gov.gz.govcloud.drill;

import cn.gov.gz.govcloud.engine.Markdown;
import org.springframework.stereotype.Component;

/** The plan as the revision and review forms show it ({@code {{planSummary}}}): register entry and current content. */
@Component
class PlanSummary {

  private final PlanService plans;

  PlanSummary(PlanService plans) {
    this.plans = plans;
  }

  String of(ContingencyPlan plan, String why) {
    ContingencyPlan.Version v = plans.currentVersion(plan.id());
    StringBuilder md = new StringBuilder();
    Markdown.field(md, "应急预案", plan.title() + "（" + plan.planNo() + "，" + plan.planType().label() + "，现行第 "
        + v.version() + " 版）");
    Markdown.field(md, "适用范围", v.scope());
    Markdown.field(md, "负责人", plan.owner());
    if (why != null) {
      Markdown.field(md, "事由", why);
    }
    Markdown.field(md, "应急响应流程", v.responseProcedure());
    if (v.recoveryMeasures() != null) {
      Markdown.field(md, "恢复措施", v.recoveryMeasures());
    }
    return md.toString();
  }
}
