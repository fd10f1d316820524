package cn.gov.gz.govcloud.optimization;

import cn.gov.gz.govcloud.engine.CaseView;
import cn.gov.gz.govcloud.engine.Markdown;
import cn.gov.gz.govcloud.organization.OrganizationService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** An optimisation review as the bureau, a unit and the operators see it in their tasks (issue 19). */
@Component
class OptimizationView implements CaseView {

  private final OptimizationService service;
  private final OrganizationService organization;

  OptimizationView(OptimizationService service, OrganizationService organization) {
    this.service = service;
    this.organization = organization;
  }

  @Override
  public boolean handles(String processDefinitionKey) {
    return OptimizationVariables.PROCESS_KEY.equals(processDefinitionKey);
  }

  @Override
  public View view(DelegateTask task) {
    if (!(task.getVariable(OptimizationVariables.REVIEW_ID) instanceof Number id)) {
      return null;
    }
    Review r = service.get(id.longValue());
    Object unit = task.getVariable(OptimizationVariables.ACTION_UNIT);
    String unitName = unit == null ? null : organization.unitName(unit.toString());
    StringBuilder md = new StringBuilder();
    Markdown.field(md, "评审编号", r.reviewNo() + "　**统计周期：** " + r.periodFrom() + " 至 " + r.periodTo());
    if (unitName != null) {
      Markdown.field(md, "使用单位", unitName);
    }
    if (r.candidates() != null) {
      Markdown.field(md, "优化建议", r.candidates() + " 条（全部使用单位）");
    }
    return new View(r.reviewNo() + " " + r.periodFrom() + " 至 " + r.periodTo()
        + (unitName == null ? "" : " " + unitName), md.toString(), null);
  }
}
