package cn.gov.gz.govcloud.evaluation;

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
 * processes/satisfaction-survey.bpmn and processes/report-feedback.bpmn on the in-memory engine, delegates mocked:
 * every unit answers, is reminded, or is recorded 未答复 at the due date; the evaluator's opinion files the report;
 * the half-yearly timer starts the survey; feedback on a report is answered by the provider.
 */
@Tag("process")
class SatisfactionSurveyFlowTest extends MockedProcessTest {

  /** The model's {@code ${surveyPlan.units(surveyId)}}: two units. */
  public static class Plan {
    public List<String> units(Object surveyId) {
      return List.of("JTJ", "WJW");
    }
  }

  /** The model's {@code ${evaluationSettings.schedule}}. */
  public static class Settings {
    public String getSchedule() {
      return "0 0 9 1 1,7 ?";
    }
  }

  @Override
  protected List<String> resources() {
    return List.of("satisfaction-survey.bpmn", "satisfaction-survey-schedule.bpmn", "report-feedback.bpmn", "satisfaction-start.form",
        "satisfaction-answer.form", "satisfaction-opinion.form", "report-feedback-start.form",
        "report-feedback-answer.form");
  }

  @Override
  protected void deployAlso(DeploymentBuilder deployment) {
    Mocks.register("surveyPlan", new Plan());
    Mocks.register("evaluationSettings", new Settings());
  }

  private ProcessInstance startSurvey() {
    onDelegate("openSatisfactionSurvey", e -> {
      e.setVariable("surveyId", 7L);
      e.setVariable("surveyDue", Date.from(now.plusSeconds(15 * 86400)));
      e.setVariable("surveyRemindAt", Date.from(now.plusSeconds(12 * 86400)));
    });
    onDelegate("tallySatisfactionSurvey", e -> e.setVariable("opinionDue", Date.from(now.plusSeconds(30 * 86400))));
    return start("satisfaction-survey", "periodFrom", "2026-01-01", "periodTo", "2026-06-30");
  }

