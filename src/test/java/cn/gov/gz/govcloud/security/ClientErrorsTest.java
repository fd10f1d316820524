package cn.gov.gz.govcloud.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.WebTest;
import cn.gov.gz.govcloud.support.WebappSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17 item 6: what a caller can act on is a 4xx in Chinese that names the field or the task's state, never a 500,
 * and nothing is stored: a task that is gone (the ordinary race of two people), a task already claimed, text too long
 * for its column, object variables, control characters, numbers of the wrong kind, paging out of range.
 */
class ClientErrorsTest extends WebTest {

  static final List<String> INTERNALS = List.of("org.camunda", "java.lang", "Exception:", "SQL", "at org.");

  @Autowired JdbcTemplate jdbc;

  static Map<String, Object> str(String v) {
    return Map.of("value", v, "type", "String");
  }

  static void chineseClientError(ResponseEntity<String> r, int status) {
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
    assertThat(r.getBody()).matches("(?s).*\\p{IsHan}.*");
    INTERNALS.forEach(s -> assertThat(r.getBody()).doesNotContain(s));
  }

  String verificationTask() {
    String pi = processEngine.getRuntimeService().createProcessInstanceByKey("emergency-response")
        .startBeforeActivity("Task_VerifyRecovery").setVariable("verifyGroup", "unit-JTJ").setVariable("unitCode", "JTJ")
        .execute().getId();
    return processEngine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();
  }

  /** A task another person has just finished: its case went on without it. */
  String finishedTask() {
    String task = verificationTask();
    String pi = processEngine.getTaskService().createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
    processEngine.getRuntimeService().deleteProcessInstance(pi, "test");
    return task;
  }

  @Test
  void aTaskThatIsGoneIsNamedAsSuch() {
    String finished = finishedTask();
    for (String task : List.of("no-such-task", finished)) {
      chineseClientError(post("jtj1", "/engine-rest/task/" + task + "/claim", Map.of("userId", "jtj1")), 404);
      chineseClientError(post("jtj1", "/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of())), 404);
      chineseClientError(post("jtj1", "/engine-rest/task/" + task + "/submit-form", Map.of("variables", Map.of())),
          404);
      ResponseEntity<String> comment = post("jtj1", "/engine-rest/task/" + task + "/comment/create",
          Map.of("message", "x"));
      chineseClientError(comment, comment.getStatusCode().value() == 400 ? 400 : 404);
      chineseClientError(post("manager1", "/engine-rest/task/" + task + "/assignee", Map.of("userId", "jtj1")), 404);
      ResponseEntity<String> variable = put("jtj1", "/engine-rest/task/" + task + "/variables/x", str("y"));
      assertThat(variable.getStatusCode().is4xxClientError()).as(variable.getBody()).isTrue();
    }
    WebappSession tasklist = WebappSession.login(port, "tasklist", "jtj1", DEMO_PASSWORD);
    for (String action : List.of("claim", "complete", "submit-form")) {
      var r = tasklist.enginePost("task/" + finished + "/" + action, "{\"userId\":\"jtj1\",\"variables\":{}}");
      assertThat(r.statusCode()).as(action + " " + r.body()).isEqualTo(404);
      assertThat(r.body()).contains("任务不存在或已完成");
    }
  }

  @Test
  void aTaskClaimedBySomeoneElseIsAConflict() {
    String task = verificationTask();
    assertThat(post("jtj1", "/engine-rest/task/" + task + "/claim", Map.of("userId", "jtj1")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    var identity = processEngine.getIdentityService();
    if (identity.createUserQuery().userId("jtj2").count() == 0) {
      var u = identity.newUser("jtj2");
      u.setPassword(DEMO_PASSWORD);
      identity.saveUser(u);
      identity.createMembership("jtj2", "unit-user");
      identity.createMembership("jtj2", "unit-JTJ");
    }
    ResponseEntity<String> r = post("jtj2", "/engine-rest/task/" + task + "/claim", Map.of("userId", "jtj2"));
    chineseClientError(r, 409);
    assertThat(r.getBody()).contains("jtj1");
  }

  @Test
  void tooLongTextObjectsAndControlCharactersAreRefusedByName() {
    String task = verificationTask();
    ResponseEntity<String> hundredKb = post("jtj1", "/engine-rest/task/" + task + "/complete", Map.of("variables",
        Map.of("verifyDecision", str("RECOVERED"), "verifyComment", str("评".repeat(100_000)))));
    chineseClientError(hundredKb, 400);
    assertThat(hundredKb.getBody()).contains("verifyComment");
    ResponseEntity<String> javaObject = post("jtj1", "/engine-rest/task/" + task + "/complete", Map.of("variables",
        Map.of("verifyComment", Map.of("value", "rO0ABXQAAXg=", "type", "Object",
            "valueInfo", Map.of("objectTypeName", "java.lang.String",
                "serializationDataFormat", "application/x-java-serialized-object")))));
    chineseClientError(javaObject, 400);
    assertThat(javaObject.getBody()).contains("verifyComment");
    ResponseEntity<String> jsonObject = post("jtj1", "/engine-rest/task/" + task + "/complete", Map.of("variables",
        Map.of("verifyComment", Map.of("value", "{}", "type", "Object",
            "valueInfo", Map.of("objectTypeName", "java.util.HashMap",
                "serializationDataFormat", "application/json")))));
    chineseClientError(jsonObject, 400);
    ResponseEntity<String> nul = post("jtj1", "/engine-rest/task/" + task + "/complete", Map.of("variables",
        Map.of("verifyComment", str("正常\u0000"))));
    chineseClientError(nul, 400);
    assertThat(nul.getBody()).contains("verifyComment");
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(task).count()).isOne();

    long cases = jdbc.queryForObject("SELECT COUNT(*) FROM emergency", Long.class);
    ResponseEntity<String> apiNul = post("desk1", "/api/emergencies", Map.of("businessSystemCode", "JTJ-TOCC",
        "category", "INTERRUPTION", "description", "中断\u0000"));
    chineseClientError(apiNul, 400);
    assertThat(apiNul.getBody()).contains("description");
    ResponseEntity<String> unitNul = post("mgmt1", "/api/units", Map.of("code", "NUL1", "name", "单位\u0000"));
    chineseClientError(unitNul, 400);
    assertThat(unitNul.getBody()).contains("name");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM emergency", Long.class)).isEqualTo(cases);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM org_unit WHERE code = 'NUL1'", Long.class)).isZero();
  }

  @Test
  void aFractionIsNotAWholeNumber() {
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM resource_application", Long.class);
    ResponseEntity<String> r = post("jtj1", "/api/resource-applications", Map.of("businessSystemCode", "JTJ-OA",
        "purpose", "扩容", "lines", List.of(Map.of("type", "VM", "vcpu", 1.5, "memoryGb", 8, "quantity", 1))));
    chineseClientError(r, 400);
    assertThat(r.getBody()).contains("lines[0].vcpu").contains("整数");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resource_application", Long.class)).isEqualTo(before);
  }

  @Test
  void pagingOutOfRangeIsRefusedByName() {
    chineseClientError(get("desk1", "/api/emergencies?size=1000000"), 400);
    assertThat(get("desk1", "/api/emergencies?size=1000000").getBody()).contains("size");
    chineseClientError(get("desk1", "/api/emergencies?page=-1"), 400);
    assertThat(get("desk1", "/api/emergencies?page=-1").getBody()).contains("page");
    chineseClientError(get("desk1", "/api/emergencies?status=NONSENSE"), 400);
    assertThat(get("desk1", "/api/emergencies?page=0&size=1").getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
