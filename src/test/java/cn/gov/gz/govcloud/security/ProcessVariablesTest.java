package cn.gov.gz.govcloud.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.WebTest;
import cn.gov.gz.govcloud.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 17 item 4: variables that steer a process (routing, units, deadlines, outcomes) are written by the process
 * only. The variables endpoints are closed to every caller, the administrator included, on the engine REST API and the
 * webapps' API; a completion may set only the fields of the task's form (read-only ones only unchanged); a start only
 * those of the start form and the declared intake; a deadline is not the candidate's to move.
 */
class ProcessVariablesTest extends WebTest {

  @Autowired ObjectMapper json;

  @BeforeEach
  void deployProbe() {
    if (processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("variable-probe")
        .count() == 0) {
      processEngine.getRepositoryService().createDeployment().name("variable-probe")
          .addClasspathResource("fixtures/variable-probe.bpmn")
          .addClasspathResource("fixtures/variable-probe-start.form")
          .addClasspathResource("fixtures/variable-probe-task.form").deploy();
    }
  }

  static Map<String, Object> str(String v) {
    return Map.of("value", v, "type", "String");
  }

  /** An emergency at the unit's verification, its verification group the reporting unit's. */
  ProcessInstance verification() {
    return processEngine.getRuntimeService().createProcessInstanceByKey("emergency-response")
        .startBeforeActivity("Task_VerifyRecovery")
        .setVariable("verifyGroup", "unit-JTJ").setVariable("unitCode", "JTJ").execute();
  }

