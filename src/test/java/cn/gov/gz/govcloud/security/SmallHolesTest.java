package cn.gov.gz.govcloud.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.WebTest;
import cn.gov.gz.govcloud.support.WebappSession;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/** Issue 17 item 7: the smaller holes, each closed and proved. */
class SmallHolesTest extends WebTest {

  @Autowired JdbcTemplate jdbc;

  String task() {
    String pi = processEngine.getRuntimeService().createProcessInstanceByKey("emergency-response")
        .startBeforeActivity("Task_VerifyRecovery").setVariable("verifyGroup", "unit-JTJ").setVariable("unitCode", "JTJ")
        .execute().getId();
    return processEngine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();
  }

  @Test
  void webappApiErrorsShowNoEngineInternals() {
    WebappSession tasklist = WebappSession.login(port, "tasklist", "desk1", DEMO_PASSWORD);
    for (var r : List.of(tasklist.enginePost("filter/no-such-filter/list", "{}"),
        tasklist.enginePost("task", "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass()}\"}]}"),
        tasklist.enginePost("task/no-such-task/complete", "{\"variables\":{}}"),
        tasklist.engineGet("process-definition/no-such-definition/xml"))) {
      assertThat(r.statusCode()).isGreaterThanOrEqualTo(400);
      assertThat(r.body()).doesNotContain("org.camunda").doesNotContain("Unable to resolve expression")
          .doesNotContain("getClass").matches("(?s).*\\p{IsHan}.*");
    }
  }

  ResponseEntity<String> deployDecision(String language) {
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="d" name="d" namespace="x">
          <decision id="scripted-%1$s" name="脚本决策" camunda:historyTimeToLive="1">
            <decisionTable id="t">
              <input id="i"><inputExpression id="ie" typeRef="string" expressionLanguage="%1$s">
                <text>java.lang.System.exit(1)</text></inputExpression></input>
              <output id="o" name="r" typeRef="string" />
              <rule id="r1"><inputEntry id="e1"><text>-</text></inputEntry><outputEntry id="o1"><text>"x"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(language);
    HttpHeaders headers = basicAuth("admin");
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("deployment-name", "scripted");
    body.add("data", new ByteArrayResource(dmn.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "scripted.dmn";
      }
    });
    return rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  @Test
  void decisionsInAScriptLanguageAreRefusedAtDeployment() {
    for (String language : List.of("javascript", "groovy", "python", "JavaScript")) {
      ResponseEntity<String> r = deployDecision(language);
      assertThat(r.getStatusCode()).as(language + ": " + r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(r.getBody()).contains("FEEL");
      assertThat(processEngine.getRepositoryService().createDecisionDefinitionQuery()
          .decisionDefinitionKey("scripted-" + language).count()).isZero();
    }
    ResponseEntity<String> feel = deployDecision("feel");
    assertThat(feel.getStatusCode()).as(feel.getBody()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theSupervisorNeitherCommentsNorSignals() {
    String task = task();
    assertThat(post("supervisor1", "/engine-rest/task/" + task + "/comment/create", Map.of("message", "监理意见"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(processEngine.getTaskService().getTaskComments(task)).isEmpty();
    if (processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("variable-probe")
        .count() == 0) {
      processEngine.getRepositoryService().createDeployment().name("variable-probe")
          .addClasspathResource("fixtures/variable-probe.bpmn")
          .addClasspathResource("fixtures/variable-probe-start.form")
          .addClasspathResource("fixtures/variable-probe-task.form").deploy();
    }
    String pi = processEngine.getRuntimeService().startProcessInstanceByKey("variable-probe",
        Map.of("checkGroup", "ops-engineer")).getId();
    String engineersTask = processEngine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult()
        .getId();
    assertThat(post("supervisor1", "/engine-rest/task/" + engineersTask + "/comment/create",
        Map.of("message", "监理意见")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> byCandidate = post("engineer1", "/engine-rest/task/" + engineersTask
        + "/comment/create", Map.of("message", "已核对"));
    assertThat(byCandidate.getStatusCode()).as(byCandidate.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(post("supervisor1", "/engine-rest/signal", Map.of("name", "anything")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("supervisor1", "/engine-rest/message", Map.of("messageName", "anything")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("desk1", "/engine-rest/signal", Map.of("name", "anything")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void engineStatisticsAreForStaffOnly() {
    String definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("emergency-response").latestVersion().singleResult().getId();
    for (String path : List.of("/engine-rest/process-definition/statistics",
        "/engine-rest/process-definition/key/emergency-response/statistics",
        "/engine-rest/process-definition/" + definition + "/statistics",
        "/engine-rest/history/process-definition/" + definition + "/statistics",
        "/engine-rest/deployment/statistics",
        "/engine-rest/history/process-instance/report?reportType=duration&periodUnit=month",
        "/engine-rest/history/task/report?reportType=count&groupBy=processDefinition")) {
      ResponseEntity<String> unit = get("jtj1", path);
      assertThat(unit.getStatusCode().value()).as(path + " " + unit.getBody()).isIn(403, 404);
      assertThat(unit.getBody()).doesNotContain("\"instances\"");
    }
    assertThat(get("desk1", "/engine-rest/process-definition/statistics").getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void runningTheMonthlyScheduleTwiceMakesOneReviewOfTheMonth() {
    String month = YearMonth.from(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))).minusMonths(1).toString();
    var management = processEngine.getManagementService();
    for (int run = 0; run < 2; run++) {
      String definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey("optimization-review-schedule").latestVersion().singleResult().getId();
      Job timer = management.createJobQuery().processDefinitionId(definition).timers().singleResult();
      management.executeJob(timer.getId());
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM optimization_review WHERE month_key = ?", Long.class, month))
        .isOne();
    ClockUtil.reset();
  }
}
