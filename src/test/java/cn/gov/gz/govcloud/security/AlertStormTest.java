package cn.gov.gz.govcloud.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17 item 5: an alert storm (many concurrent reports of one alert) makes one case; every other report joins it.
 * The database's one-open-case-per-alert index decides the race, on H2 and PostgreSQL alike (the suite runs on both).
 */
class AlertStormTest extends WebTest {

  static final int REPORTS = 16;

  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  List<ResponseEntity<String>> together(int n, java.util.function.IntFunction<ResponseEntity<String>> request)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      futures.add(pool.submit(() -> {
        go.await();
        return request.apply(index);
      }));
    }
    go.countDown();
    List<ResponseEntity<String>> answers = new ArrayList<>();
    for (Future<ResponseEntity<String>> f : futures) {
      answers.add(f.get());
    }
    pool.shutdown();
    return answers;
  }

  long notices(String caseRef) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE case_ref = ?", Long.class, caseRef);
  }

  @Test
  void sixteenConcurrentReportsOfOneAlertMakeOneCase() throws Exception {
    // what one report alone notifies, for comparison
    ResponseEntity<String> single = post("desk1", "/api/emergencies", Map.of("businessSystemCode", "JTJ-TOCC",
        "category", "INTERRUPTION", "description", "单次告警", "alertRef", "ALM-" + UUID.randomUUID()));
    long singleNotices = notices(json.readTree(single.getBody()).get("emergencyNo").asText());

    String alert = "STORM-" + UUID.randomUUID();
    List<ResponseEntity<String>> answers = together(REPORTS, i -> post("desk1", "/api/emergencies", Map.of(
        "businessSystemCode", "JTJ-TOCC", "category", "INTERRUPTION", "description", "告警风暴第 " + i + " 次",
        "source", "MONITORING", "alertRef", alert)));
    int created = 0;
    int joined = 0;
    String no = null;
    for (ResponseEntity<String> a : answers) {
      assertThat(a.getStatusCode().is2xxSuccessful()).as(a.getBody()).isTrue();
      JsonNode body = json.readTree(a.getBody());
      if (body.get("joinedExisting").asBoolean()) {
        joined++;
      } else {
        created++;
      }
      assertThat(no == null || no.equals(body.get("emergencyNo").asText())).isTrue();
      no = body.get("emergencyNo").asText();
    }
    assertThat(created).isOne();
    assertThat(joined).isEqualTo(REPORTS - 1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM emergency WHERE alert_ref = ?", Long.class, alert)).isOne();
    assertThat(jdbc.queryForObject("SELECT occurrences FROM emergency WHERE alert_ref = ?", Integer.class, alert))
        .isEqualTo(REPORTS);
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(alert)
        .count()).isOne();
    assertThat(notices(no)).as("notices of the storm's case").isEqualTo(singleNotices);
  }

  @Test
  void concurrentStartsOverTheEngineRestApiNeverOpenTwoCases() throws Exception {
    String alert = "STORM-" + UUID.randomUUID();
    Map<String, Object> variables = Map.of("businessSystemCode", Map.of("value", "JTJ-TOCC", "type", "String"),
        "category", Map.of("value", "INTERRUPTION", "type", "String"),
        "description", Map.of("value", "引擎接口告警风暴", "type", "String"),
        "alertRef", Map.of("value", alert, "type", "String"));
    List<ResponseEntity<String>> answers = together(8, i -> post("desk1",
        "/engine-rest/process-definition/key/emergency-response/start", Map.of("variables", variables)));
    for (ResponseEntity<String> a : answers) {
      assertThat(a.getStatusCode().value()).as(a.getBody()).isIn(200, 409);
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM emergency WHERE alert_ref = ?", Long.class, alert)).isOne();
  }
}