  String taskOf(String pi) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();
  }

  @Test
  void nobodyRewritesARoutingVariableThroughTheVariablesEndpoints() {
    ProcessInstance pi = verification();
    String task = taskOf(pi.getId());
    Map<String, Object> other = str("unit-WJW");
    List<ResponseEntity<String>> attempts = List.of(
        put("jtj1", "/engine-rest/task/" + task + "/variables/verifyGroup", other),
        post("jtj1", "/engine-rest/task/" + task + "/variables", Map.of("modifications", Map.of("verifyGroup", other))),
        put("jtj1", "/engine-rest/task/" + task + "/localVariables/verifyGroup", other),
        exchange("jtj1", HttpMethod.DELETE, "/engine-rest/task/" + task + "/variables/verifyGroup", null),
        put("manager1", "/engine-rest/task/" + task + "/variables/verifyGroup", other),
        put("admin", "/engine-rest/process-instance/" + pi.getId() + "/variables/verifyGroup", other),
        post("admin", "/engine-rest/process-instance/" + pi.getId() + "/variables",
            Map.of("modifications", Map.of("verifyGroup", other))),
        put("admin", "/engine-rest/execution/" + pi.getId() + "/localVariables/verifyGroup", other));
    for (ResponseEntity<String> r : attempts) {
      assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(r.getBody()).contains("流程变量只能由流程本身或任务表单修改");
    }
    WebappSession tasklist = WebappSession.login(port, "tasklist", "jtj1", DEMO_PASSWORD);
    var viaTasklist = tasklist.enginePut("task/" + task + "/variables/verifyGroup",
        "{\"value\":\"unit-WJW\",\"type\":\"String\"}");
    assertThat(viaTasklist.statusCode()).isEqualTo(403);
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "verifyGroup")).isEqualTo("unit-JTJ");
  }

  @Test
  void aCompletionSetsOnlyItsFormsFields() {
    ProcessInstance pi = verification();
    String task = taskOf(pi.getId());
    ResponseEntity<String> sneaky = post("jtj1", "/engine-rest/task/" + task + "/complete", Map.of("variables",
        Map.of("verifyDecision", str("RECOVERED"), "verifyGroup", str("unit-WJW"))));
    assertThat(sneaky.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(sneaky.getBody()).contains("verifyGroup").contains("表单");
    ResponseEntity<String> submit = post("jtj1", "/engine-rest/task/" + task + "/submit-form", Map.of("variables",
        Map.of("verifyDecision", str("RECOVERED"), "onDutyGroup", str("unit-JTJ"))));
    assertThat(submit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(submit.getBody()).contains("onDutyGroup");
    WebappSession tasklist = WebappSession.login(port, "tasklist", "jtj1", DEMO_PASSWORD);
    var viaTasklist = tasklist.enginePost("task/" + task + "/submit-form",
        "{\"variables\":{\"verifyDecision\":{\"value\":\"RECOVERED\",\"type\":\"String\"},"
            + "\"unitCode\":{\"value\":\"WJW\",\"type\":\"String\"}}}");
    assertThat(viaTasklist.statusCode()).isEqualTo(400);
    assertThat(viaTasklist.body()).contains("unitCode");
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(task).count()).isOne();
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "verifyGroup")).isEqualTo("unit-JTJ");
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "unitCode")).isEqualTo("JTJ");
  }

  @Test
  void formFieldsListsAndGroupsAreAcceptedAndReadOnlyOnesOnlyUnchanged() {
    String pi = processEngine.getRuntimeService().startProcessInstanceByKey("variable-probe",
        Map.of("title", "原标题", "checkGroup", "ops-engineer")).getId();
    String task = taskOf(pi);
    ResponseEntity<String> changed = post("engineer1", "/engine-rest/task/" + task + "/complete",
        Map.of("variables", Map.of("title", str("改过的标题"), "note", str("已核对"))));
    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(changed.getBody()).contains("title").contains("只读");
    ResponseEntity<String> fine = post("engineer1", "/engine-rest/task/" + task + "/complete", Map.of("variables",
        Map.of("title", str("原标题"), "note", str("已核对"),
            "detail", Map.of("value", "{\"code\":\"A1\"}", "type", "Json"),
            "rows", Map.of("value", "[{\"item\":\"x\"}]", "type", "Json"))));
    assertThat(fine.getStatusCode()).as(fine.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi)
        .variableName("note").singleResult().getValue()).isEqualTo("已核对");
  }

  @Test
  void aStartSetsOnlyTheStartFormsFieldsAndTheDeclaredIntake() {
    AccessSeeder.grant(processEngine.getAuthorizationService(), "service-desk",
        org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, "variable-probe",
        org.camunda.bpm.engine.authorization.Permissions.READ,
        org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE);
    long before = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("variable-probe").count();
    ResponseEntity<String> extra = post("desk1", "/engine-rest/process-definition/key/variable-probe/start",
        Map.of("variables", Map.of("title", str("t"), "checkGroup", str("ops-engineer"), "dueAt", str("x"))));
    assertThat(extra.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(extra.getBody()).contains("dueAt");
    ResponseEntity<String> declared = post("desk1", "/engine-rest/process-definition/key/variable-probe/start",
        Map.of("variables", Map.of("title", str("t"), "checkGroup", str("ops-engineer"), "externalRef", str("R1"))));
    assertThat(declared.getStatusCode()).as(declared.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("variable-probe").count()).isEqualTo(before + 1);

    ResponseEntity<String> routing = post("desk1", "/engine-rest/process-definition/key/emergency-response/start",
        Map.of("variables", Map.of("businessSystemCode", str("JTJ-TOCC"), "category", str("INTERRUPTION"),
            "description", str("x"), "onDutyGroup", str("service-desk"))));
    assertThat(routing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(routing.getBody()).contains("onDutyGroup");
    ResponseEntity<String> drill = post("desk1", "/engine-rest/process-definition/key/emergency-response/start",
        Map.of("variables", Map.of("businessSystemCode", str("JTJ-TOCC"), "category", str("INTERRUPTION"),
            "description", str("x"), "drill", Map.of("value", true, "type", "Boolean"))));
    assertThat(drill.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void startingAtAnActivityIsForAdministratorsOnly() {
    long before = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("emergency-response").count();
    ResponseEntity<String> r = post("jtj1", "/engine-rest/process-definition/key/emergency-response/start",
        Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_VerifyRecovery")),
            "skipCustomListeners", true, "variables", Map.of("verifyGroup", str("unit-JTJ"))));
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("emergency-response").count()).isEqualTo(before);
  }

  @Test
  void aCandidateCannotMoveTheTasksDeadline() throws Exception {
    ProcessInstance pi = verification();
    String task = taskOf(pi.getId());
    JsonNode t = json.readTree(get("jtj1", "/engine-rest/task/" + task).getBody());
    Map<String, Object> edited = new java.util.HashMap<>();
    edited.put("name", t.get("name").asText());
    edited.put("priority", t.get("priority").asInt());
    edited.put("due", "2099-01-01T00:00:00.000+0800");
    for (String user : List.of("jtj1", "manager1")) {
      ResponseEntity<String> r = put(user, "/engine-rest/task/" + task, edited);
      assertThat(r.getStatusCode()).as(user + " " + r.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(task).singleResult().getDueDate()).isNull();
  }
}
