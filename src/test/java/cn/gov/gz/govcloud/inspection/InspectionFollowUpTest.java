package cn.gov.gz.govcloud.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.inspection.InspectionFindings.Finding;
import cn.gov.gz.govcloud.support.Clause;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * processes/inspection.bpmn from the findings on: the report goes out as soon as the areas are inspected, naming each
 * finding's work order; each finding a work order the inspection calls (multi-instance call activity), closed when
 * its order is done, handed over again when its order was cancelled; at the planned completion time the manager
 * extends it or carries the open findings over; the addendum (补充报告) records how each finding ended.
 */
class InspectionFollowUpTest extends InspectionTestSupport {

  /**
   * The platform's inventory matches the ledger, so the inspection's ledger check finds nothing and the findings are
   * the checklists' only (other tests leave ledger resources and inventories behind).
   */
  @BeforeEach
  void inventoryMatchesTheLedger() {
    importConsistentInventory();
  }

  @Clause("P6 7.2.3.2.3")
  @Clause("P6 7.2.3.2.5")
  @Clause("P3 5.1.3.5")
  @Clause("P6 7.2.3.2.7")
  @Test
  void findingsBecomeCalledWorkOrdersAndCloseWithThemAfterARefusedRoomAccess() throws Exception {
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
    assertThat(checklists.results(inspection(pi).id())).isEmpty();
    submitChecklist(checklist, Map.of("不间断电源（UPS）", new String[] {"SEVERE", "UPS 2 号机组电池告警"},
        "照明", new String[] {"GENERAL", "3 排灯管损坏"}));

    // each finding is a work order the inspection calls, the finding number its business key (Cockpit shows them as
    // called instances of the inspection); the report is the system's next step, in its own transaction
    assertThat(pi).isWaitingAt("CallActivity_FindingFollowUp", "ServiceTask_WriteReport");
    List<Finding> found = findings.findings(inspection(pi).id());
    assertThat(found).hasSize(2).allSatisfy(f -> assertThat(f.status()).isEqualTo("FOLLOWING"));
    assertThat(followUps(pi)).hasSize(2)
        .allSatisfy(o -> assertThat(o.getProcessDefinitionId()).startsWith("work-order:"));
    Finding ups = found.stream().filter(f -> f.title().contains("UPS")).findFirst().orElseThrow();
    Finding light = found.stream().filter(f -> f.title().contains("照明")).findFirst().orElseThrow();
    ProcessInstance order = followUp(pi, ups.findingNo());
    assertThat(pi).calledProcessInstance(processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(ups.findingNo())).isNotEnded();
    var runtime = processEngine.getRuntimeService();
    assertThat(runtime.getVariable(order.getId(), "priority")).isEqualTo("HIGH");
    assertThat(runtime.getVariable(order.getId(), "channel")).isEqualTo("INSPECTION");
    assertThat(runtime.getVariable(order.getId(), "sourceRef")).isEqualTo(ups.findingNo());
    assertThat(runtime.getVariable(followUp(pi, light.findingNo()).getId(), "priority")).isEqualTo("MEDIUM");

    // the report goes out now, without waiting for the findings: each with its work order, still being fixed
    writeReport(pi);
    assertThat(pi).hasPassed("ServiceTask_WriteReport", "EndEvent_Reported").isWaitingAt("CallActivity_FindingFollowUp");
    Inspection reported = inspection(pi);
    assertThat(reported.status()).isEqualTo(Inspection.Status.FOLLOW_UP);
    assertThat(reported.reportId()).isNotNull();
    assertThat(reported.addendumId()).isNull();
    String upsOrder = (String) runtime.getVariable(order.getId(), "workOrderNo");
    assertThat(findings.findings(reported.id())).filteredOn(f -> f.id() == ups.id()).singleElement()
        .satisfies(f -> assertThat(f.workOrderNo()).isEqualTo(upsOrder).startsWith("WO"));
    assertThat(reportText(reported)).contains(ups.findingNo(), "UPS 2 号机组电池告警", "严重", "已转运维工单 " + upsOrder,
        "整改中", "专项巡检", "UPS 告警后专项检查", "整改结果见补充报告").doesNotContain("已关闭");
    assertThat(notifications.search("mgmt1", null, reported.inspectionNo(), 10))
        .anyMatch(n -> n.subject().contains("巡检报告"));

    // one order is cancelled while the other runs, then done: the first finding closes, the second gets a new order
    String cancelled = followUp(pi, light.findingNo()).getId();
    runtime.deleteProcessInstance(cancelled, "误建");
    assertThat(pi).isWaitingAt("CallActivity_FindingFollowUp");
    assertThat(followUps(pi)).singleElement().satisfies(o -> assertThat(o.getId()).isEqualTo(order.getId()));
    workThrough(order);
    // the round has ended: the inspection moves on in its own transaction, as the system
    assertThat(pi).hasPassed("CallActivity_FindingFollowUp").isNotEnded();
    continueAfterFollowUps(pi);
    assertThat(pi).isWaitingAt("CallActivity_FindingFollowUp");
    found = findings.findings(inspection(pi).id());
    assertThat(found).filteredOn(f -> f.id() == ups.id()).singleElement().satisfies(f -> {
      assertThat(f.status()).isEqualTo("CLOSED");
      assertThat(f.caseInstanceId()).isEqualTo(order.getId());
      assertThat(f.resolution()).contains("工单 WO", "办结");
    });
    assertThat(found).filteredOn(f -> f.id() == light.id()).singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo("FOLLOWING"));
    ProcessInstance relit = followUp(pi, light.findingNo());
    assertThat(relit.getId()).isNotEqualTo(cancelled);
    String lightOrder = (String) runtime.getVariable(relit.getId(), "workOrderNo");

