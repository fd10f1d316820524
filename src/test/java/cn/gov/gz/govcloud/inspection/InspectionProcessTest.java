package cn.gov.gz.govcloud.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.inspection.InspectionService.ChecklistLine;
import cn.gov.gz.govcloud.inspection.InspectionService.Finding;
import cn.gov.gz.govcloud.kpi.KpiService;
import cn.gov.gz.govcloud.ledger.InventoryRow;
import cn.gov.gz.govcloud.ledger.LedgerEntry;
import cn.gov.gz.govcloud.ledger.LedgerService;
import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.ledger.Reconciliation;
import cn.gov.gz.govcloud.notification.NotificationService;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.ProcessTest;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of processes/inspection.bpmn, with time moved by the engine clock, and the inspection REST API. */
class InspectionProcessTest extends ProcessTest {

  @Autowired
  InspectionService inspections;

  @Autowired
  ReportArchive reports;

  @Autowired
  NotificationService notifications;

  @Autowired
  Reconciliation reconciliation;

  @Autowired
  KpiService kpis;

  @Autowired
  LedgerService ledger;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ObjectMapper json;

  ProcessInstance start(Object... kv) {
    return processEngine.getRuntimeService().startProcessInstanceByKey("inspection", map(kv));
  }

  Inspection inspection(ProcessInstance pi) {
    return inspections.findByProcessInstance(pi.getId()).orElseThrow();
  }

