package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.inspection.InspectionVariables.*;

import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.inspection.InspectionService.Area;
import cn.gov.gz.govcloud.inspection.InspectionService.Scope;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Start (P6 7.2.3.1.1–2): registers the inspection and derives its plan from the checklist templates and the machine
 * rooms. {@code inspectionKind} QUARTERLY is the full inspection (once per quarter: a second start in the same quarter
 * ends at once), as inspection-schedule starts it; SPECIAL needs a scope and a reason.
 */
@Component("prepareInspection")
class PrepareInspection extends ProcessStep {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(WorkingCalendar.CHINA);

  private final InspectionService service;
  private final InspectionProperties properties;
  private final WorkingCalendar calendar;
  private final IdentityService identity;
  private final JsonVariables json;
  private final Clock clock;

  PrepareInspection(InspectionService service, InspectionProperties properties, WorkingCalendar calendar,
      IdentityService identity, JsonVariables json, Clock clock) {
    this.service = service;
    this.properties = properties;
    this.calendar = calendar;
    this.identity = identity;
    this.json = json;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String kindText = text(execution, INSPECTION_KIND);
    Inspection.Kind kind;
    try {
      kind = Inspection.Kind.valueOf(String.valueOf(kindText));
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(INSPECTION_KIND, "取值 QUARTERLY（季度全面巡检）或 SPECIAL（专项巡检）");
    }
    Scope scope = kind == Inspection.Kind.QUARTERLY ? Scope.ALL
        : new Scope(FormValues.list(execution.getVariable(SCOPE_ROOMS)),
            FormValues.list(execution.getVariable(SCOPE_UNITS)),
            FormValues.list(execution.getVariable(SCOPE_CATEGORIES)));
    String reason = text(execution, REASON);
    if (kind == Inspection.Kind.SPECIAL && reason == null) {
      throw ValidationException.of(REASON, "专项巡检须说明原因");
    }
    if (reason != null && reason.length() > 2000) {
      throw ValidationException.of(REASON, "最长 2000 字");
    }
    if (kind == Inspection.Kind.QUARTERLY && !service.anythingToInspect()) {
      // the schedule's start must not fail (a failed timer job would stop the quarterly schedule): the model ends
      // this start and tells the managers
      throw new BpmnError(NOTHING_TO_INSPECT, "没有启用的机房和云资源巡检项，本季度全面巡检无法安排");
    }
    var created = service.create(kind, scope, reason, execution.getProcessInstanceId(), actor(execution));
    execution.setVariable(ALREADY_PLANNED, created.isEmpty());
    execution.setVariable(INSPECTION_KIND, kind.name());
    if (created.isEmpty()) {
      return;
    }
    Inspection inspection = created.get();
    execution.setVariable(INSPECTION_ID, inspection.id());
    execution.setVariable(INSPECTION_NO, inspection.inspectionNo());
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(inspection.inspectionNo());
    }
    Instant now = clock.instant();
    // the plan task opens on the first working day (the quarter often begins on a holiday: 1 January, 1 October)
    Instant planAt = calendar.isWorkingTime(now) ? now : calendar.plusWorkingTime(now, Duration.ZERO);
    execution.setVariable(PLAN_AT, Date.from(planAt));
    execution.setVariable(WAIT_FOR_WORKING_DAY, kind == Inspection.Kind.QUARTERLY && planAt.isAfter(now));
    execution.setVariable(DUE_DATE, DAY.format(planAt.plus(properties.dueWithin())));
    // read by the gateway after the report: set once the manager decided on overdue findings
    execution.setVariable(OVERDUE_DECISION, null);
    List<Area> areas = service.areas(inspection.id());
    execution.setVariable(PLAN_SUMMARY, inspection.kind().label() + " " + inspection.inspectionNo()
        + (reason == null ? "" : "\n原因：" + reason)
        + (scope.units().isEmpty() ? "" : "\n台账核对范围（使用单位）：" + String.join("、", scope.units()))
        + "\n巡检区域（" + areas.size() + " 个）：" + areas.stream().map(Area::name).collect(Collectors.joining("、")));
    List<Map<String, String>> options = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String group : ApplyInspectionPlan.INSPECTOR_GROUPS) {
      for (User u : identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()) {
        if (seen.add(u.getId())) {
          options.add(Map.of("label", name(u) + "（" + u.getId() + "）", "value", u.getId()));
        }
      }
    }
    execution.setVariable("inspectorOptions", SpinValues.jsonValue(json.write(options)).create());
  }

  private static String name(User u) {
    String n = (u.getFirstName() == null ? "" : u.getFirstName()) + (u.getLastName() == null ? "" : u.getLastName());
    return n.isBlank() ? u.getId() : n;
  }
}
