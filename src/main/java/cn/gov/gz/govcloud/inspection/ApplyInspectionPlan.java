package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.inspection.InspectionVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The manager's plan (P6 7.2.3.1.2): due date and inspectors, who must be provider staff. */
@Component("applyInspectionPlan")
class ApplyInspectionPlan extends ProcessStep {

  /** Who may inspect: the provider's staff (P6 7.2.3). */
  static final List<String> INSPECTOR_GROUPS = List.of(Groups.OPS_ENGINEER, Groups.OPS_OPERATOR, Groups.OPS_MANAGER);

  private final InspectionService service;
  private final IdentityService identity;

  ApplyInspectionPlan(InspectionService service, IdentityService identity) {
    this.service = service;
    this.identity = identity;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = inspectionId(execution);
    Instant due = FormValues.moment(execution.getVariable(DUE_DATE), DUE_DATE);
    String room = inspector(text(execution, ROOM_INSPECTOR), ROOM_INSPECTOR);
    String resource = inspector(text(execution, RESOURCE_INSPECTOR), RESOURCE_INSPECTOR);
    service.applyPlan(id, due, room, resource, actor(execution));
    execution.setVariable(INSPECTION_DUE, Date.from(due));
  }

  private String inspector(String userId, String field) {
    if (userId == null) {
      return null;
    }
    boolean staff = INSPECTOR_GROUPS.stream()
        .anyMatch(g -> identity.createUserQuery().userId(userId).memberOfGroup(g).count() > 0);
    if (!staff) {
      throw ValidationException.of(field, "巡检人员须为服务方运维人员: " + userId);
    }
    return userId;
  }
}
