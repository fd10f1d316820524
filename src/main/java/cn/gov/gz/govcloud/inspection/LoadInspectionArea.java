package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.inspection.InspectionVariables.*;

import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.inspection.InspectionService.Area;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/** Opens one area: who inspects it, its checklist from the templates as they are now (P6 7.2.3.1.3, 7.2.3.2.4). */
@Component("loadInspectionArea")
class LoadInspectionArea extends ProcessStep {

  private final InspectionService service;
  private final InspectionChecklists checklists;
  private final InspectionProperties properties;
  private final JsonVariables json;

  LoadInspectionArea(InspectionService service, InspectionChecklists checklists, InspectionProperties properties,
      JsonVariables json) {
    this.service = service;
    this.checklists = checklists;
    this.properties = properties;
    this.json = json;
  }

  @Override
  protected void run(DelegateExecution execution) {
    Area area = service.area(areaId(execution));
    execution.setVariableLocal(AREA_KIND, area.kind().name());
    execution.setVariableLocal(AREA_NAME, area.name());
    execution.setVariableLocal(INSPECTOR, area.inspector());
    execution.setVariableLocal("accessGroup", properties.accessGroup());
    execution.setVariableLocal(CHECKLIST, SpinValues.jsonValue(json.write(checklists.checklist(area.id()))).create());
    // task forms write these; kept local so parallel areas do not overwrite each other's answers
    for (String name : List.of(ACCESS_AT, ACCESS_NOTE, ACCESS_DECISION, ACCESS_COMMENT)) {
      execution.setVariableLocal(name, null);
    }
  }
}
