package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.inspection.InspectionVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.inspection.ChecklistChanges.Change;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The manager's plan (P6 7.2.3.1.2): due date and inspectors, who must be provider staff. Prepares what management
 * confirms next (P6 7.2.3.1.1, 7.2.3.2.1): the scope, the completion time, the checklist in use and the checklist
 * changes still pending.
 */
@Component("applyInspectionPlan")
class ApplyInspectionPlan extends ProcessStep {

  /** Who may inspect: the provider's staff (P6 7.2.3). */
  static final List<String> INSPECTOR_GROUPS = List.of(Groups.OPS_ENGINEER, Groups.OPS_OPERATOR, Groups.OPS_MANAGER);

  private final InspectionService service;
  private final IdentityService identity;
  private final ChecklistTemplates templates;
  private final ChecklistChanges changes;
  private final People people;

  ApplyInspectionPlan(InspectionService service, IdentityService identity, ChecklistTemplates templates,
      ChecklistChanges changes, People people) {
    this.people = people;
    this.service = service;
    this.identity = identity;
    this.templates = templates;
    this.changes = changes;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = inspectionId(execution);
    Instant due = FormValues.moment(execution.getVariable(DUE_DATE), DUE_DATE);
    String room = inspector(text(execution, ROOM_INSPECTOR), ROOM_INSPECTOR);
    String resource = inspector(text(execution, RESOURCE_INSPECTOR), RESOURCE_INSPECTOR);
    service.applyPlan(id, due, room, resource, actor(execution));
    execution.setVariable(INSPECTION_DUE, Date.from(due));
    List<Change> pending = changes.search(ChecklistChanges.PENDING);
    execution.setVariable(CHECKLIST_CHANGE_IDS,
        pending.stream().map(c -> String.valueOf(c.id())).collect(Collectors.joining(",")));
    execution.setVariable(REQUIREMENTS_DECISION, null);
    execution.setVariable(REQUIREMENTS_SUMMARY, requirements(service.get(id), due, room, resource, pending));
  }

  /** What management confirms: scope, time, people, the checklist items of the areas in scope, pending changes. */
  private String requirements(Inspection i, Instant due, String room, String resource, List<Change> pending) {
    List<InspectionService.Area> areas = service.areas(i.id());
    boolean rooms = areas.stream().anyMatch(a -> a.kind() == InspectionService.Area.Kind.ROOM);
    Set<String> categories = areas.stream().filter(a -> a.kind() == InspectionService.Area.Kind.RESOURCE)
        .map(InspectionService.Area::ref).collect(Collectors.toSet());
    Map<String, Long> items = templates.templates(false).stream()
        .filter(t -> "ROOM".equals(t.areaKind()) ? rooms : categories.contains(t.category()))
        .collect(Collectors.groupingBy(t -> ("ROOM".equals(t.areaKind()) ? "机房（附录 A.2）" : "云资源（附录 A.1）") + " "
            + t.category(), LinkedHashMap::new, Collectors.counting()));
    StringBuilder s = new StringBuilder(i.kind().label() + " " + i.inspectionNo() + "\n巡检区域：");
    s.append(areas.stream().map(InspectionService.Area::name).collect(Collectors.joining("、")));
    s.append("\n计划完成时间：").append(CityTime.minute(due));
    s.append("\n巡检人员：机房 ").append(room == null ? "—" : people.name(room)).append("，云资源 ")
        .append(resource == null ? "—" : people.name(resource));
    s.append("\n巡检项：").append(items.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " 项")
        .collect(Collectors.joining("；")));
    s.append(pending.isEmpty() ? "\n待确认的巡检项变更：无"
        : "\n待确认的巡检项变更（确认巡检要求即一并确认，本次巡检起生效）：\n"
            + pending.stream().map(Change::line).collect(Collectors.joining("\n")));
    return s.toString();
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
