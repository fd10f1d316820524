package cn.gov.gz.govcloud.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * processes/inspection.bpmn up to the report when nothing is found: the quarterly schedule, planning, room access and
 * checklists, with time moved by the engine clock; and the inspection REST API for templates and rooms. Findings and
 * their work orders: {@link InspectionFollowUpTest}.
 */
class InspectionProcessTest extends InspectionTestSupport {

  @Clause("P3 5.1.3.2")
  @Test
  void theQuarterlyTimerStartsOneInspectionPerQuarterOnTheFirstWorkingDay() {
    Job startTimer = processEngine.getManagementService().createJobQuery().processDefinitionKey("inspection-schedule")
        .activityId("StartEvent_Quarterly").timers().singleResult();
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
        .activityId("StartEvent_Quarterly").timers().singleResult();
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
    assertThat(resources).hasSize(templates.categories().size())
        .allSatisfy(t -> assertThat(t.getAssignee()).isEqualTo("operator1"));
    grantAccess(pi);
    for (Task t : tasks(pi, "Task_RoomChecklist")) {
      submitChecklist(t, Map.of());
    }
    for (Task t : resources) {
      submitChecklist(t, Map.of());
    }

    // nothing to follow up: the follow-up branch has ended, the report is the system's next step
    assertThat(pi).hasPassed("EndEvent_NoFindings").isWaitingAt("ServiceTask_WriteReport");
    writeReport(pi);
    assertThat(pi).isEnded().hasPassed("ServiceTask_WriteReport", "EndEvent_Reported")
        .hasNotPassed("CallActivity_FindingFollowUp", "ServiceTask_EscalateOverdue", "ServiceTask_WriteAddendum");
    Inspection done = inspection(pi);
    assertThat(done.addendumId()).as("no findings, no addendum").isNull();
    assertThat(done.requirementsBy()).isEqualTo("mgmt1");
    assertThat(done.status()).isEqualTo(Inspection.Status.COMPLETED);
    assertThat(findings.findings(done.id())).isEmpty();
    assertThat(checklists.results(done.id())).hasSize(14 * 2 + 11)
        .allSatisfy(r -> assertThat(r.result()).isEqualTo("NORMAL"));
    assertThat(reportText(done)).contains("巡检报告", done.inspectionNo(), "本次巡检未发现问题", "6 / 6", "巡检完成，未发现问题",
        "巡检要求确认");
    assertThat(notifications.search("mgmt1", null, done.inspectionNo(), 10)).isNotEmpty();
    assertThat(kpis.compute(LocalDate.of(2031, 3, 1), LocalDate.of(2031, 3, 31)).efficiency()
        .inspectionCompletionRate()).isEqualTo(1.0);
    assertThat(kpis.compute(LocalDate.of(2031, 6, 1), LocalDate.of(2031, 6, 30)).efficiency()
        .inspectionCompletionRate()).as("no full inspection in 2031Q2").isEqualTo(0.0);
  }