  List<Task> tasks(ProcessInstance pi, String key) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .orderByTaskId().asc().list();
  }

  Task task(ProcessInstance pi, String key) {
    List<Task> list = tasks(pi, key);
    assertThat(list).as(key).hasSize(1);
    return list.get(0);
  }

  void complete(Task t, Object... kv) {
    processEngine.getTaskService().complete(t.getId(), map(kv));
  }

  void plan(ProcessInstance pi, String due) {
    complete(task(pi, "Task_PlanInspection"), "dueDate", due, "roomInspector", "engineer1",
        "resourceInspector", "operator1");
  }

  /** The checklist of a task as the form shows it, every item answered normal except those given. */
  List<Map<String, Object>> filled(Task t, Map<String, String[]> abnormal) throws Exception {
    Object raw = processEngine.getTaskService().getVariable(t.getId(), "checklist");
    List<ChecklistLine> lines = json.readValue(raw.toString(), new TypeReference<List<ChecklistLine>>() {});
    List<Map<String, Object>> out = new ArrayList<>();
    for (ChecklistLine l : lines) {
      String[] bad = abnormal.get(l.item());
      out.add(map("itemId", l.itemId(), "category", l.category(), "item", l.item(), "content", l.content(),
          "automatic", l.automatic(), "result", l.automatic() ? l.result() : bad == null ? "NORMAL" : "ABNORMAL",
          "severity", bad == null ? null : bad[0], "remark", l.automatic() ? l.remark() : bad == null ? null : bad[1]));
    }
    return out;
  }

  void submitChecklist(Task t, Map<String, String[]> abnormal) throws Exception {
    complete(t, "checklist", SpinValues.jsonValue(json.writeValueAsString(filled(t, abnormal))).create());
  }

  void grantAccess(ProcessInstance pi) {
    for (Task t : tasks(pi, "Task_RequestRoomAccess")) {
      complete(t, "accessAt", "2031-01-02T10:00+08:00", "accessNote", "赵工（服务方），季度巡检");
    }
    for (Task t : tasks(pi, "Task_ApproveRoomAccess")) {
      complete(t, "accessDecision", "APPROVE");
    }
  }

  /** A snapshot of what runs that agrees with the ledger, so the ledger check finds nothing. */
  void importConsistentInventory() {
    if (!ledger.exists("INSP-VM-001")) {
      ledger.add(List.of(new LedgerEntry("INSP-VM-001", "JTJ", "JTJ-OA", null, null, ResourceType.VM, 4, 8,
          new java.math.BigDecimal("0.5"), "Linux", null, null, "GZ-DC1", "10.1.0.17")), "test");
    }
    List<InventoryRow> rows = jdbc.sql("SELECT resource_id, unit_code, type, vcpu, memory_gb, disk_tb, brand, model, "
            + "location, ip, state FROM ledger_resource WHERE state <> 'RELEASED'")
        .query((rs, i) -> new InventoryRow(rs.getString(1), rs.getString(2), rs.getString(3),
            (Integer) rs.getObject(4, Integer.class), (Integer) rs.getObject(5, Integer.class), rs.getBigDecimal(6),
            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
            "ACTIVE".equals(rs.getString(11)) ? "RUNNING" : "STOPPED", null, null)).list();
    reconciliation.importAndReconcile(rows, "test", new Caller("admin", List.of(Groups.ADMIN)));
  }

  String reportText(Inspection i) throws Exception {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(reports.content(i.reportId())));
        XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
      return text.getText();
    }
  }

  @Clause("P3 5.1.3.2")
  @Test
  void theQuarterlyTimerStartsOneInspectionPerQuarterOnTheFirstWorkingDay() {
    Job startTimer = processEngine.getManagementService().createJobQuery().processDefinitionKey("inspection-schedule")
        .timers().singleResult();
    // the schedule is a cron in Beijing time whatever the server's zone (the suite runs in UTC); 2033-01-01 is a
    // Saturday
    setClock(china("2033-01-01T09:00:01"));
    long before = processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("inspection")
        .count();
    processEngine.getManagementService().executeJob(startTimer.getId());

    List<ProcessInstance> started = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("inspection").orderByProcessInstanceId().desc().list();
    assertThat(started).hasSize((int) before + 1);
    ProcessInstance pi = started.stream().filter(p -> "2033Q1".equals(inspection(p).quarterKey())).findFirst()
        .orElseThrow();
    assertThat(pi).isWaitingAt("Timer_FirstWorkingDay");
    Job wait = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(wait.getDuedate().toInstant()).isEqualTo(china("2033-01-03T08:30:00"));
    Job next = processEngine.getManagementService().createJobQuery().processDefinitionKey("inspection-schedule")
        .timers().singleResult();
    assertThat(next.getDuedate().toInstant()).as("09:00 Beijing time, not 09:00 of the server's zone")
        .isEqualTo(china("2033-04-01T09:00:00"));

    // a second full inspection in the same quarter is not created
    ProcessInstance again = start("inspectionKind", "QUARTERLY");
    assertThat(again).isEnded().hasPassed("EndEvent_AlreadyPlanned");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM inspection WHERE quarter_key = '2033Q1'").query(Long.class).single())
        .isEqualTo(1);

    fire(pi, "Timer_FirstWorkingDay");
    assertThat(pi).isWaitingAt("Task_PlanInspection");
    assertThat(task(pi, "Task_PlanInspection")).hasCandidateGroup("ops-manager");
    ProcessInstance schedule = processEngine.getRuntimeService().createProcessInstanceQuery()
        .subProcessInstanceId(pi.getId()).singleResult();
    assertThat(schedule).isWaitingAt("CallActivity_Inspection");
    processEngine.getRuntimeService().deleteProcessInstance(schedule.getId(), "test finished");
    assertThat(pi).isEnded();
  }

  @Clause("P6 7.2.3.1.2")
  @Clause("P6 7.2.3.1.3")
  @Clause("P6 7.2.3.1.5")
  @Clause("P6 7.2.3.2.4")
  @Clause("P6 7.2.3.2.6")
  @Clause("P6 7.2.3.1.6")
  @Clause("P6 7.2.3.2.7")
  @Clause("P3 附录 A.1 第 1–11 项")
  @Clause("P3 附录 A.2 第 1–14 项")
  @Clause("P3 5.1.3.4")
  @Clause("P3 7.3.2")
  @Clause("P3 附录 D.1 第 11 项")
  @Clause("GB 8.4.2 c 5")
  @Test
  void aFullInspectionWithoutFindingsGoesStraightToTheReport() throws Exception {
    setClock(china("2031-01-02T09:00:00"));
    importConsistentInventory();
    ProcessInstance pi = start("inspectionKind", "QUARTERLY");
    assertThat(pi).isWaitingAt("Task_PlanInspection");
    assertThat(inspection(pi).quarterKey()).isEqualTo("2031Q1");

    // inspectors must be provider staff
    assertThatThrownBy(() -> complete(task(pi, "Task_PlanInspection"), "dueDate", "2031-01-31",
        "roomInspector", "jtj1", "resourceInspector", "operator1"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("roomInspector");
    plan(pi, "2031-01-31");
    assertThat(inspection(pi).dueAt()).isEqualTo(china("2031-02-01T00:00:00").minusSeconds(1));

    List<Task> requests = tasks(pi, "Task_RequestRoomAccess");
    assertThat(requests).hasSize(2).allSatisfy(t -> assertThat(t.getAssignee()).isEqualTo("engineer1"));
    List<Task> resources = tasks(pi, "Task_ResourceChecklist");
    assertThat(resources).hasSize(inspections.categories().size())
        .allSatisfy(t -> assertThat(t.getAssignee()).isEqualTo("operator1"));
    grantAccess(pi);
    for (Task t : tasks(pi, "Task_RoomChecklist")) {
      submitChecklist(t, Map.of());
    }
    for (Task t : resources) {
      submitChecklist(t, Map.of());
    }

    assertThat(pi).isEnded().hasPassed("ServiceTask_WriteReport").hasNotPassed("Timer_FollowUpPoll",
        "ServiceTask_EscalateOverdue");
    Inspection done = inspection(pi);
    assertThat(done.status()).isEqualTo(Inspection.Status.COMPLETED);
    assertThat(inspections.findings(done.id())).isEmpty();
    assertThat(inspections.results(done.id())).hasSize(14 * 2 + 11)
        .allSatisfy(r -> assertThat(r.result()).isEqualTo("NORMAL"));
    assertThat(reportText(done)).contains("巡检报告", done.inspectionNo(), "本次巡检未发现问题", "6 / 6");
    assertThat(notifications.search("mgmt1", null, done.inspectionNo(), 10)).isNotEmpty();
    assertThat(kpis.compute(LocalDate.of(2031, 3, 1), LocalDate.of(2031, 3, 31)).efficiency()
        .inspectionCompletionRate()).isEqualTo(1.0);
    assertThat(kpis.compute(LocalDate.of(2031, 6, 1), LocalDate.of(2031, 6, 30)).efficiency()
        .inspectionCompletionRate()).as("no full inspection in 2031Q2").isEqualTo(0.0);
  }

  @Clause("P6 7.2.3.2.3")
  @Clause("P6 7.2.3.2.5")
  @Clause("P3 5.1.3.5")
  @Clause("P6 7.2.3.2.7")
  @Test
  void findingsBecomeWorkOrdersAndCloseWithThemAfterARefusedRoomAccess() throws Exception {
    setClock(china("2031-05-06T10:00:00"));
    ProcessInstance pi = start("inspectionKind", "SPECIAL", "scopeRooms", "GZ-DC1", "reason", "UPS 告警后专项检查");
    assertThat(inspections.areas(inspection(pi).id())).singleElement()
        .satisfies(a -> assertThat(a.ref()).isEqualTo("GZ-DC1"));
    plan(pi, "2031-05-20");

    complete(task(pi, "Task_RequestRoomAccess"), "accessAt", "2031-05-07T09:00+08:00", "accessNote", "赵工，专项巡检");
    Task approve = task(pi, "Task_ApproveRoomAccess");
    assertThat(approve).hasCandidateGroup("ops-manager");
    assertThatThrownBy(() -> complete(approve, "accessDecision", "DENY"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("accessComment");
    complete(approve, "accessDecision", "DENY", "accessComment", "当日机房割接，请改期");
    Task again = task(pi, "Task_RequestRoomAccess");
    assertThat(processEngine.getTaskService().getVariable(again.getId(), "accessComment"))
        .isEqualTo("当日机房割接，请改期");
    assertThat(pi).hasNotPassed("Task_RoomChecklist");
    complete(again, "accessAt", "2031-05-08T09:00+08:00", "accessNote", "赵工，专项巡检（改期）");
    complete(task(pi, "Task_ApproveRoomAccess"), "accessDecision", "APPROVE");

    Task checklist = task(pi, "Task_RoomChecklist");
    assertThat(checklist.getDueDate().toInstant()).isEqualTo(inspection(pi).dueAt());
    // an abnormal item needs a remark; nothing is stored when the form is refused
    List<Map<String, Object>> noRemark = filled(checklist, Map.of("不间断电源（UPS）", new String[] {"SEVERE", null}));
    assertThatThrownBy(() -> complete(checklist, "checklist",
        SpinValues.jsonValue(json.writeValueAsString(noRemark)).create()))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("异常项须说明情况");
    assertThat(inspections.results(inspection(pi).id())).isEmpty();
    submitChecklist(checklist, Map.of("不间断电源（UPS）", new String[] {"SEVERE", "UPS 2 号机组电池告警"},
        "照明", new String[] {"GENERAL", "3 排灯管损坏"}));

    assertThat(pi).isWaitingAt("Timer_FollowUpPoll");
    List<Finding> findings = inspections.findings(inspection(pi).id());
    assertThat(findings).hasSize(2).allSatisfy(f -> assertThat(f.status()).isEqualTo("FOLLOWING"));
    Finding ups = findings.stream().filter(f -> f.title().contains("UPS")).findFirst().orElseThrow();
    ProcessInstance order = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(ups.caseInstanceId()).singleResult();
    assertThat(order.getProcessDefinitionId()).startsWith("work-order:");
    assertThat(order.getBusinessKey()).isEqualTo(ups.findingNo());
    assertThat(processEngine.getRuntimeService().getVariable(order.getId(), "priority")).isEqualTo("HIGH");

    // one order is done, the other cancelled: the first finding closes, the second gets a new order
    Finding light = findings.stream().filter(f -> f.title().contains("照明")).findFirst().orElseThrow();
    processEngine.getRuntimeService().deleteProcessInstance(light.caseInstanceId(), "误建");
    workThrough(order);
    fire(pi, "Timer_FollowUpPoll");
    assertThat(pi).isWaitingAt("Timer_FollowUpPoll");
    findings = inspections.findings(inspection(pi).id());
    assertThat(findings).filteredOn(f -> f.id() == ups.id()).singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo("CLOSED"));
    Finding relit = findings.stream().filter(f -> f.id() == light.id()).findFirst().orElseThrow();
    assertThat(relit.status()).isEqualTo("FOLLOWING");
    assertThat(relit.caseInstanceId()).isNotEqualTo(light.caseInstanceId());

    workThrough(processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(relit.caseInstanceId()).singleResult());
    fire(pi, "Timer_FollowUpPoll");
    assertThat(pi).isEnded().hasNotPassed("Task_ReviewOverdueFindings");
    Inspection done = inspection(pi);
    String report = reportText(done);
    assertThat(report).contains(ups.findingNo(), "UPS 2 号机组电池告警", "严重", "已关闭", "专项巡检",
        "UPS 告警后专项检查");
  }

  /** Takes a work order from dispatch to its survey, as the service desk and the engineers would. */
  void workThrough(ProcessInstance order) {
    var tasks = processEngine.getTaskService();
    String[][] steps = {
        {"Task_ClassifyWorkOrder"},
        {"Task_DispatchWorkOrder", "handlerGroup", "ops-engineer", "dispatchNote", "请处理"},
        {"Task_HandleWorkOrder", "progressNote", "已处理", "handlingOutcome", "RESOLVED"},
        {"Task_ConfirmResolution", "resolutionDecision", "CONFIRMED"}};
    for (String[] step : steps) {
      Task t = tasks.createTaskQuery().processInstanceId(order.getId()).taskDefinitionKey(step[0]).singleResult();
      assertThat(t).as(step[0]).isNotNull();
      tasks.complete(t.getId(), map((Object[]) java.util.Arrays.copyOfRange(step, 1, step.length)));
    }
    Task survey = tasks.createTaskQuery().processInstanceId(order.getId()).taskDefinitionKey("Task_AnswerSurvey")
        .singleResult();
    tasks.complete(survey.getId(), map("satisfactionScore", 5L));
    assertThat(order).isEnded();
  }

  @Clause("P6 7.2.3.1.1")
  @Clause("P6 7.2.3.1.4")
  @Clause("P6 7.2.3.1.6")
  @Test
  void anOverdueInspectionIsEscalatedAndItsOpenFindingsCarriedOver() throws Exception {
    setClock(china("2031-08-04T10:00:00"));
    ProcessInstance pi = start("inspectionKind", "SPECIAL", "scopeCategories", "虚拟机", "reason", "集群升级后检查");
    plan(pi, "2031-08-08");
    Task checklist = task(pi, "Task_ResourceChecklist");

    fire(pi, "Timer_InspectionDue");
    Inspection late = inspection(pi);
    assertThat(late.escalatedAt()).isNotNull();
    assertThat(notifications.search("manager1", null, late.inspectionNo(), 10))
        .anyMatch(n -> n.subject().contains("巡检逾期"));
    assertThat(pi).isWaitingAt("Task_ResourceChecklist"); // the inspector is still asked to finish

    submitChecklist(checklist, Map.of("告警信息", new String[] {"GENERAL", "vm-17 磁盘只读告警"}));
    fire(pi, "Timer_FollowUpPoll");
    Task review = task(pi, "Task_ReviewOverdueFindings");
    assertThat(processEngine.getTaskService().getVariable(review.getId(), "findingsSummary").toString())
        .contains("尚有 1 项问题未关闭", "vm-17");
    complete(review, "overdueDecision", "EXTEND", "newDueDate", "2031-08-20", "overdueComment", "等待厂商补丁");
    assertThat(inspection(pi).dueAt()).isEqualTo(china("2031-08-21T00:00:00").minusSeconds(1));
    assertThat(pi).isWaitingAt("Timer_FollowUpPoll");

    setClock(china("2031-08-22T10:00:00"));
    fire(pi, "Timer_FollowUpPoll");
    complete(task(pi, "Task_ReviewOverdueFindings"), "overdueDecision", "CARRY_OVER", "overdueComment",
        "厂商补丁延期，列入下季度巡检");
    assertThat(pi).isEnded();
    Inspection done = inspection(pi);
    assertThat(inspections.findings(done.id())).singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo("CARRIED_OVER"));
    assertThat(reportText(done)).contains("已结转", "逾期", "结转下次巡检跟进 1 项");
  }

  @Clause("P6 7.2.3.2.1")
  @Clause("P6 7.2.3.2.2")
  @Clause("P3 5.1.3.1")
  @Test
  void checklistTemplatesAndRoomsAreDataTheOwnerEdits() throws Exception {
    assertThat(get("jtj1", "/api/inspections").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("supervisor1", "/api/inspections").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("supervisor1", "/api/inspections?status=NOPE").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    Map<String, Object> item = map("areaKind", "ROOM", "category", "机房环境", "item", "防鼠设施",
        "content", "检查挡鼠板是否完好", "clause", "本地补充");
    assertThat(post("engineer1", "/api/inspections/checklist-items", item).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    var bad = post("manager1", "/api/inspections/checklist-items", map("areaKind", "ROOF", "item", ""));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("areaKind", "category", "item", "content", "clause");
    var added = post("manager1", "/api/inspections/checklist-items", item);
    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.OK);
    long id = json.readTree(added.getBody()).get("id").asLong();
    assertThat(put("manager1", "/api/inspections/rooms/bad code!", map("name", "x")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(put("manager1", "/api/inspections/rooms/GZ-DC9", map("name", "临时机房", "location", "番禺"))
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    try {
      setClock(china("2031-11-03T10:00:00"));
      ProcessInstance pi = start("inspectionKind", "SPECIAL", "scopeRooms", "GZ-DC9", "reason", "新机房验收巡检");
      plan(pi, "2031-11-20");
      grantAccess(pi);
      Task checklist = task(pi, "Task_RoomChecklist");
      assertThat(filled(checklist, Map.of())).extracting(m -> m.get("item")).contains("防鼠设施").hasSize(15);
      processEngine.getRuntimeService().deleteProcessInstance(pi.getId(), "test finished");
      // an unknown room in the scope is refused, naming it
      assertThatThrownBy(() -> start("inspectionKind", "SPECIAL", "scopeRooms", "NOWHERE", "reason", "x"))
          .hasMessageContaining("NOWHERE");
    } finally {
      put("manager1", "/api/inspections/checklist-items/" + id, map("areaKind", "ROOM", "category", "机房环境",
          "item", "防鼠设施", "content", "检查挡鼠板是否完好", "clause", "本地补充", "active", false));
      put("manager1", "/api/inspections/rooms/GZ-DC9", map("name", "临时机房", "active", false));
    }
  }
}
