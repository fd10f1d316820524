package cn.gov.gz.govcloud.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.MockedProcessTest;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * processes/security-assessment.bpmn and security-assessment-schedule.bpmn on the in-memory engine, delegates mocked:
 * nothing to assess; a failure retaken in a second round; a reminder and 缺考 at the due date; the half-yearly timer.
 */
@Tag("process")
class SecurityAssessmentFlowTest extends MockedProcessTest {

  /**
   * The model's {@code ${assessmentPlan.open(assessmentId)}}: the staff of the current round (the engine reads the
   * collection once per branch); a round ends when checkAssessmentRetakes runs.
   */
  public static class Plan {
    final Deque<List<Long>> rounds = new ArrayDeque<>();

    public List<Long> open(Object assessmentId) {
      return rounds.isEmpty() ? List.of() : rounds.peek();
    }
  }

  /** The model's {@code ${governanceSettings.assessmentSchedule}}. */
  public static class Settings {
    public String getAssessmentSchedule() {
      return "0 0 9 1 3,9 ?";
    }
  }

  final Plan plan = new Plan();

  @Override
  protected List<String> resources() {
    return List.of("security-assessment.bpmn", "security-assessment-schedule.bpmn", "security-assessment-start.form",
        "security-assessment-score.form");
  }

  @Override
  protected void deployAlso(DeploymentBuilder deployment) {
    Mocks.register("assessmentPlan", plan);
    Mocks.register("governanceSettings", new Settings());
  }

  private ProcessInstance startWith(List<List<Long>> rounds) {
    plan.rounds.addAll(rounds);
    onDelegate("openSecurityAssessment", e -> {
      e.setVariable("assessmentId", 3L);
      e.setVariable("assessmentDue", Date.from(now.plusSeconds(30 * 86400)));
      e.setVariable("assessmentRemindAt", Date.from(now.plusSeconds(25 * 86400)));
    });
    return start("security-assessment", "assessmentTitle", "安全操作专项考核");
  }

  private Task scoreTask(ProcessInstance pi, long staffId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(
        "Task_RecordScore").list().stream().filter(t -> Long.valueOf(staffId).equals(
            engine.getTaskService().getVariable(t.getId(), "assessedStaffId"))).findFirst().orElse(null);
  }

  @Clause("P6 7.4.1.3")
  @Test
  void withNobodyToAssessTheAssessmentEndsAtOnce() {
    onDelegate("openSecurityAssessment", e -> {
      throw new BpmnError("NOTHING_TO_ASSESS");
    });
    ProcessInstance pi = start("security-assessment");
    assertThat(pi).isEnded().hasPassed("Error_NothingToAssess", "EndEvent_NothingToAssess")
        .hasNotPassed("Task_RecordScore");
  }

  @Clause("P6 7.4.1.3")
  @Test
  void aFailureIsRetakenInASecondRoundThenTheRecordIsFiled() {
    int[] checks = {0};
    onDelegate("checkAssessmentRetakes", e -> {
      plan.rounds.poll();
      e.setVariable("retakesPending", checks[0]++ == 0);
    });
    ProcessInstance pi = startWith(List.of(List.of(1L, 2L), List.of(2L)));
    assertThat(scoreTask(pi, 2L).getDueDate()).isEqualTo(Date.from(now.plusSeconds(30 * 86400)));
    assertThat(engine.getTaskService().createTaskQuery().taskId(scoreTask(pi, 1L).getId()).taskCandidateGroup(
        "ops-manager").count()).isEqualTo(1);
    engine.getTaskService().complete(scoreTask(pi, 1L).getId(), map("assessmentScore", 92));
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(pi.getId())
        .variableName("assessmentScore").list()).as("scores stay in their branch")
        .allMatch(v -> !v.getExecutionId().equals(pi.getId()));
    engine.getTaskService().complete(scoreTask(pi, 2L).getId(), map("assessmentScore", 55));
    assertThat(calls("recordAssessmentScore")).isEqualTo(2);
    assertThat(pi).hasPassed("ServiceTask_CheckRetakes", "Gateway_Retakes").isWaitingAt("Task_RecordScore");
    assertThat(scoreTask(pi, 1L)).as("only the failure retakes").isNull();
    engine.getTaskService().complete(scoreTask(pi, 2L).getId(), map("assessmentScore", 85));
    assertThat(pi).isEnded().hasPassed("ServiceTask_GenerateRecord", "EndEvent_Assessed")
        .hasNotPassed("ServiceTask_RecordAbsent");
    assertThat(calls("checkAssessmentRetakes")).isEqualTo(2);
    assertThat(calls("recordAssessmentScore")).isEqualTo(3);
    assertThat(calls("generateAssessmentRecord")).isEqualTo(1);
  }

  @Clause("P6 7.4.1.3")
  @Test
  void theOpsManagersAreRemindedAndAStaffMemberNotScoredIsAbsentAtTheDueDate() {
    onDelegate("checkAssessmentRetakes", e -> e.setVariable("retakesPending", false));
    ProcessInstance pi = startWith(List.of(List.of(7L)));
    Job reminder = job(pi, "Timer_ScoreReminder");
    assertThat(reminder.getDuedate()).isEqualTo(Date.from(now.plusSeconds(25 * 86400)));
    fire(pi, "Timer_ScoreReminder");
    assertThat(calls("remindAssessment")).isEqualTo(1);
    assertThat(pi).hasPassed("EndEvent_ScoreReminded").isWaitingAt("Task_RecordScore");
    fire(pi, "Timer_ScoreMissing");
    assertThat(pi).isEnded().hasPassed("ServiceTask_RecordAbsent", "EndEvent_Absent", "ServiceTask_GenerateRecord");
  }

  @Clause("P6 7.4.1.3")
  @Test
  void theHalfYearlyTimerStartsAnAssessmentWithoutATitle() {
    Job timer = engine.getManagementService().createJobQuery().activityId("StartEvent_HalfYearly").singleResult();
    assertThat(timer).as("the half-yearly start timer").isNotNull();
    plan.rounds.add(List.of(1L));
    onDelegate("openSecurityAssessment", e -> {
      assertThat(e.getVariable("assessmentTitle")).isNull();
      assertThat(e.getVariable("assessmentScheduled")).as("set by the schedule's call").isEqualTo(true);
      e.setVariable("assessmentId", 4L);
      e.setVariable("assessmentDue", Date.from(now.plusSeconds(400 * 86400)));
      e.setVariable("assessmentRemindAt", Date.from(now.plusSeconds(399 * 86400)));
    });
    setClock(timer.getDuedate().toInstant().plusSeconds(1));
    engine.getManagementService().executeJob(timer.getId());
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("security-assessment").singleResult();
    assertThat(pi).isWaitingAt("Task_RecordScore");
    assertThat(calls("openSecurityAssessment")).isEqualTo(1);
  }
}
