package cn.gov.gz.govcloud.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.inspection.InspectionChecklists.ChecklistLine;
import cn.gov.gz.govcloud.kpi.KpiService;
import cn.gov.gz.govcloud.ledger.InventoryRow;
import cn.gov.gz.govcloud.ledger.LedgerEntry;
import cn.gov.gz.govcloud.ledger.LedgerService;
import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.ledger.Reconciliation;
import cn.gov.gz.govcloud.notification.NotificationService;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.support.ProcessTest;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the inspection process tests share: starting, planning, filling checklists, working through work orders. */
abstract class InspectionTestSupport extends ProcessTest {

  @Autowired
  InspectionService inspections;

  @Autowired
  InspectionFindings findings;

  @Autowired
  InspectionChecklists checklists;

  @Autowired
  ChecklistTemplates templates;

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

  private final List<String> started = new ArrayList<>();

  ProcessInstance start(Object... kv) {
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey("inspection", map(kv));
    started.add(pi.getId());
    return pi;
  }

  /**
   * Inspections left running (and the work orders they call, dated years ahead by the moved clock) are deleted, so
   * that the group task lists other tests open in Tasklist, newest first, start with their own tasks.
   */
  @AfterEach
  void deleteWhatIsStillRunning() {
    var runtime = processEngine.getRuntimeService();
    for (String id : started) {
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.deleteProcessInstance(id, "test clean-up");
      }
    }
    started.clear();
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

  /** The ops manager's plan, and management's confirmation of the requirements (P6 7.2.3.1.1). */
  void plan(ProcessInstance pi, String due) {
    draft(pi, due);
    confirmAs("mgmt1", pi, "requirementsDecision", "CONFIRM");
  }

  void draft(ProcessInstance pi, String due) {
    complete(task(pi, "Task_PlanInspection"), "dueDate", due, "roomInspector", "engineer1",
        "resourceInspector", "operator1");
  }

  /** Completes the requirements task as a management user (who is then recorded as having confirmed). */
  void confirmAs(String user, ProcessInstance pi, Object... kv) {
    Task t = task(pi, "Task_ConfirmRequirements");
    assertThat(t).hasCandidateGroup(Groups.MANAGEMENT);
    processEngine.getIdentityService().setAuthentication(user, List.of(Groups.MANAGEMENT));
    try {
      complete(t, kv);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  /** Runs the report step, the system's own transaction once every area is inspected (as the job executor would). */
  void writeReport(ProcessInstance pi) {
    org.camunda.bpm.engine.runtime.Job j = job(pi, "ServiceTask_WriteReport");
    assertThat(j).as("the report's job").isNotNull();
    processEngine.getManagementService().executeJob(j.getId());
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
    return text(i.reportId());
  }

  String addendumText(Inspection i) throws Exception {
    assertThat(i.addendumId()).as("the addendum").isNotNull();
    return text(i.addendumId());
  }

  private String text(long documentId) throws Exception {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(reports.content(documentId)));
        XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
      return text.getText();
    }
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

  /**
   * Runs the inspection's continuation after the last work order of a round has ended (asynchronous, as the job
   * executor would), and any other non-timer job of the inspection.
   */
  void continueAfterFollowUps(ProcessInstance pi) {
    var management = processEngine.getManagementService();
    List<org.camunda.bpm.engine.runtime.Job> jobs = management.createJobQuery().processInstanceId(pi.getId())
        .messages().list();
    assertThat(jobs).as("the inspection's continuation after its work orders").isNotEmpty();
    jobs.forEach(j -> management.executeJob(j.getId()));
  }

  /** The work orders the inspection called for its findings and that still run, oldest first. */
  List<ProcessInstance> followUps(ProcessInstance pi) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .orderByProcessInstanceId().asc().list();
  }

  /** The running work order of a finding: called by the inspection, with the finding number as business key. */
  ProcessInstance followUp(ProcessInstance pi, String findingNo) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processInstanceBusinessKey(findingNo).singleResult();
  }
}