    workThrough(relit);
    continueAfterFollowUps(pi);
    // every order has ended: the addendum records how each finding was closed; the report stays as it was sent
    assertThat(pi).isEnded().hasPassed("ServiceTask_WriteAddendum", "EndEvent_Done")
        .hasNotPassed("Task_ReviewOverdueFindings", "EndEvent_ReportedOrdersRunning");
    Inspection done = inspection(pi);
    assertThat(done.status()).isEqualTo(Inspection.Status.COMPLETED);
    assertThat(done.reportId()).isEqualTo(reported.reportId());
    assertThat(findings.findings(done.id())).allSatisfy(f -> assertThat(f.status()).isEqualTo("CLOSED"))
        .filteredOn(f -> f.id() == light.id()).singleElement()
        .satisfies(f -> assertThat(f.workOrderNo()).isEqualTo(lightOrder));
    assertThat(reportText(done)).doesNotContain("已关闭");
    assertThat(addendumText(done)).contains("补充报告", reported.inspectionNo(), ups.findingNo(), light.findingNo(),
        upsOrder, lightOrder, "已关闭", "办结", "问题整改均已完成", "已整改关闭 2 项").doesNotContain("已结转");
    assertThat(notifications.search("mgmt1", null, done.inspectionNo(), 10))
        .anyMatch(n -> n.subject().contains("巡检补充报告"));
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
    writeReport(pi);
    assertThat(reportText(inspection(pi))).contains("vm-17 磁盘只读告警", "逾期", "整改中");
    ProcessInstance order = followUps(pi).get(0);
    // past the planned completion time with the finding open: the manager decides, the work order runs on
    fire(pi, "Timer_FollowUpDue");
    assertThat(pi).isWaitingAt("CallActivity_FindingFollowUp", "Task_ReviewOverdueFindings");
    Task review = task(pi, "Task_ReviewOverdueFindings");
    assertThat(processEngine.getTaskService().getVariable(review.getId(), "findingsSummary").toString())
        .contains("尚有 1 项问题未关闭", "vm-17");
    complete(review, "overdueDecision", "EXTEND", "newDueDate", "2031-08-20", "overdueComment", "等待厂商补丁");
    assertThat(inspection(pi).dueAt()).isEqualTo(china("2031-08-21T00:00:00").minusSeconds(1));
    assertThat(pi).isWaitingAt("CallActivity_FindingFollowUp", "Timer_ExtendedDue");
    assertThat(job(pi, "Timer_ExtendedDue").getDuedate().toInstant()).isEqualTo(inspection(pi).dueAt());