  @Clause("P6 7.2.3.2.1")
  @Clause("P6 7.2.3.1.1")
  @Clause("P6 7.2.3.2.2")
  @Clause("P3 5.1.3.1")
  @Test
  void checklistChangesTakeEffectOnlyOnceManagementConfirmsThem() throws Exception {
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
    assertThat(put("manager1", "/api/inspections/checklist-items/99999999", item).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    int items = templates.templates(false).size();
    var proposed = post("manager1", "/api/inspections/checklist-items", item);
    assertThat(proposed.getStatusCode()).as("accepted, not yet applied").isEqualTo(HttpStatus.ACCEPTED);
    long change = json.readTree(proposed.getBody()).get("id").asLong();
    assertThat(json.readTree(proposed.getBody()).get("status").asText()).isEqualTo("PENDING");
    assertThat(templates.templates(false)).hasSize(items);
    assertThat(notifications.search("mgmt1", null, "CL-" + change, 10)).anyMatch(n -> n.subject()
        .contains("请确认巡检项变更"));
    assertThat(get("supervisor1", "/api/inspections/checklist-changes?status=PENDING").getBody())
        .contains("防鼠设施");
    assertThat(put("manager1", "/api/inspections/rooms/bad code!", map("name", "x")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(put("manager1", "/api/inspections/rooms/GZ-DC9", map("name", "临时机房", "location", "番禺"))
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    Long added = null;
    try {
      setClock(china("2031-11-03T10:00:00"));
      ProcessInstance before = start("inspectionKind", "SPECIAL", "scopeRooms", "GZ-DC9", "reason", "新机房验收巡检");
      // the ops manager cannot confirm their own change; management can
      assertThat(post("manager1", "/api/inspections/checklist-changes/" + change + "/confirm", map())
          .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      var confirmed = post("mgmt1", "/api/inspections/checklist-changes/" + change + "/confirm",
          map("note", "同意，雨季前增加"));
      assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(json.readTree(confirmed.getBody()).get("status").asText()).isEqualTo("CONFIRMED");
      assertThat(json.readTree(confirmed.getBody()).get("decidedBy").asText()).isEqualTo("mgmt1");
      added = json.readTree(confirmed.getBody()).get("itemId").asLong();
      assertThat(post("mgmt1", "/api/inspections/checklist-changes/" + change + "/reject", map("note", "x"))
          .getStatusCode()).as("decided once").isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(templates.templates(false)).hasSize(items + 1);
      // the inspection started before confirmation checks the confirmed template too: checklists are made per area
      plan(before, "2031-11-20");
      grantAccess(before);
      assertThat(filled(task(before, "Task_RoomChecklist"), Map.of())).extracting(m -> m.get("item"))
          .contains("防鼠设施").hasSize(15);
      processEngine.getRuntimeService().deleteProcessInstance(before.getId(), "test finished");

      // a rejected change needs a reason and leaves the template as it was
      var off = put("manager1", "/api/inspections/checklist-items/" + added, map("areaKind", "ROOM", "category",
          "机房环境", "item", "防鼠设施", "content", "检查挡鼠板是否完好", "clause", "本地补充", "active", false));
      long offId = json.readTree(off.getBody()).get("id").asLong();
      assertThat(post("mgmt1", "/api/inspections/checklist-changes/" + offId + "/reject", map()).getStatusCode())
          .isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(post("mgmt1", "/api/inspections/checklist-changes/" + offId + "/reject", map("note", "仍需检查"))
          .getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(templates.templates(false)).hasSize(items + 1);
      // an unknown room in the scope is refused, naming it
      assertThatThrownBy(() -> start("inspectionKind", "SPECIAL", "scopeRooms", "NOWHERE", "reason", "x"))
          .hasMessageContaining("NOWHERE");
    } finally {
      jdbc.sql("UPDATE inspection_checklist_change SET status = 'REJECTED' WHERE status = 'PENDING'").update();
      if (added != null) {
        jdbc.sql("UPDATE inspection_checklist_item SET active = FALSE WHERE id = ?").param(added).update();
      }
      put("manager1", "/api/inspections/rooms/GZ-DC9", map("name", "临时机房", "active", false));
    }
  }

  @Clause("P3 5.1.3.1")
  @Clause("P3 5.1.3.2")
  @Test
  void aQuarterWithNothingToInspectEndsWithANoticeInsteadOfAFailedStart() {
    List<String> rooms = jdbc.sql("SELECT code FROM machine_room WHERE active = TRUE").query(String.class).list();
    List<Long> items = jdbc.sql("SELECT id FROM inspection_checklist_item WHERE area_kind = 'RESOURCE' AND active = TRUE")
        .query(Long.class).list();
    try {
      jdbc.sql("UPDATE machine_room SET active = FALSE").update();
      jdbc.sql("UPDATE inspection_checklist_item SET active = FALSE WHERE area_kind = 'RESOURCE'").update();
      setClock(china("2034-07-03T10:00:00"));
      ProcessInstance pi = start("inspectionKind", "QUARTERLY");
      // a business error the model handles (BpmnError NOTHING_TO_INSPECT), not a failed start of the schedule's job
      assertThat(pi).isEnded().hasPassed("Error_NothingToInspect", "EndEvent_NothingToInspect")
          .hasNotPassed("Task_PlanInspection");
      assertThat(inspections.findByProcessInstance(pi.getId())).isEmpty();
      assertThat(jdbc.sql("SELECT COUNT(*) FROM inspection WHERE quarter_key = '2034Q3'").query(Long.class).single())
          .isZero();
      assertThat(notifications.search("manager1", null, "2034Q3", 10))
          .anyMatch(n -> n.subject().contains("没有可巡检的机房或资源类别"));
    } finally {
      rooms.forEach(r -> jdbc.sql("UPDATE machine_room SET active = TRUE WHERE code = ?").param(r).update());
      items.forEach(i -> jdbc.sql("UPDATE inspection_checklist_item SET active = TRUE WHERE id = ?").param(i).update());
    }
  }
}
