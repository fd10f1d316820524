package cn.gov.gz.govcloud.resourceapplication;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** An application over REST only, as a portal and the people in Tasklist would walk it. */
class ResourceApplicationApiTest extends WebTest {

  @Autowired
  ObjectMapper json;

  /** A fresh unit with a system and a user of its own (so no other test's idle VMs apply). */
  String[] freshUnitWithUser() {
    String code = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    assertThat(post("mgmt1", "/api/units", Map.of("code", code, "name", "门户测试单位" + code)).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(post("mgmt1", "/api/business-systems", Map.of("code", code + "-SYS", "name", "门户系统", "unitCode", code,
        "importance", "IMPORTANT", "serviceLevel", 2)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String userId = code.toLowerCase() + "user";
    var identity = processEngine.getIdentityService();
    User u = identity.newUser(userId);
    u.setPassword(DEMO_PASSWORD);
    u.setEmail(userId + "@example.org");
    identity.saveUser(u);
    identity.createMembership(userId, "unit-user");
    identity.createMembership(userId, "unit-" + code);
    return new String[] {code, code + "-SYS", userId};
  }

  static Map<String, Object> application(String ref, String unit, String system) {
    return Map.of("externalRef", ref, "unitCode", unit, "businessSystemCode", system, "purpose", "新业务上线",
        "urgency", "NORMAL", "lines", List.of(Map.of("type", "VM", "vcpu", 8, "memoryGb", 32, "os", "麒麟 V10",
            "quantity", 1)));
  }

  private String taskId(String user, String instanceId, String key) throws Exception {
    JsonNode tasks = json.readTree(get(user, "/engine-rest/task?processInstanceId=" + instanceId
        + "&taskDefinitionKey=" + key).getBody());
    assertThat(tasks).as(user + " sees " + key).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private void complete(String user, String instanceId, String key, Map<String, Object> variables) throws Exception {
    ResponseEntity<String> done = post(user, "/engine-rest/task/" + taskId(user, instanceId, key) + "/complete",
        Map.of("variables", variables));
    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  static Map<String, Object> str(String v) {
    return Map.of("value", v, "type", "String");
  }

  @Clause("GB 8.4.4 d")
  @Clause("P6 7.2.2.1")
  @Test
  void aPortalAppliesThePeopleWalkTheTasksAndTheResourcesAreInTheLedger() throws Exception {
    String[] unit = freshUnitWithUser();
    String ref = "PORTAL-" + UUID.randomUUID();
    ResponseEntity<String> applied = post(unit[2], "/api/resource-applications", application(ref, unit[0], unit[1]));
    assertThat(applied.getStatusCode()).as(applied.getBody()).isEqualTo(HttpStatus.CREATED);
    String no = json.readTree(applied.getBody()).get("applicationNo").asText();
    String pi = json.readTree(applied.getBody()).get("processInstanceId").asText();

    complete("engineer1", pi, "Task_TechnicalReview", Map.of("reviewDecision", str("APPROVE")));
    complete("mgmt1", pi, "Task_ManagementApproval", Map.of("approvalDecision", str("APPROVE")));
    String instance = "ecs-" + UUID.randomUUID().toString().substring(0, 8);
    complete("operator1", pi, "Task_DeliverResources", Map.of("deliveries", Map.of("type", "Json",
        "value", "[{\"lineNo\":1,\"resourceId\":\"" + instance + "\",\"ip\":\"10.20.30.40\",\"location\":\"B02-11\"}]")));
    complete(unit[2], pi, "Task_ConfirmReceipt", Map.of("receiptDecision", str("CONFIRMED")));

    JsonNode detail = json.readTree(get(unit[2], "/api/resource-applications/" + no).getBody());
    assertThat(detail.get("application").get("status").asText()).isEqualTo("DELIVERED");
    assertThat(detail.get("ledger").findValuesAsText("resourceId")).containsExactly(instance);
    JsonNode inLedger = json.readTree(get(unit[2], "/api/ledger?unitCode=" + unit[0]).getBody());
    assertThat(inLedger.findValuesAsText("ip")).containsExactly("10.20.30.40");

    assertThat(get("wjw1", "/api/resource-applications/" + no).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("wjw1", "/api/ledger?unitCode=" + unit[0]).getBody()).isEqualTo("[]");
    assertThat(get("wjw1", "/engine-rest/process-instance/" + pi).getStatusCode().is2xxSuccessful()).isFalse();
  }

  @Test
  void theSameExternalReferenceNeverMakesASecondApplicationEvenConcurrently() throws Exception {
    String[] unit = freshUnitWithUser();
    String ref = "PORTAL-" + UUID.randomUUID();
    ResponseEntity<String> first = post(unit[2], "/api/resource-applications", application(ref, unit[0], unit[1]));
    ResponseEntity<String> again = post(unit[2], "/api/resource-applications", application(ref, unit[0], unit[1]));
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(again.getBody()).get("existing").asBoolean()).isTrue();
    assertThat(json.readTree(again.getBody()).get("applicationNo").asText())
        .isEqualTo(json.readTree(first.getBody()).get("applicationNo").asText());

    String racing = "PORTAL-" + UUID.randomUUID();
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Callable<ResponseEntity<String>>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        calls.add(() -> {
          go.await();
          return post(unit[2], "/api/resource-applications", application(racing, unit[0], unit[1]));
        });
      }
      List<Future<ResponseEntity<String>>> futures = calls.stream().map(pool::submit).toList();
      go.countDown();
      Set<String> numbers = new HashSet<>();
      int created = 0;
      for (Future<ResponseEntity<String>> f : futures) {
        ResponseEntity<String> r = f.get();
        assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isTrue();
        created += r.getStatusCode() == HttpStatus.CREATED ? 1 : 0;
        numbers.add(json.readTree(r.getBody()).get("applicationNo").asText());
      }
      assertThat(created).isEqualTo(1);
      assertThat(numbers).hasSize(1);
      assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(racing)
          .count()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badInputAnswers400NamingTheFieldAndStartsNothing() throws Exception {
    String ref = "PORTAL-" + UUID.randomUUID();
    ResponseEntity<String> bad = post("desk1", "/api/resource-applications", Map.of("externalRef", ref,
        "unitCode", "JTJ", "businessSystemCode", "WJW-HIS", "urgency", "ASAP",
        "lines", List.of(Map.of("type", "SPACESHIP", "quantity", 0))));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(bad.getBody()).get("errors").findValuesAsText("field"))
        .contains("businessSystemCode", "purpose", "urgency", "lines.type", "lines.quantity");
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ref).count())
        .isZero();
    ResponseEntity<String> otherUnit = post("jtj1", "/api/resource-applications", application(ref, "WJW", "WJW-HIS"));
    assertThat(otherUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(otherUnit.getBody()).contains("unitCode");
    ResponseEntity<String> notJson = post("desk1", "/api/resource-applications", "{\"lines\": \"many\"}");
    assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }
}