    fire(pi, "Timer_ExtendedDue");
    complete(task(pi, "Task_ReviewOverdueFindings"), "overdueDecision", "CARRY_OVER", "overdueComment",
        "厂商补丁延期，列入下季度巡检");
    // the addendum goes out now; the carried-over finding's order still runs, called by the inspection
    assertThat(pi).hasPassed("ServiceTask_WriteAddendum", "EndEvent_ReportedOrdersRunning")
        .isWaitingAt("CallActivity_FindingFollowUp");
    Inspection done = inspection(pi);
    assertThat(done.status()).isEqualTo(Inspection.Status.COMPLETED);
    assertThat(findings.findings(done.id())).singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo("CARRIED_OVER"));
    assertThat(addendumText(done)).contains("已结转", "厂商补丁延期", "结转下次巡检跟进 1 项", "部分问题结转下次巡检");

    workThrough(order);
    continueAfterFollowUps(pi);
    assertThat(pi).isEnded().hasPassed("EndEvent_FollowUpsEnded");
    assertThat(inspection(pi).reportId()).as("no second report").isEqualTo(done.reportId());
    assertThat(inspection(pi).addendumId()).as("no second addendum").isEqualTo(done.addendumId());
    assertThat(findings.findings(done.id())).singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo("CARRIED_OVER"));
  }

  @Clause("P6 7.2.3.1.4")
  @Test
  void anInspectionGivenMoreTimeEndsAsSoonAsItsLastWorkOrderIsDone() throws Exception {
    setClock(china("2031-09-01T10:00:00"));
    ProcessInstance pi = start("inspectionKind", "SPECIAL", "scopeCategories", "虚拟机", "reason", "补丁后复查");
    plan(pi, "2031-09-05");
    submitChecklist(task(pi, "Task_ResourceChecklist"), Map.of("告警信息", new String[] {"SEVERE", "vm-21 宕机告警"}));
    writeReport(pi);
    ProcessInstance order = followUps(pi).get(0);
    fire(pi, "Timer_FollowUpDue");
    complete(task(pi, "Task_ReviewOverdueFindings"), "overdueDecision", "EXTEND", "newDueDate", "2031-09-30",
        "overdueComment", "等待备件");
    assertThat(pi).isWaitingAt("CallActivity_FindingFollowUp", "Timer_ExtendedDue");

    workThrough(order);
    continueAfterFollowUps(pi);
    // the addendum closes the inspection: the extended due date no longer waits
    assertThat(pi).isEnded().hasPassed("ServiceTask_WriteAddendum", "EndEvent_Done")
        .hasNotPassed("EndEvent_ReportedOrdersRunning");
    assertThat(job(pi, "Timer_ExtendedDue")).isNull();
    Inspection done = inspection(pi);
    assertThat(findings.findings(done.id())).singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo("CLOSED"));
    assertThat(addendumText(done)).contains("已关闭", "已整改关闭 1 项");
  }

  @Clause("P6 7.2.3.1.6")
  @Test
  void theAddendumNeverGoesOutBeforeTheReport() throws Exception {
    setClock(china("2031-10-08T10:00:00"));
    ProcessInstance pi = start("inspectionKind", "SPECIAL", "scopeCategories", "存储", "reason", "扩容后检查");
    plan(pi, "2031-10-20");
    submitChecklist(task(pi, "Task_ResourceChecklist"), Map.of("告警信息", new String[] {"GENERAL", "存储池告警"}));
    // the report's job has not run yet (the job executor was busy) when the only work order is already done
    workThrough(followUps(pi).get(0));
    var management = processEngine.getManagementService();
    String report = job(pi, "ServiceTask_WriteReport").getId();
    var continuation = management.createJobQuery().processInstanceId(pi.getId()).messages().list().stream()
        .filter(j -> !j.getId().equals(report)).findFirst().orElseThrow();
    assertThatThrownBy(() -> management.executeJob(continuation.getId())).hasMessageContaining("巡检报告尚未归档");
    assertThat(pi).isNotEnded();
    assertThat(inspection(pi).addendumId()).isNull();

    writeReport(pi);
    management.executeJob(continuation.getId()); // the engine's retry
    assertThat(pi).isEnded().hasPassed("EndEvent_Reported", "ServiceTask_WriteAddendum", "EndEvent_Done");
    Inspection done = inspection(pi);
    assertThat(done.reportId()).isNotNull();
    assertThat(addendumText(done)).contains("存储池告警", "已关闭");
  }
}
