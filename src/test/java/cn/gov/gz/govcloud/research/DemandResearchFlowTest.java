package cn.gov.gz.govcloud.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.MockedProcessTest;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * processes/demand-research.bpmn on the in-memory engine, delegates mocked: every unit answers its questionnaire, is
 * reminded, or is recorded 未答复 at the due date; the interview path; the provider's analysis files the report;
 * management returns it (back to the analysis, the report filed again) or accepts it, with resource adjustments handed
 * to the optimisation review or without.
 */
@Tag("process")
class DemandResearchFlowTest extends MockedProcessTest {

  /** The model's {@code ${researchPlan.units(researchId)}}: two units. */
  public static class Plan {
    public List<String> units(Object researchId) {
      return List.of("JTJ", "WJW");
    }
  }

  @Override
  protected List<String> resources() {
    return List.of("demand-research.bpmn", "demand-research-start.form", "demand-research-answer.form",
        "demand-research-interview.form", "demand-research-analysis.form", "demand-research-review.form");
  }

  @Override
  protected void deployAlso(DeploymentBuilder deployment) {
    Mocks.register("researchPlan", new Plan());
  }

  private ProcessInstance startResearch(String method) {
    onDelegate("registerDemandResearch", e -> {
      e.setVariable("researchId", 5L);
      e.setVariable("researchNo", "DY20260310-1");
      e.setVariable("researchDue", Date.from(now.plusSeconds(15 * 86400)));
      e.setVariable("researchRemindAt", Date.from(now.plusSeconds(12 * 86400)));
    });
    onDelegate("tallyDemandResearch", e -> e.setVariable("analysisDue", Date.from(now.plusSeconds(25 * 86400))));
    onDelegate("writeDemandResearchReport", e -> e.setVariable("reviewDue", Date.from(now.plusSeconds(32 * 86400))));
    return start("demand-research", "researchTopic", "2026 年政务云服务需求调研", "periodFrom", "2026-01-01",
        "periodTo", "2026-06-30", "researchMethod", method, "unitScope", "ALL");
  }

