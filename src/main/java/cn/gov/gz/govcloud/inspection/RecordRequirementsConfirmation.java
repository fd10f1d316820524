package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.inspection.InspectionVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Management's answer on the inspection requirements (P6 7.2.3.1.1, 7.2.3.2.1): confirmed, the inspection starts and
 * the checklist changes the task listed take effect; returned (with a reason), the ops manager revises the plan.
 */
@Component("recordRequirementsConfirmation")
class RecordRequirementsConfirmation extends ProcessStep {

  private final InspectionService service;
  private final ChecklistChanges changes;

  RecordRequirementsConfirmation(InspectionService service, ChecklistChanges changes) {
    this.service = service;
    this.changes = changes;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = inspectionId(execution);
    String decision = text(execution, REQUIREMENTS_DECISION);
    String comment = text(execution, REQUIREMENTS_COMMENT);
    if (CONFIRM.equals(decision)) {
      String listed = text(execution, CHECKLIST_CHANGE_IDS);
      List<Long> ids = listed == null ? List.of() : Arrays.stream(listed.split(",")).map(Long::valueOf).toList();
      changes.confirmListed(ids, actor(execution));
      service.requirementsConfirmed(id, actor(execution), comment);
    } else if (RETURN.equals(decision)) {
      if (comment == null) {
        throw ValidationException.of(REQUIREMENTS_COMMENT, "退回须说明需调整的巡检要求");
      }
    } else {
      throw ValidationException.of(REQUIREMENTS_DECISION, "请选择确认（CONFIRM）或退回（RETURN）");
    }
  }
}
