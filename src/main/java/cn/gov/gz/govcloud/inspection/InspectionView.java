package cn.gov.gz.govcloud.inspection;

import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.engine.CaseView;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.engine.Markdown;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** An inspection as its planner, inspectors and approvers see it in their tasks (issue 19). */
@Component
class InspectionView implements CaseView {

  private final InspectionService service;
  private final People people;

  InspectionView(InspectionService service, People people) {
    this.service = service;
    this.people = people;
  }

  @Override
  public boolean handles(String processDefinitionKey) {
    return InspectionVariables.PROCESS_KEY.equals(processDefinitionKey);
  }

  @Override
  public View view(DelegateTask task) {
    if (!(task.getVariable(InspectionVariables.INSPECTION_ID) instanceof Number id)) {
      return null;
    }
    Inspection i = service.get(id.longValue());
    String what = i.kind().label() + (i.quarterKey() == null ? "" : "（" + quarter(i.quarterKey()) + "）");
    Object area = task.getVariable(InspectionVariables.AREA_NAME);
    Object inspector = task.getVariable(InspectionVariables.INSPECTOR);
    StringBuilder md = new StringBuilder();
    Markdown.field(md, "巡检编号", i.inspectionNo() + "　**类型：** " + what);
    if (i.reason() != null) {
      Markdown.field(md, "巡检原因", i.reason());
    }
    if (area != null) {
      Markdown.field(md, "巡检区域", area.toString());
    }
    if (inspector != null) {
      Markdown.field(md, "巡检人员", people.name(inspector.toString()));
    }
    if (i.dueAt() != null) {
      Markdown.field(md, "完成时限", CityTime.minute(i.dueAt()) + "（北京时间）");
    }
    return new View(i.inspectionNo() + " " + what + (area == null ? "" : " " + area), md.toString(), null);
  }

  /** "2026Q4" → "2026 年第 4 季度". */
  static String quarter(String key) {
    return key.replace("Q", " 年第 ") + " 季度";
  }
}
