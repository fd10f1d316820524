package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.inspection.InspectionVariables.*;

import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.inspection.InspectionChecklists.ChecklistLine;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records the filled checklist (P6 7.2.3.1.5, 7.2.3.2.6); abnormal items become findings (7.2.3.1.4). */
@Component("recordInspectionChecklist")
class RecordInspectionChecklist extends ProcessStep {

  private final InspectionChecklists checklists;
  private final JsonVariables json;

  RecordInspectionChecklist(InspectionChecklists checklists, JsonVariables json) {
    this.checklists = checklists;
    this.json = json;
  }

  @Override
  protected void run(DelegateExecution execution) {
    List<ChecklistLine> lines = json.read(execution, CHECKLIST, new TypeReference<List<ChecklistLine>>() {});
    checklists.recordChecklist(areaId(execution), lines, actor(execution));
  }
}
