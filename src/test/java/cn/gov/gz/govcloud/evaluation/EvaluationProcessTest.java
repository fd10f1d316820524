package cn.gov.gz.govcloud.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.ProcessTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * satisfaction-survey, satisfaction-survey-schedule and report-feedback with their real delegates: a unit answers
 * over REST (bad scores refused with the field named, another unit's survey refused), unit isolation of the results,
 * the reminder and 未答复 at the due date, the evaluator's opinion filing the evaluation report, the half-yearly timer
 * in Beijing time, and feedback on reports answered by the provider. Periods in 2036, which no other test uses.
 */
class EvaluationProcessTest extends ProcessTest {

  @Autowired SurveyService surveys;
  @Autowired ReportFeedbackService feedback;
  @Autowired ReportArchive archive;
  @Autowired ObjectMapper json;

  private ProcessInstance survey(String from, String to) {
    setClock(china(to).plusSeconds(86400 + 3600 * 9));
    processEngine.getIdentityService().setAuthentication("mgmt1", List.of(Groups.MANAGEMENT));
    try {
      return processEngine.getRuntimeService().startProcessInstanceByKey("satisfaction-survey",
          map("periodFrom", from, "periodTo", to, "unitCodes", "JTJ, WJW"));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private long surveyId(ProcessInstance pi) {
    return ((Number) processEngine.getRuntimeService().getVariable(pi.getId(), "surveyId")).longValue();
  }

  private JsonNode read(ResponseEntity<String> r) throws Exception {
    return json.readTree(r.getBody());
  }

  @Clause("P3 7.2")
  @Clause("P3 7.3.2 c")
  @Clause("P3 7.4.5")
  @Clause("P3 7.3.1")
  @Clause("P3 7.4.3")
  @Clause("P6 附录 B.1 第 15 项")
  @Clause("P6 附录 B.2 第 6 项")
  @Test
  void aUnitAnswersOverRestTheOtherIsNoReplyAndTheSupervisorsOpinionFilesTheReport() throws Exception {
    ProcessInstance pi = survey("2036-01-01T00:00:00", "2036-06-30T00:00:00");
    long id = surveyId(pi);
    assertThat(surveys.get(id).surveyNo()).isEqualTo("SS-2036-01-01_2036-06-30");
    assertThat(surveys.units(id)).containsExactly("JTJ", "WJW");
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskCandidateGroup("unit-JTJ").count()).isEqualTo(1);

    String path = "/api/surveys/" + id + "/answers";
    ResponseEntity<String> bad = post("jtj1", path, map("attitude", 7, "responseSpeed", 4, "resolution", 4,
        "followUp", 3, "overall", 4));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("attitude", "1–5");
    assertThat(surveys.status(id, "JTJ")).as("nothing changed").isEqualTo(SurveyService.PENDING);
    assertThat(post("wjw1", path, map("unitCode", "JTJ", "attitude", 5, "responseSpeed", 5, "resolution", 5,
        "followUp", 5, "overall", 5)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("mgmt1", path, map("attitude", 5)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    Task jtjTask = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskCandidateGroup("unit-JTJ").singleResult();
    processEngine.getIdentityService().setAuthentication("admin", List.of(Groups.ADMIN));
    try {
      assertThatThrownBy(() -> processEngine.getTaskService().complete(jtjTask.getId(), map("attitude", 5,
          "responseSpeed", 5, "resolution", 5, "followUp", 5, "overall", 5)))
          .as("only the unit answers its survey (decidedBy)").hasMessageContaining("只能由其成员办理");
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }

    ResponseEntity<String> ok = post("jtj1", path, map("attitude", 5, "responseSpeed", 4, "resolution", 4,
        "followUp", 3, "overall", 4, "problems", "夜间故障响应偏慢", "suggestions", "增加夜间值守"));
    assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(read(ok).at("/answer/status").asText()).isEqualTo("ANSWERED");
    assertThat(read(ok).at("/answer/average").asDouble()).isEqualTo(4.0);
    assertThat(post("jtj1", path, map("attitude", 5, "responseSpeed", 5, "resolution", 5, "followUp", 5,
        "overall", 5)).getStatusCode()).as("answered once").isEqualTo(HttpStatus.BAD_REQUEST);

    JsonNode asWjw = read(get("wjw1", "/api/surveys/" + id));
    assertThat(asWjw.at("/results/answers").findValuesAsText("unitCode")).containsExactly("WJW");
    JsonNode asMgmt = read(get("mgmt1", "/api/surveys/" + id));
    assertThat(asMgmt.at("/results/answers").findValuesAsText("unitCode")).containsExactly("JTJ", "WJW");
    assertThat(asMgmt.at("/results/dimensions/responseSpeed").asDouble()).isEqualTo(4.0);

    fire(pi, "Timer_SurveyReminder");
    assertThat(surveys.answersOf(id, new cn.gov.gz.govcloud.access.CurrentUser.Caller("x",
        List.of(Groups.unitGroup("WJW"))))).singleElement().extracting(SurveyService.Answer::reminders).isEqualTo(1);
    fire(pi, "Timer_SurveyExpired");
    assertThat(surveys.status(id, "WJW")).isEqualTo(SurveyService.NO_REPLY);
    assertThat(pi).isWaitingAt("Task_WriteOpinion");
    Task opinion = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(processEngine.getTaskService().getVariable(opinion.getId(), "surveySummary").toString())
        .contains("已答复 1 家，未答复 1 家");

    processEngine.getIdentityService().setAuthentication("supervisor1", List.of(Groups.SUPERVISOR));
    try {
      assertThatThrownBy(() -> processEngine.getTaskService().complete(opinion.getId(), map("evaluationOpinion", "")))
          .isInstanceOf(BadUserRequestException.class).hasMessageContaining("evaluationOpinion");
      processEngine.getTaskService().complete(opinion.getId(), map("evaluationOpinion", "服务总体良好，夜间响应需改进",
          "improvementRequirements", "下季度起夜间双人值守"));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    assertThat(pi).isEnded().hasPassed("EndEvent_Answered", "EndEvent_Reminded", "EndEvent_NoReply",
        "EndEvent_Evaluated");
    SurveyService.Survey closed = surveys.get(id);
    assertThat(closed.status()).isEqualTo("CLOSED");
    assertThat(closed.opinionBy()).isEqualTo("supervisor1");
    ReportDocument d = archive.get(closed.reportId());
    assertThat(d.kind()).isEqualTo(EvaluationReport.KIND);
    assertThat(d.subjectRef()).isEqualTo(closed.surveyNo());
    assertThat(d.version()).isEqualTo(1);
  }

  @Clause("GB 5.3.7 e")
  @Clause("P3 7.1")
  @Test
  void theHalfYearlyScheduleRunsAt9InBeijingAndCoversThePreviousHalfYear() {
    Job timer = processEngine.getManagementService().createJobQuery().processDefinitionKey(
        "satisfaction-survey-schedule").timers().singleResult();
    assertThat(timer).isNotNull();
    ZonedDateTime due = timer.getDuedate().toInstant().atZone(CHINA);
    assertThat(due.getDayOfMonth()).isEqualTo(1);
    assertThat(due.getMonthValue()).isIn(1, 7);
    assertThat(due.getHour()).isEqualTo(9);
    // run twice (a timer job executed again): one survey of the half-year
    setClock(china("2037-01-05T09:00:00"));
    ProcessInstance first = processEngine.getRuntimeService().startProcessInstanceByKey("satisfaction-survey");
    ProcessInstance second = processEngine.getRuntimeService().startProcessInstanceByKey("satisfaction-survey");
    assertThat(first).isWaitingAt("Task_AnswerSurvey");
    assertThat(second).isEnded().hasPassed("EndEvent_AlreadySurveyed");
    assertThat(surveys.get(surveyId(first)).surveyNo()).isEqualTo("SS-2036-07-01_2036-12-31");
    assertThat(OpenSatisfactionSurvey.previousHalfYear(LocalDate.parse("2036-07-01")))
        .containsExactly(LocalDate.parse("2036-01-01"), LocalDate.parse("2036-06-30"));
    assertThat(OpenSatisfactionSurvey.previousHalfYear(LocalDate.parse("2037-01-01")))
        .containsExactly(LocalDate.parse("2036-07-01"), LocalDate.parse("2036-12-31"));
  }

  @Clause("P6 7.6.2.5")
  @Clause("P6 7.6.2.6")
  @Test
  void feedbackOnAReportIsAnsweredAndUnitsSeeOnlyTheirOwn() throws Exception {
    setClock(china("2036-09-01T10:00:00"));
    ReportDocument own = archive.archive("EMERGENCY_RESPONSE", "EM-TEST-FEEDBACK", "应急事件响应报告（测试）", null, "JTJ",
        "r.docx", ReportArchive.DOCX, new byte[] {1}, "engineer1");
    assertThat(post("jtj1", "/api/report-feedback", map("reportId", own.id(), "content", ""))
        .getBody()).contains("feedbackContent");
    ResponseEntity<String> r = post("jtj1", "/api/report-feedback", map("reportId", own.id(),
        "content", "处理过程缺少恢复时间"));
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode f = read(r);
    assertThat(f.get("party").asText()).isEqualTo("UNIT");
    assertThat(f.get("unitCode").asText()).isEqualTo("JTJ");
    assertThat(post("wjw1", "/api/report-feedback", map("reportId", own.id(), "content", "看不到的报告"))
        .getStatusCode()).as("another unit's report").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post("engineer1", "/api/report-feedback", map("reportId", own.id(), "content", "x"))
        .getStatusCode()).as("the provider answers feedback, it does not give it").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(read(get("wjw1", "/api/report-feedback?reportId=" + own.id()))).isEmpty();
    assertThat(read(get("jtj1", "/api/report-feedback?reportId=" + own.id()))).hasSize(1);

    String pid = f.get("processInstanceId").asText();
    Task answer = processEngine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult();
    assertThat(answer.getTaskDefinitionKey()).isEqualTo("Task_AnswerFeedback");
    processEngine.getIdentityService().setAuthentication("manager1", List.of(Groups.OPS_MANAGER));
    try {
      assertThatThrownBy(() -> processEngine.getTaskService().complete(answer.getId(), map("feedbackAction", "X",
          "feedbackAnswer", "好"))).isInstanceOf(BadUserRequestException.class).hasMessageContaining("feedbackAction");
      processEngine.getTaskService().complete(answer.getId(), map("feedbackAction", "REVISE",
          "feedbackAnswer", "已补充恢复时间并重新归档第 2 版"));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    ReportFeedbackService.Feedback done = feedback.get(f.get("id").asLong());
    assertThat(done.status()).isEqualTo("ANSWERED");
    assertThat(done.action()).isEqualTo("REVISE");
    assertThat(done.answeredBy()).isEqualTo("manager1");
    assertThat(feedback.periodSummary(LocalDate.parse("2036-09-01"), LocalDate.parse("2036-09-30")))
        .contains("反馈意见 1 条，已答复 1 条，其中修订报告 1 条");
  }
}
