package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.inspection.InspectionVariables.*;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.Privileged;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.inspection.InspectionService.Area;
import cn.gov.gz.govcloud.inspection.InspectionService.ChecklistLine;
import cn.gov.gz.govcloud.inspection.InspectionService.Finding;
import cn.gov.gz.govcloud.inspection.InspectionService.Scope;
import cn.gov.gz.govcloud.ledger.Discrepancy;
import cn.gov.gz.govcloud.ledger.Reconciliation;
import cn.gov.gz.govcloud.ledger.Reconciliation.RunSummary;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.web.ValidationException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/** The delegates of {@code inspection}, each a thin step over {@link InspectionService}. */
final class InspectionSteps {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(WorkingCalendar.CHINA);
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingCalendar.CHINA);
  /** Who may inspect: the provider's staff (P6 7.2.3). */
  static final List<String> INSPECTOR_GROUPS = List.of(Groups.OPS_ENGINEER, Groups.OPS_OPERATOR, Groups.OPS_MANAGER);

  private InspectionSteps() {}

  static long inspectionId(DelegateExecution execution) {
    return ((Number) execution.getVariable(INSPECTION_ID)).longValue();
  }

  /**
   * A moment from a form or REST: a Date, an ISO date-time with offset, a local date-time (China time) or a date
   * (meaning the end of that day, China time).
   */
  static Instant moment(Object value, String field) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant();
    }
    String s = value.toString().strip();
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).plusDays(1).atStartOfDay(WorkingCalendar.CHINA).toInstant().minusSeconds(1);
      }
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e) {
        return LocalDateTime.parse(s).atZone(WorkingCalendar.CHINA).toInstant();
      }
    } catch (DateTimeParseException e) {
      throw ValidationException.of(field, "日期格式应为 2026-12-31 或 2026-12-31T18:00+08:00: " + s);
    }
  }

  static List<String> list(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> l) {
      return l.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
    String s = value.toString().strip();
    if (s.startsWith("[")) {
      s = s.substring(1, s.length() - 1).replace("\"", "");
    }
    return Arrays.stream(s.split("[,，;；\\s]+")).map(String::strip).filter(x -> !x.isEmpty()).distinct().toList();
  }

  /**
   * Start (P6 7.2.3.1.1–2): registers the inspection and derives its plan from the checklist templates and the machine
   * rooms. {@code inspectionKind} QUARTERLY is the full inspection (once per quarter: a second start in the same quarter
   * ends at once), as inspection-schedule starts it; SPECIAL needs a scope and a reason.
   */
  @Component("prepareInspection")
  static class Prepare extends ProcessStep {
    private final InspectionService service;
    private final InspectionProperties properties;
    private final WorkingCalendar calendar;
    private final IdentityService identity;
    private final JsonVariables json;
    private final Clock clock;

    Prepare(InspectionService service, InspectionProperties properties, WorkingCalendar calendar,
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
      Scope scope = kind == Inspection.Kind.QUARTERLY ? Scope.ALL : new Scope(list(execution.getVariable(SCOPE_ROOMS)),
          list(execution.getVariable(SCOPE_UNITS)), list(execution.getVariable(SCOPE_CATEGORIES)));
      String reason = text(execution, REASON);
      if (kind == Inspection.Kind.SPECIAL && reason == null) {
        throw ValidationException.of(REASON, "专项巡检须说明原因");
      }
      if (reason != null && reason.length() > 2000) {
        throw ValidationException.of(REASON, "最长 2000 字");
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
      Instant planAt = calendar.isWorkingTime(now) ? now : calendar.plusWorkingTime(now, java.time.Duration.ZERO);
      execution.setVariable(PLAN_AT, Date.from(planAt));
      execution.setVariable(WAIT_FOR_WORKING_DAY, kind == Inspection.Kind.QUARTERLY && planAt.isAfter(now));
      execution.setVariable(DUE_DATE, DAY.format(planAt.plus(properties.dueWithin())));
      execution.setVariable(FOLLOW_UP_POLL, properties.followUpPoll().toString());
      List<Area> areas = service.areas(inspection.id());
      execution.setVariable(PLAN_SUMMARY, inspection.kind().label() + " " + inspection.inspectionNo()
          + (reason == null ? "" : "\n原因：" + reason)
          + (scope.units().isEmpty() ? "" : "\n台账核对范围（使用单位）：" + String.join("、", scope.units()))
          + "\n巡检区域（" + areas.size() + " 个）：" + areas.stream().map(Area::name).collect(Collectors.joining("、")));
      List<Map<String, String>> options = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (String group : INSPECTOR_GROUPS) {
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

  /** The manager's plan (P6 7.2.3.1.2): due date and inspectors, who must be provider staff. */
  @Component("applyInspectionPlan")
  static class ApplyPlan extends ProcessStep {
    private final InspectionService service;
    private final IdentityService identity;

    ApplyPlan(InspectionService service, IdentityService identity) {
      this.service = service;
      this.identity = identity;
    }

    @Override
    protected void run(DelegateExecution execution) {
      long id = inspectionId(execution);
      Instant due = moment(execution.getVariable(DUE_DATE), DUE_DATE);
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

  /**
   * The ledger check of P3 A.1 items 3 and 8 (P6 7.2.3.1.3): reconciles order, ledger and what runs; each kind of
   * difference per unit becomes one finding. With no inventory imported yet the items are marked "not checked".
   */
  @Component("inspectionLedgerCheck")
  static class LedgerCheck extends ProcessStep {
    private final InspectionService service;
    private final Reconciliation reconciliation;

    LedgerCheck(InspectionService service, Reconciliation reconciliation) {
      this.service = service;
      this.reconciliation = reconciliation;
    }

    @Override
    protected void run(DelegateExecution execution) {
      long id = inspectionId(execution);
      Inspection inspection = service.get(id);
      if (!service.hasLedgerItems(id)) {
        return; // no area of this inspection has a ledger-checked item (e.g. rooms or storage only)
      }
      if (!reconciliation.hasInventory()) {
        service.recordLedgerCheck(id, null, Map.of());
        return;
      }
      RunSummary run = reconciliation.reconcileLatest("inspection:" + inspection.inspectionNo());
      Caller system = new Caller("system", List.of(Groups.OPS_MANAGER));
      Map<List<String>, List<String>> groups = new LinkedHashMap<>();
      for (Discrepancy d : reconciliation.discrepancies(run.runId(), null, system, Integer.MAX_VALUE)) {
        if (!inspection.scope().units().isEmpty() && !inspection.scope().units().contains(d.unitCode())) {
          continue;
        }
        List<String> key = Arrays.asList(label(d.kind()), d.unitCode());
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add("资源 " + d.resourceId() + "："
            + (d.description() == null ? d.field() + " 台账 " + d.ledgerValue() + " / 实际 " + d.actualValue()
                : d.description()));
      }
      service.recordLedgerCheck(id, run.runId(), groups);
    }

    static String label(Discrepancy.Kind kind) {
      return switch (kind) {
        case NOT_IN_LEDGER -> "实际运行但未登记台账";
        case NOT_RUNNING -> "台账在用但未运行";
        case SPEC_MISMATCH -> "规格与台账不一致";
        case BRAND_MODEL_MISMATCH -> "品牌型号与台账不一致";
        case LOCATION_MISMATCH -> "位置或地址与台账不一致";
        case OWNER_MISMATCH -> "归属单位与台账不一致";
        case QUANTITY_MISMATCH -> "数量与订单不一致";
      };
    }
  }

  /** Opens one area: who inspects it, its checklist from the templates as they are now (P6 7.2.3.1.3, 7.2.3.2.4). */
  @Component("loadInspectionArea")
  static class LoadArea extends ProcessStep {
    private final InspectionService service;
    private final InspectionProperties properties;
    private final JsonVariables json;

    LoadArea(InspectionService service, InspectionProperties properties, JsonVariables json) {
      this.service = service;
      this.properties = properties;
      this.json = json;
    }

    @Override
    protected void run(DelegateExecution execution) {
      Area area = service.area(((Number) execution.getVariable(AREA_ID)).longValue());
      execution.setVariableLocal(AREA_KIND, area.kind().name());
      execution.setVariableLocal(AREA_NAME, area.name());
      execution.setVariableLocal(INSPECTOR, area.inspector());
      execution.setVariableLocal("accessGroup", properties.accessGroup());
      execution.setVariableLocal(CHECKLIST, SpinValues.jsonValue(json.write(service.checklist(area.id()))).create());
      // task forms write these; kept local so parallel areas do not overwrite each other's answers
      for (String name : List.of(ACCESS_AT, ACCESS_NOTE, ACCESS_DECISION, ACCESS_COMMENT)) {
        execution.setVariableLocal(name, null);
      }
    }
  }

  /** Machine-room access request filed in advance (P6 7.2.3.2.3). */
  @Component("recordAccessRequest")
  static class RecordAccessRequest extends ProcessStep {
    private final InspectionService service;

    RecordAccessRequest(InspectionService service) {
      this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
      service.requestAccess(((Number) execution.getVariable(AREA_ID)).longValue(),
          moment(execution.getVariable(ACCESS_AT), ACCESS_AT), text(execution, ACCESS_NOTE), actor(execution));
      execution.setVariable(ACCESS_DECISION, null);
      execution.setVariable(ACCESS_COMMENT, null);
    }
  }

  /** The room's decision on the access request; a refusal goes back to the inspector with the reason. */
  @Component("recordAccessDecision")
  static class RecordAccessDecision extends ProcessStep {
    private final InspectionService service;

    RecordAccessDecision(InspectionService service) {
      this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
      String decision = text(execution, ACCESS_DECISION);
      if (!"APPROVE".equals(decision) && !"DENY".equals(decision)) {
        throw ValidationException.of(ACCESS_DECISION, "请选择同意（APPROVE）或不同意（DENY）");
      }
      service.decideAccess(((Number) execution.getVariable(AREA_ID)).longValue(), "APPROVE".equals(decision),
          text(execution, ACCESS_COMMENT), actor(execution));
    }
  }

  /** Records the filled checklist (P6 7.2.3.1.5, 7.2.3.2.6); abnormal items become findings (7.2.3.1.4). */
  @Component("recordInspectionChecklist")
  static class RecordChecklist extends ProcessStep {
    private final InspectionService service;
    private final JsonVariables json;

    RecordChecklist(InspectionService service, JsonVariables json) {
      this.service = service;
      this.json = json;
    }

    @Override
    protected void run(DelegateExecution execution) {
      List<ChecklistLine> lines = json.read(execution, CHECKLIST, new TypeReference<List<ChecklistLine>>() {});
      service.recordChecklist(((Number) execution.getVariable(AREA_ID)).longValue(), lines, actor(execution));
    }
  }

  /**
   * Hands every open finding to a work order (P6 7.2.3.1.4, 7.2.3.2.5), started through the engine with the finding
   * number as business key, so Cockpit shows which case follows which finding. A severe finding is a high-priority
   * order; the service desk turns it into an emergency from the work order when a business system is hit.
   */
  @Component("startFindingFollowUps")
  static class StartFollowUps extends ProcessStep {
    static final String WORK_ORDER = "work-order";
    private final InspectionService service;
    private final Privileged privileged;

    StartFollowUps(InspectionService service, Privileged privileged) {
      this.service = service;
      this.privileged = privileged;
    }

    @Override
    protected void run(DelegateExecution execution) {
      long id = inspectionId(execution);
      RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
      long open = 0;
      for (Finding f : service.findings(id)) {
        if ("OPEN".equals(f.status()) && f.caseInstanceId() == null) {
          Map<String, Object> variables = new HashMap<>();
          variables.put("unitCode", f.unitCode());
          variables.put("type", "FINDING");
          variables.put("priority", "SEVERE".equals(f.severity()) ? "HIGH" : "MEDIUM");
          variables.put("channel", "INSPECTION");
          variables.put("sourceRef", f.findingNo());
          variables.put("title", "巡检问题 " + f.findingNo() + "：" + f.title());
          variables.put("description", f.description());
          String pid = privileged.run(() -> runtime.startProcessInstanceByKey(WORK_ORDER, f.findingNo(), variables)
              .getId());
          service.followedUpBy(f.id(), WORK_ORDER, pid);
        }
        if ("OPEN".equals(f.status()) || "FOLLOWING".equals(f.status())) {
          open++;
        }
      }
      service.status(id, Inspection.Status.FOLLOW_UP);
      execution.setVariable(OPEN_FINDINGS, open);
    }
  }

  /**
   * Looks at the work orders following up the findings: an order that ended closes its finding; one that was
   * cancelled leaves the finding open for a new order. Sets {@code overdue} once the due date has passed.
   */
  @Component("refreshInspectionFindings")
  static class RefreshFindings extends ProcessStep {
    private final InspectionService service;
    private final Clock clock;

    RefreshFindings(InspectionService service, Clock clock) {
      this.service = service;
      this.clock = clock;
    }

    @Override
    protected void run(DelegateExecution execution) {
      long id = inspectionId(execution);
      var history = execution.getProcessEngineServices().getHistoryService();
      long open = 0;
      List<String> lines = new ArrayList<>();
      for (Finding f : service.findings(id)) {
        if ("FOLLOWING".equals(f.status())) {
          HistoricProcessInstance p = history.createHistoricProcessInstanceQuery()
              .processInstanceId(f.caseInstanceId()).singleResult();
          if (p != null && p.getEndTime() != null) {
            HistoricVariableInstance no = history.createHistoricVariableInstanceQuery()
                .processInstanceId(p.getId()).variableName("workOrderNo").singleResult();
            String order = no == null ? p.getBusinessKey() : String.valueOf(no.getValue());
            if (HistoricProcessInstance.STATE_COMPLETED.equals(p.getState())) {
              service.closeFinding(f.id(), "工单 " + order + " 已于 " + TIME.format(p.getEndTime().toInstant()) + " 办结");
              continue;
            }
            service.reopen(f.id());
          }
        }
        if ("OPEN".equals(f.status()) || "FOLLOWING".equals(f.status())) {
          open++;
          String[] said = f.description().split("\n");
          lines.add(f.findingNo() + " " + f.title() + "（" + said[said.length - 1] + "）");
        }
      }
      Inspection inspection = service.get(id);
      execution.setVariable(OPEN_FINDINGS, open);
      execution.setVariable(FINDINGS_SUMMARY, "计划完成时间 " + TIME.format(inspection.dueAt()) + "，尚有 " + open
          + " 项问题未关闭：\n" + String.join("\n", lines));
      execution.setVariable(OVERDUE, open > 0 && clock.instant().isAfter(inspection.dueAt()));
    }
  }

  /** The manager's answer to an overdue inspection: carry the open findings over, or set a new due date. */
  @Component("applyOverdueDecision")
  static class ApplyOverdueDecision extends ProcessStep {
    private final InspectionService service;

    ApplyOverdueDecision(InspectionService service) {
      this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
      long id = inspectionId(execution);
      String decision = text(execution, OVERDUE_DECISION);
      String comment = text(execution, OVERDUE_COMMENT);
      if (comment == null) {
        throw ValidationException.of(OVERDUE_COMMENT, "请说明处理意见");
      }
      service.escalated(id);
      if ("CARRY_OVER".equals(decision)) {
        service.carryOver(id, comment, actor(execution));
      } else if ("EXTEND".equals(decision)) {
        Instant due = moment(execution.getVariable(NEW_DUE_DATE), NEW_DUE_DATE);
        service.extendDue(id, due);
        execution.setVariable(INSPECTION_DUE, Date.from(due));
      } else {
        throw ValidationException.of(OVERDUE_DECISION, "请选择结转（CARRY_OVER）或延期（EXTEND）");
      }
    }
  }

  /** An inspection not done by its due date (P3 5.1.3.2): the ops managers are told, and the KPI shows it. */
  @Component("escalateInspection")
  static class Escalate extends ProcessStep {
    private final InspectionService service;
    private final CaseNotifier notifier;

    Escalate(InspectionService service, CaseNotifier notifier) {
      this.service = service;
      this.notifier = notifier;
    }

    @Override
    protected void run(DelegateExecution execution) {
      long id = inspectionId(execution);
      Inspection inspection = service.get(id);
      service.escalated(id);
      List<String> pending = service.areas(id).stream().filter(a -> a.status() != Area.Status.DONE)
          .map(a -> a.name() + "（" + (a.inspector() == null ? "未指定" : a.inspector()) + "）").toList();
      notifier.toGroups(List.of(Groups.OPS_MANAGER), "inspection-overdue", inspection.inspectionNo(),
          "巡检 " + inspection.inspectionNo(), "巡检逾期未完成",
          "巡检已超过计划完成时间 " + TIME.format(inspection.dueAt()) + "，请督促完成。",
          "未完成区域：" + String.join("、", pending));
    }
  }
}
