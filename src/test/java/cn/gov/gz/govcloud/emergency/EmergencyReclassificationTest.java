package cn.gov.gz.govcloud.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;

/**
 * The responder's classification (P6 7.4.2.3.2) and the escalation clock of a 5×8 case (P3 5.3.2.8) through the real
 * model and delegates: a corrected category re-runs the decision, the clocks are counted again from the time
 * detected and the waiting timers move; both classifications stay on the timeline; the chain is climbed in working
 * time.
 */
class EmergencyReclassificationTest extends EmergencyTestSupport {

  @Clause("P6 7.4.2.3.2")
  @Clause("P3 5.3.2.8")
  @Test
  void aResponderWhoFindsADegradationNotAnInterruptionMovesTheCaseToWorkingTimeClocks() {
    // Tuesday 10 March 2026: the reporter says "interruption" at 17:49; the responder finds pages only slow
    setClock(china("2026-03-10T17:50:00"));
    ProcessInstance pi = report("JTJ-OA", "INTERRUPTION", china("2026-03-10T17:49:00"));
    Emergency before = emergency(pi);
    assertThat(before.severity()).isEqualTo("重大");
    assertThat(before.serviceHours()).isEqualTo("7x24");
    assertThat(before.recoveryDueAt()).as("level 3 is 5×8 service: eight working hours, though the response is 7×24")
        .isEqualTo(china("2026-03-12T08:49:00"));
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "confirmedCategory"))
        .as("the respond form shows the reporter's category to confirm").isEqualTo("INTERRUPTION");

    setClock(china("2026-03-10T17:52:00"));
    processEngine.getTaskService().complete(task(pi, "Task_RespondEmergency").getId(), map("firstAssessment",
        "首页加载慢，业务未中断", "confirmedCategory", "DEGRADATION", "confirmedSeverity", "较大",
        "reclassificationReason", "核实后为性能下降，业务可用"));

    assertThat(pi).hasPassed("BusinessRuleTask_Reclassify", "ServiceTask_ApplyReclassification",
        "BusinessRuleTask_ReapplyPlanTypes", "ServiceTask_AttachPlansAgain").isWaitingAt("Task_HandleEmergency");
    Emergency after = emergency(pi);
    assertThat(after.category()).isEqualTo("DEGRADATION");
    assertThat(after.severity()).isEqualTo("较大");
    assertThat(after.serviceHours()).isEqualTo("5x8");
    assertThat(after.responseDueAt()).as("10 working minutes from the time detected")
        .isEqualTo(china("2026-03-10T17:59:00"));
    assertThat(emergencies.timeliness(after.id())).containsEntry("respondedInTime", true);
    assertThat(job(pi, "Timer_NextFeedback").getDuedate().toInstant())
        .as("one working hour from now: 8 minutes today, 52 tomorrow").isEqualTo(china("2026-03-11T09:22:00"));
    assertThat(after.recoveryDueAt()).as("the level's clock, not the classification's: unchanged")
        .isEqualTo(before.recoveryDueAt());
    assertThat(job(pi, "Timer_RecoveryDeadline").getDuedate().toInstant()).isEqualTo(after.recoveryDueAt());
    SpinJsonNode classification = (SpinJsonNode) processEngine.getRuntimeService().getVariable(pi.getId(),
        "classification");
    assertThat(classification.prop("severity").stringValue()).isEqualTo("较大");
    assertThat(classification.prop("serviceHours").stringValue()).isEqualTo("5x8");

    List<EmergencyEvent> timeline = emergencies.events(after.id());
    assertThat(timeline).anyMatch(ev -> ev.kind().equals("RECLASSIFIED") && ev.text().contains("业务系统中断 → 业务系统性能下降")
        && ev.text().contains("重大 → 较大") && ev.text().contains("核实后为性能下降"));
    assertThat(timeline).anyMatch(ev -> ev.kind().equals("UPDATE") && ev.text().contains("自发现时间起重算时限"));
  }

  @Clause("P6 7.4.2.3.2")
  @Test
  void aCorrectionWithoutAReasonIsRefusedAndChangesNothing() {
    ProcessInstance pi = report("JTJ-OA", "INTERRUPTION", now);
    String taskId = task(pi, "Task_RespondEmergency").getId();
    assertThatThrownBy(() -> processEngine.getTaskService().complete(taskId, map("firstAssessment", "首页加载慢",
        "confirmedCategory", "DEGRADATION", "confirmedSeverity", "重大")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("reclassificationReason");
    assertThatThrownBy(() -> processEngine.getTaskService().complete(taskId, map("firstAssessment", "首页加载慢",
        "confirmedCategory", "FLOOD", "confirmedSeverity", "重大")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("confirmedCategory");
    assertThat(task(pi, "Task_RespondEmergency")).as("the task stays").isNotNull();
    Emergency e = emergency(pi);
    assertThat(e.respondedAt()).isNull();
    assertThat(e.category()).isEqualTo("INTERRUPTION");
    assertThat(emergencies.events(e.id())).noneMatch(ev -> ev.kind().equals("RECLASSIFIED"));
  }

  @Clause("P6 7.4.2.3.2")
  @Test
  void aConfirmedClassificationGoesStraightToHandlingAndALevelAloneCanBeRaised() {
    ProcessInstance kept = report("JTJ-OA", "INTERRUPTION", now);
    processEngine.getTaskService().complete(task(kept, "Task_RespondEmergency").getId(), map("firstAssessment",
        "网关故障", "confirmedCategory", "INTERRUPTION", "confirmedSeverity", "重大"));
    assertThat(kept).hasNotPassed("BusinessRuleTask_Reclassify").isWaitingAt("Task_HandleEmergency");

    ProcessInstance raised = report("JTJ-OA", "INTERRUPTION", now);
    Instant due = emergency(raised).responseDueAt();
    processEngine.getTaskService().complete(task(raised, "Task_RespondEmergency").getId(), map("firstAssessment",
        "全市窗口无法办件", "confirmedCategory", "INTERRUPTION", "confirmedSeverity", "特别重大",
        "reclassificationReason", "影响全市窗口"));
    Emergency e = emergency(raised);
    assertThat(e.severity()).isEqualTo("特别重大");
    assertThat(e.responseDueAt()).as("same category, same clocks").isEqualTo(due);
    assertThat(raised).hasPassed("ServiceTask_ApplyReclassification").isWaitingAt("Task_HandleEmergency");
  }

  @Clause("P3 5.3.2.8")
  @Clause("P6 7.4.2.3.3")
  @Test
  void aFiveByEightCaseClimbsTheEscalationChainInWorkingTime() {
    // Tuesday 17:45: due 17:55; the next level ten working minutes later is Wednesday 08:35, not 18:05
    setClock(china("2026-03-10T17:45:00"));
    ProcessInstance pi = report("JTJ-OA", "DEGRADATION", china("2026-03-10T17:45:00"));
    assertThat(job(pi, "Timer_ResponseDeadline").getDuedate().toInstant()).isEqualTo(china("2026-03-10T17:55:00"));
    fire(pi, "Timer_ResponseDeadline");
    assertThat(candidateGroups(pi)).contains("ops-manager").doesNotContain("management");
    assertThat(job(pi, "Timer_ResponseDeadline").getDuedate().toInstant()).isEqualTo(china("2026-03-11T08:35:00"));

    setClock(china("2026-03-10T22:00:00"));
    processEngine.getManagementService().executeJob(job(pi, "Timer_ResponseDeadline").getId());
    assertThat(candidateGroups(pi)).as("fired early at night: no level reached").doesNotContain("management");
    assertThat(job(pi, "Timer_ResponseDeadline").getDuedate().toInstant()).isEqualTo(china("2026-03-11T08:35:00"));

    fire(pi, "Timer_ResponseDeadline");
    assertThat(candidateGroups(pi)).contains("management");
    assertThat(job(pi, "Timer_ResponseDeadline")).as("top of the chain").isNull();
    assertThat(emergency(pi).escalationLevel()).isEqualTo(2);
    assertThat(pi).isWaitingAt("Task_RespondEmergency");
  }

  private List<String> candidateGroups(ProcessInstance pi) {
    return processEngine.getTaskService().getIdentityLinksForTask(task(pi, "Task_RespondEmergency").getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }
}
