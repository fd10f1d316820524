package cn.gov.gz.govcloud.research;

import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.engine.CaseView;
import cn.gov.gz.govcloud.engine.Markdown;
import cn.gov.gz.govcloud.report.TemplateReport;
import cn.gov.gz.govcloud.research.ResearchService.Research;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** A research as the units, the provider and management see it in their tasks: topic, period, method, unit. */
@Component
class ResearchView implements CaseView {

  private final ResearchService research;
  private final People people;

  ResearchView(ResearchService research, People people) {
    this.research = research;
    this.people = people;
  }

  @Override
  public boolean handles(String processDefinitionKey) {
    return ResearchVariables.PROCESS_KEY.equals(processDefinitionKey);
  }

  @Override
  public View view(DelegateTask task) {
    if (!(task.getVariable(ResearchVariables.RESEARCH_ID) instanceof Number id)) {
      return null;
    }
    Research r = research.get(id.longValue());
    Map<String, String> names = research.unitNames();
    StringBuilder md = new StringBuilder();
    Markdown.field(md, "调研编号", r.researchNo());
    Markdown.field(md, "调研主题", r.topic());
    Markdown.field(md, "调研期间", r.periodFrom() + " 至 " + r.periodTo());
    Markdown.field(md, "调研方式", r.methodLabel());
    Markdown.field(md, "答复截止", TemplateReport.time(r.dueAt()) + "（北京时间）");
    String label = r.researchNo() + " " + r.topic();
    if (task.getVariable(ResearchVariables.RESEARCH_UNIT) instanceof String unit) {
      String name = names.getOrDefault(unit, unit);
      Markdown.field(md, "调研单位", name);
      label += "（" + name + "）";
    } else {
      Markdown.field(md, "调研单位", research.units(r.id()).size() + " 家");
    }
    Markdown.field(md, "发起人", people.name(r.createdBy()));
    if (r.returnCount() > 0 && r.returnReason() != null) {
      Markdown.field(md, "管理方退回理由", r.returnReason());
    }
    return new View(label, md.toString(), null);
  }
}