  private Task unitTask(ProcessInstance pi, String unit) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(
        "Task_AnswerQuestionnaire").taskCandidateGroup("unit-" + unit).singleResult();
  }

  private void answer(ProcessInstance pi, String unit) {
    engine.getTaskService().complete(unitTask(pi, unit).getId(), map("resourceAdequacy", "INSUFFICIENT",
        "satisfaction", 4, "researchProblems", "存储不足", "demands", "[{\"type\":\"SCALE_UP\",\"content\":\"扩容存储 10 TB\"}]"));
  }

  /** Management's review as the mocked step records it. */
  private void review(String decision, long resourceRecommendations) {
    onDelegate("recordResearchReview", e -> {
      e.setVariable("reviewReturned", "RETURN".equals(decision));
      e.setVariable("resourceRecommendationCount", resourceRecommendations);
    });
  }

  @Clause("P6 7.5.1.1")
  @Clause("P3 5.4.1.1")
  @Clause("P6 7.5.1.2")
  @Clause("P6 7.5.1.3")
  @Clause("P6 7.5.1.4")
  @Clause("P3 5.4.1.2")
  @Test
  void everyUnitAnswersItsQuestionnaireThenTheAcceptedResourceAdjustmentsGoToTheOptimisationReview() {
    ProcessInstance pi = startResearch("QUESTIONNAIRE");
    assertThat(pi).isWaitingAt("Task_AnswerQuestionnaire").hasPassed("StartEvent_Requested",
        "ServiceTask_RegisterResearch").hasNotPassed("Task_RecordInterview");
    Task jtj = unitTask(pi, "JTJ");
    assertThat(jtj).isNotNull();
    assertThat(unitTask(pi, "WJW")).isNotNull();
    assertThat(jtj.getDueDate()).isEqualTo(Date.from(now.plusSeconds(15 * 86400)));

    answer(pi, "JTJ");
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(pi.getId())
        .variableName("satisfaction").list()).as("answers stay in their unit's branch")
        .allMatch(v -> !v.getExecutionId().equals(pi.getId()));
    answer(pi, "WJW");
    assertThat(calls("recordResearchAnswer")).isEqualTo(2);

    assertThat(pi).isWaitingAt("Task_Analyse").hasPassed("ServiceTask_TallyResearch", "EndEvent_Answered")
        .hasNotPassed("ServiceTask_RemindUnit", "ServiceTask_RecordNoReply");
    assertThat(pi).task().hasCandidateGroup("ops-manager");
    assertThat(task(pi, "Task_Analyse").getDueDate()).isEqualTo(Date.from(now.plusSeconds(25 * 86400)));
    complete(pi, "Task_Analyse", "managementState", "资源总体满足", "analysisProblems", "存储紧张", "direction", "弹性扩容",
        "recommendations", "[{\"category\":\"RESOURCE\",\"unitCodes\":\"JTJ\",\"content\":\"扩容存储\"}]");
    assertThat(pi).isWaitingAt("Task_ReviewReport").hasPassed("ServiceTask_WriteReport");
    assertThat(pi).task().hasCandidateGroup("management");
    assertThat(task(pi, "Task_ReviewReport").getDueDate()).isEqualTo(Date.from(now.plusSeconds(32 * 86400)));

    review("ACCEPT", 1);
    complete(pi, "Task_ReviewReport", "reviewDecision", "ACCEPT");
    assertThat(pi).isEnded().hasPassedInOrder("Task_Analyse", "ServiceTask_WriteReport", "Task_ReviewReport",
        "ServiceTask_RecordReview", "ServiceTask_HandOver", "EndEvent_HandedOver").hasNotPassed("EndEvent_Accepted");
    assertThat(calls("writeDemandResearchReport")).isEqualTo(1);
    assertThat(calls("handOverResearchRecommendations")).isEqualTo(1);
  }

  @Clause("P6 7.5.1.1")
  @Test
  void aUnitIsRemindedBeforeTheDueDateAndRecordedAsNoReplyAtIt() {
    ProcessInstance pi = startResearch("QUESTIONNAIRE");
    answer(pi, "JTJ");
    Job reminder = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Timer_ResearchReminder").singleResult();
    assertThat(reminder.getDuedate()).isEqualTo(Date.from(now.plusSeconds(12 * 86400)));
    fire(pi, "Timer_ResearchReminder");
    assertThat(calls("remindResearchUnit")).isEqualTo(1);
    assertThat(unitTask(pi, "WJW")).as("the reminder leaves the task open").isNotNull();
    assertThat(pi).hasPassed("EndEvent_Reminded");

    fire(pi, "Timer_ResearchExpired");
    assertThat(unitTask(pi, "WJW")).isNull();
    assertThat(calls("recordResearchNoReply")).isEqualTo(1);
    assertThat(pi).hasPassed("ServiceTask_RecordNoReply", "EndEvent_NoReply", "ServiceTask_TallyResearch")
        .isWaitingAt("Task_Analyse");
  }

  @Clause("P6 7.5.1.1")
  @Test
  void byInterviewTheProviderRecordsEachUnit() {
    ProcessInstance pi = startResearch("INTERVIEW");
    assertThat(pi).isWaitingAt("Task_RecordInterview").hasNotPassed("Task_AnswerQuestionnaire");
    List<Task> interviews = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_RecordInterview").list();
    assertThat(interviews).hasSize(2);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count())
        .as("no questionnaire timers").isZero();
    for (Task t : interviews) {
      assertThat(engine.getTaskService().getIdentityLinksForTask(t.getId())).extracting(l -> l.getGroupId())
          .contains("ops-manager", "ops-engineer");
      engine.getTaskService().complete(t.getId(), map("interviewee", "信息科 张科长", "resourceAdequacy", "MOSTLY",
          "satisfaction", 5));
    }
    assertThat(calls("recordResearchInterview")).isEqualTo(2);
    assertThat(pi).hasPassed("EndEvent_Interviewed", "ServiceTask_TallyResearch").isWaitingAt("Task_Analyse");
  }

  @Clause("P6 7.5.1.4")
  @Test
  void aReturnedReportGoesBackToTheAnalysisAndIsFiledAgainThenAcceptedWithoutResourceAdjustments() {
    ProcessInstance pi = startResearch("QUESTIONNAIRE");
    answer(pi, "JTJ");
    answer(pi, "WJW");
    complete(pi, "Task_Analyse", "managementState", "良好", "analysisProblems", "流程长", "direction", "简化",
        "recommendations", "[{\"category\":\"PROCESS\",\"content\":\"简化申请流程\"}]");
    review("RETURN", 0);
    complete(pi, "Task_ReviewReport", "reviewDecision", "RETURN", "reviewComment", "请补充各单位需求的分析");
    assertThat(pi).isWaitingAt("Task_Analyse").hasPassed("Gateway_Returned");
    assertThat(calls("writeDemandResearchReport")).isEqualTo(1);

    complete(pi, "Task_Analyse", "managementState", "良好", "analysisProblems", "流程长，各单位需求已逐一分析",
        "direction", "简化", "recommendations", "[{\"category\":\"PROCESS\",\"content\":\"简化申请流程\"}]");
    assertThat(calls("writeDemandResearchReport")).as("the report filed again (version 2)").isEqualTo(2);
    review("ACCEPT", 0);
    complete(pi, "Task_ReviewReport", "reviewDecision", "ACCEPT");
    assertThat(pi).isEnded().hasPassed("EndEvent_Accepted").hasNotPassed("ServiceTask_HandOver",
        "EndEvent_HandedOver");
    assertThat(calls("recordResearchReview")).isEqualTo(1);
  }
}
