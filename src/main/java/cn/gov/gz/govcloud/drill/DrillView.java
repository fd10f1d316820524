package cn.gov.gz.govcloud.drill;

import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.engine.CaseView;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.engine.Markdown;
import cn.gov.gz.govcloud.organization.OrganizationService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** An emergency drill as its organiser and participants see it in their tasks (issue 19). */
@Component
class DrillView implements CaseView {

  private final DrillService drills;
  private final PlanService plans;
  private final OrganizationService organization;
  private final People people;

  DrillView(DrillService drills, PlanService plans, OrganizationService organization, People people) {
    this.drills = drills;
    this.plans = plans;
    this.organization = organization;
    this.people = people;
  }

  @Override
  public boolean handles(String processDefinitionKey) {
    return DrillVariables.PROCESS_KEY.equals(processDefinitionKey);
  }

  @Override
  public View view(DelegateTask task) {
    if (!(task.getVariable(DrillVariables.DRILL_ID) instanceof Number id)) {
      return null;
    }
    Drill d = drills.get(id.longValue());
    ContingencyPlan plan = plans.get(d.planId());
    StringBuilder md = new StringBuilder();
    Markdown.field(md, "演练编号", d.drillNo());
    Markdown.field(md, "应急预案", plan.planNo() + " " + plan.title() + "（第 " + d.planVersion() + " 版）");
    if (d.businessSystemCode() != null) {
      Markdown.field(md, "业务系统", organization.systemLabel(d.businessSystemCode()));
    }
    if (d.scheduledAt() != null) {
      Markdown.field(md, "演练时间", CityTime.minute(d.scheduledAt()) + "（北京时间）");
    }
    if (d.organiser() != null) {
      Markdown.field(md, "组织者", people.name(d.organiser()));
    }
    if (d.purpose() != null) {
      Markdown.field(md, "演练目的", d.purpose());
    }
    if (d.scenario() != null) {
      Markdown.field(md, "演练场景", d.scenario());
    }
    if (d.steps() != null) {
      Markdown.field(md, "演练步骤", d.steps());
    }
    if (d.precautions() != null) {
      Markdown.field(md, "注意事项", d.precautions());
    }
    if (d.emergencyNo() != null) {
      Markdown.field(md, "关联应急事件（演练模式）", d.emergencyNo());
    }
    return new View(d.drillNo() + " " + plan.title(), md.toString(), null);
  }
}