  private Task unitTask(ProcessInstance pi, String unit) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(
        "Task_AnswerSurvey").taskCandidateGroup("unit-" + unit).singleResult();
  }

  @Clause("P3 7.2")
  @Clause("P3 7.4.5")
  @Clause("P3 7.3.1")
  @Clause("P3 7.4.3")
  @Clause("P3 7.1")
  @Clause("P6 附录 B.1 第 15 项")
  @Test
  void everyUnitAnswersInItsOwnTaskThenTheEvaluatorFilesTheReport() {
    ProcessInstance pi = startSurvey();
    assertThat(pi).isWaitingAt("Task_AnswerSurvey").hasPassed("StartEvent_Requested", "ServiceTask_OpenSurvey");
    Task jtj = unitTask(pi, "JTJ");
    Task wjw = unitTask(pi, "WJW");
    assertThat(jtj).isNotNull();
    assertThat(wjw).isNotNull();
    assertThat(jtj.getDueDate()).isEqualTo(Date.from(now.plusSeconds(15 * 86400)));

    engine.getTaskService().complete(jtj.getId(), map("attitude", 5, "responseSpeed", 4, "resolution", 4,
        "followUp", 3, "overall", 4, "surveyProblems", "夜间响应慢"));
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(pi.getId())
        .variableName("attitude").list()).as("answers stay in their unit's branch")
        .allMatch(v -> !v.getExecutionId().equals(pi.getId()));
    assertThat(calls("recordSurveyAnswer")).isEqualTo(1);
    engine.getTaskService().complete(wjw.getId(), map("attitude", 3, "responseSpeed", 3, "resolution", 3,
        "followUp", 3, "overall", 3));

    assertThat(pi).isWaitingAt("Task_WriteOpinion").hasPassed("ServiceTask_TallySurvey", "EndEvent_Answered")
        .hasNotPassed("ServiceTask_RemindUnit", "ServiceTask_RecordNoReply");
    assertThat(pi).task().hasCandidateGroup("supervisor").hasCandidateGroup("management");
    complete(pi, "Task_WriteOpinion", "evaluationOpinion", "服务总体良好", "improvementRequirements", "加强夜间值守");
    assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_TallySurvey", "Task_WriteOpinion",
        "ServiceTask_WriteReport", "EndEvent_Evaluated");
    assertThat(calls("recordSurveyAnswer")).isEqualTo(2);
    assertThat(calls("writeEvaluationReport")).isEqualTo(1);
  }

  @Clause("P3 7.2")
  @Clause("P3 7.4.1")
  @Test
  void aUnitIsRemindedBeforeTheDueDateAndRecordedAsNoReplyAtIt() {
    ProcessInstance pi = startSurvey();
    engine.getTaskService().complete(unitTask(pi, "JTJ").getId(), map("attitude", 5, "responseSpeed", 5,
        "resolution", 5, "followUp", 5, "overall", 5));
    Job reminder = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Timer_SurveyReminder").singleResult();
    assertThat(reminder.getDuedate()).isEqualTo(Date.from(now.plusSeconds(12 * 86400)));
    fire(pi, "Timer_SurveyReminder");
    assertThat(calls("remindSurveyUnit")).isEqualTo(1);
    assertThat(unitTask(pi, "WJW")).as("the reminder leaves the task open").isNotNull();
    assertThat(pi).hasPassed("EndEvent_Reminded");

    fire(pi, "Timer_SurveyExpired");
    assertThat(unitTask(pi, "WJW")).isNull();
    assertThat(calls("recordSurveyNoReply")).isEqualTo(1);
    assertThat(pi).hasPassed("ServiceTask_RecordNoReply", "EndEvent_NoReply", "ServiceTask_TallySurvey")
        .isWaitingAt("Task_WriteOpinion");
  }

  @Clause("GB 5.3.7 e")
  @Test
  void theHalfYearlyTimerStartsTheSurveyWithoutAPeriod() {
    Job timer = engine.getManagementService().createJobQuery().activityId("StartEvent_HalfYearly").singleResult();
    assertThat(timer).as("the half-yearly start timer").isNotNull();
    onDelegate("openSatisfactionSurvey", e -> {
      assertThat(e.getVariable("periodFrom")).as("the delegate takes the previous half-year").isNull();
      e.setVariable("surveyId", 8L);
      e.setVariable("surveyDue", Date.from(now.plusSeconds(86400 * 200)));
      e.setVariable("surveyRemindAt", Date.from(now.plusSeconds(86400 * 199)));
    });
    setClock(timer.getDuedate().toInstant().plusSeconds(1));
    engine.getManagementService().executeJob(timer.getId());
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("satisfaction-survey").singleResult();
    // 1 July (this engine reads cron in the JVM's zone; the application's CityCalendars reads it in Beijing time,
    // which EvaluationProcessTest checks)
    assertThat(timer.getDuedate().toInstant()).isAfter(china("2026-06-30T12:00:00"))
        .isBefore(china("2026-07-02T00:00:00"));
    assertThat(pi).hasPassed("StartEvent_Requested", "ServiceTask_OpenSurvey").isWaitingAt("Task_AnswerSurvey");
    assertThat(calls("openSatisfactionSurvey")).isEqualTo(1);
  }

  @Clause("GB 5.3.7 e")
  @Test
  void aHalfYearSurveyedAlreadyEndsAtOnce() {
    onDelegate("openSatisfactionSurvey", e -> {
      throw new org.camunda.bpm.engine.delegate.BpmnError("PERIOD_ALREADY_SURVEYED");
    });
    ProcessInstance pi = start("satisfaction-survey");
    assertThat(pi).isEnded().hasPassed("Error_PeriodAlreadySurveyed", "EndEvent_AlreadySurveyed")
        .hasNotPassed("Task_AnswerSurvey");
  }

  @Clause("P6 7.6.2.5")
  @Clause("P6 7.6.2.6")
  @Test
  void feedbackOnAReportIsAnsweredByTheProvider() {
    onDelegate("registerReportFeedback", e -> {
      e.setVariable("feedbackId", 3L);
      e.setVariable("feedbackAnswerDue", Date.from(now.plusSeconds(5 * 86400)));
    });
    ProcessInstance pi = start("report-feedback", "reportId", 11L, "feedbackContent", "图表缺少上期对比");
    assertThat(pi).isWaitingAt("Task_AnswerFeedback").task().hasCandidateGroup("ops-manager");
    complete(pi, "Task_AnswerFeedback", "feedbackAction", "IMPROVE_NEXT", "feedbackAnswer", "下期报告增加对比");
    assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_RegisterFeedback", "Task_AnswerFeedback",
        "ServiceTask_RecordFeedbackAnswer", "EndEvent_FeedbackAnswered");
  }
}
