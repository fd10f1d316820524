package cn.gov.gz.govcloud.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import cn.gov.gz.govcloud.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A using unit's user sees its own unit's process instances and tasks only (DOMAIN.md §1). */
class UnitIsolationTest extends WebTest {

  static final String KEY = "isolation-probe";

  @Autowired
  ObjectMapper json;

  @BeforeEach
  void deployProbe() {
    var repository = processEngine.getRepositoryService();
    repository.createDeployment().name("isolation-probe.bpmn").enableDuplicateFiltering(false)
        .addClasspathResource("fixtures/isolation-probe.bpmn").deploy();
    AccessSeeder.grant(processEngine.getAuthorizationService(), Groups.UNIT_USER, Resources.PROCESS_DEFINITION, KEY,
        Permissions.READ, Permissions.CREATE_INSTANCE);
  }

  private String start(String user, Object body) throws Exception {
    ResponseEntity<String> started = post(user, "/engine-rest/process-definition/key/" + KEY + "/start", body);
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(started.getBody()).get("id").asText();
  }

  @Clause("GB 8.4.2 i")
  @Clause("GB 8.4.3 d 1")
  @Clause("P6 7.4.1.3 d")
  @Test
  void anotherUnitCannotSeeTheInstanceOrItsTasks() throws Exception {
    String id = start("jtj1", map());

    assertThat(processEngine.getRuntimeService().getVariable(id, "unitCode")).isEqualTo("JTJ");
    assertThat(get("jtj1", "/engine-rest/process-instance/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("wjw1", "/engine-rest/process-instance/" + id).getStatusCode().is2xxSuccessful()).isFalse();

    JsonNode seenByOther = json.readTree(get("wjw1", "/engine-rest/process-instance?processDefinitionKey=" + KEY)
        .getBody());
    assertThat(seenByOther.findValuesAsText("id")).doesNotContain(id);
    JsonNode seenByOwner = json.readTree(get("jtj1", "/engine-rest/process-instance?processDefinitionKey=" + KEY)
        .getBody());
    assertThat(seenByOwner.findValuesAsText("id")).contains(id);

    JsonNode ownTasks = json.readTree(get("jtj1", "/engine-rest/task?processInstanceId=" + id).getBody());
    assertThat(ownTasks).hasSize(1);
    JsonNode otherTasks = json.readTree(get("wjw1", "/engine-rest/task?processInstanceId=" + id).getBody());
    assertThat(otherTasks).isEmpty();

    JsonNode staffView = json.readTree(get("desk1", "/engine-rest/process-instance?processDefinitionKey=" + KEY)
        .getBody());
    assertThat(staffView.findValuesAsText("id")).contains(id);
  }

  @Test
  void inTasklistAnotherUnitSeesNeitherTheTaskNorTheInstance() throws Exception {
    String id = start("jtj1", map());

    WebappSession own = WebappSession.login(port, "tasklist", "jtj1", DEMO_PASSWORD);
    assertThat(json.readTree(own.engineGet("task?processInstanceId=" + id).body())).hasSize(1);

    WebappSession other = WebappSession.login(port, "tasklist", "wjw1", DEMO_PASSWORD);
    assertThat(json.readTree(other.engineGet("task?processInstanceId=" + id).body())).isEmpty();
    assertThat(other.engineGet("process-instance/" + id).statusCode()).isNotEqualTo(200);
    String filterId = json.readTree(other.engineGet("filter?resourceType=Task&name=" + "%E6%88%91%E7%9A%84%E7%BB%84%E4%BB%BB%E5%8A%A1")
        .body()).get(0).get("id").asText();
    var listed = other.enginePost("filter/" + filterId + "/list?firstResult=0&maxResults=500", "{}");
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).doesNotContain(id);
  }

  @Test
  void aUnitUserCannotStartInTheNameOfAnotherUnit() {
    ResponseEntity<String> started = post("jtj1", "/engine-rest/process-definition/key/" + KEY + "/start",
        map("variables", map("unitCode", map("value", "WJW", "type", "String"))));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(started.getBody()).contains("unitCode");
  }

  @Test
  void staffMayStartForAKnownUnitOnly() throws Exception {
    AccessSeeder.grant(processEngine.getAuthorizationService(), Groups.SERVICE_DESK, Resources.PROCESS_DEFINITION,
        KEY, Permissions.READ, Permissions.CREATE_INSTANCE);
    ResponseEntity<String> unknown = post("desk1", "/engine-rest/process-definition/key/" + KEY + "/start",
        map("variables", map("unitCode", map("value", "NOPE", "type", "String"))));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    String id = start("desk1", map("variables", map("unitCode", map("value", "WJW", "type", "String"))));
    assertThat(get("wjw1", "/engine-rest/process-instance/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("jtj1", "/engine-rest/process-instance/" + id).getStatusCode().is2xxSuccessful()).isFalse();
  }

  @Test
  void supervisorReadsButCannotStartOrComplete() throws Exception {
    String id = start("jtj1", map());
    assertThat(get("supervisor1", "/engine-rest/process-instance/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> start = post("supervisor1", "/engine-rest/process-definition/key/" + KEY + "/start",
        map());
    assertThat(start.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    String taskId = json.readTree(get("supervisor1", "/engine-rest/task?processInstanceId=" + id).getBody())
        .get(0).get("id").asText();
    ResponseEntity<String> complete = post("supervisor1", "/engine-rest/task/" + taskId + "/complete", map());
    assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
