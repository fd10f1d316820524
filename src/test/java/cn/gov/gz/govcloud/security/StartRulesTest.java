package cn.gov.gz.govcloud.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.gz.govcloud.support.WebTest;
import cn.gov.gz.govcloud.support.WebappSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17 item 2: the rules of a start (the system belongs to the unit, required fields, sizes, one open case per
 * alert) hold on every path that starts a process: our REST API, the engine REST API, Tasklist's start form (the
 * webapps' API), and a call activity from another process.
 */
class StartRulesTest extends WebTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  static Map<String, Object> str(String v) {
    return Map.of("value", v, "type", "String");
  }

  static Map<String, Object> emergency(String system) {
    return Map.of("businessSystemCode", str(system), "category", str("INTERRUPTION"),
        "description", str("全部业务中断"));
  }

  long cases() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM emergency", Long.class);
  }

  long instances(String key) {
    return processEngine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(key).count();
  }

  @Test
  void aUnitCannotOpenACaseOnAnotherUnitsSystemOnAnyPath() {
    long cases = cases();
    long emergencies = instances("emergency-response");
    long orders = instances("work-order");
    long applications = instances("resource-application-review");
    List<ResponseEntity<String>> refused = List.of(
        post("jtj1", "/api/emergencies", Map.of("businessSystemCode", "WJW-HIS", "category", "INTERRUPTION",
            "description", "x")),
        post("jtj1", "/engine-rest/process-definition/key/emergency-response/start",
            Map.of("variables", emergency("WJW-HIS"))),
        post("jtj1", "/engine-rest/process-definition/key/emergency-response/submit-form",
            Map.of("variables", emergency("WJW-HIS"))),
        post("jtj1", "/engine-rest/process-definition/key/work-order/submit-form", Map.of("variables", Map.of(
            "businessSystemCode", str("WJW-HIS"), "type", str("FAULT"), "priority", str("HIGH"),
            "channel", str("PORTAL"), "title", str("x"), "description", str("x")))),
        post("jtj1", "/engine-rest/process-definition/key/resource-application-review/submit-form",
            Map.of("variables", Map.of("businessSystemCode", str("WJW-HIS"), "purpose", str("x"),
                "line1Type", str("VM"), "line1Vcpu", Map.of("value", 4, "type", "Integer")))));
    for (ResponseEntity<String> r : refused) {
      assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(r.getBody()).contains("businessSystemCode");
    }
    WebappSession tasklist = WebappSession.login(port, "tasklist", "jtj1", DEMO_PASSWORD);
    var startForm = tasklist.enginePost("process-definition/key/emergency-response/submit-form",
        "{\"variables\":{\"businessSystemCode\":{\"value\":\"WJW-HIS\",\"type\":\"String\"},"
            + "\"category\":{\"value\":\"INTERRUPTION\",\"type\":\"String\"},"
            + "\"description\":{\"value\":\"x\",\"type\":\"String\"}}}");
    assertThat(startForm.statusCode()).isEqualTo(400);
    assertThat(startForm.body()).contains("businessSystemCode").doesNotContain("org.camunda");

    assertThat(cases()).isEqualTo(cases);
    assertThat(instances("emergency-response")).isEqualTo(emergencies);
    assertThat(instances("work-order")).isEqualTo(orders);
    assertThat(instances("resource-application-review")).isEqualTo(applications);

    // the unit's own system works on the same path
    ResponseEntity<String> own = post("jtj1", "/engine-rest/process-definition/key/emergency-response/start",
        Map.of("variables", emergency("JTJ-OA")));
    assertThat(own.getStatusCode()).as(own.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(cases()).isEqualTo(cases + 1);
  }

  @Test
  void staffCannotFileOneUnitsSystemUnderAnother() {
    ResponseEntity<String> r = post("desk1", "/engine-rest/process-definition/key/work-order/start",
        Map.of("variables", Map.of("unitCode", str("JTJ"), "businessSystemCode", str("WJW-HIS"),
            "type", str("FAULT"), "priority", str("HIGH"), "channel", str("HOTLINE"), "title", str("x"),
            "description", str("x"))));
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getBody()).contains("businessSystemCode").contains("不属于");
  }

  @Test
  void aCallActivityCannotEither() {
    String key = "call-probe-" + UUID.randomUUID().toString().substring(0, 8);
    processEngine.getRepositoryService().createDeployment().name(key).addModelInstance(key + ".bpmn",
        Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
            .callActivity("CallActivity_Emergency").calledElement("emergency-response")
            .camundaIn("businessSystemCode", "businessSystemCode").camundaIn("unitCode", "unitCode")
            .camundaIn("category", "category").camundaIn("description", "description")
            .endEvent().done()).deploy();
    long cases = cases();
    Map<String, Object> v = new HashMap<>(Map.of("businessSystemCode", "WJW-HIS", "unitCode", "JTJ",
        "category", "INTERRUPTION", "description", "x"));
    assertThatThrownBy(() -> processEngine.getRuntimeService().startProcessInstanceByKey(key, v))
        .hasMessageContaining("businessSystemCode");
    assertThat(cases()).isEqualTo(cases);
  }

  @Test
  void requiredFieldsAndSizesHoldOnEveryPath() {
    long cases = cases();
    Map<String, Object> noDescription = Map.of("businessSystemCode", str("JTJ-TOCC"), "category", str("INTERRUPTION"));
    ResponseEntity<String> missing = post("desk1", "/engine-rest/process-definition/key/emergency-response/start",
        Map.of("variables", noDescription));
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(missing.getBody()).contains("description");
    Map<String, Integer> limits = Map.of("reporter", 64, "contact", 100, "scope", 1000, "measuresTaken", 2000);
    for (var limit : limits.entrySet()) {
      String tooLong = "长".repeat(limit.getValue() + 1);
      Map<String, Object> api = new HashMap<>(Map.of("businessSystemCode", "JTJ-TOCC", "category", "INTERRUPTION",
          "description", "x"));
      api.put(limit.getKey(), tooLong);
      ResponseEntity<String> viaApi = post("desk1", "/api/emergencies", api);
      assertThat(viaApi.getStatusCode()).as(limit.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(viaApi.getBody()).contains(limit.getKey());
      Map<String, Object> engine = new HashMap<>(emergency("JTJ-TOCC"));
      engine.put(limit.getKey(), str(tooLong));
      ResponseEntity<String> viaEngine = post("desk1",
          "/engine-rest/process-definition/key/emergency-response/start", Map.of("variables", engine));
      assertThat(viaEngine.getStatusCode()).as(limit.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(viaEngine.getBody()).contains(limit.getKey());
    }
    assertThat(cases()).isEqualTo(cases);
  }

  @Test
  void aRepeatedAlertJoinsItsOpenCaseOnTheEngineRestPathToo() throws Exception {
    String alert = "ALM-" + UUID.randomUUID();
    Map<String, Object> v = new HashMap<>(emergency("JTJ-TOCC"));
    v.put("alertRef", str(alert));
    ResponseEntity<String> first = post("desk1", "/engine-rest/process-definition/key/emergency-response/start",
        Map.of("variables", v));
    assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> second = post("desk1", "/engine-rest/process-definition/key/emergency-response/start",
        Map.of("variables", v));
    assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(HttpStatus.OK);
    String secondId = json.readTree(second.getBody()).get("id").asText();
    HistoricProcessInstance joined = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(secondId).singleResult();
    assertThat(joined.getEndActivityId()).isEqualTo("EndEvent_JoinedExisting");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM emergency WHERE alert_ref = ?", Long.class, alert))
        .isOne();
    assertThat(jdbc.queryForObject("SELECT occurrences FROM emergency WHERE alert_ref = ?", Integer.class, alert))
        .isEqualTo(2);
  }
}
