package cn.gov.gz.govcloud.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.support.Clause;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Breaches handed to the engine: a sustained breach starts one work order and a severe one an emergency, one case
 * per resource and problem however often the breach repeats.
 */
class MonitoringCasesTest extends MonitoringTestSupport {

  @Clause("P6 7.2.3.3.3")
  @Clause("P3 5.1.3.5")
  @Test
  void aSustainedBreachStartsExactlyOneWorkOrderAndARepeatedBreachNoSecond() throws Exception {
    String p = prefix();
    String r = resource(p, "vm", "JTJ", "JTJ-OA", ResourceType.VM, "2");
    Instant t0 = Instant.now().minus(Duration.ofHours(6)).truncatedTo(ChronoUnit.MINUTES);
    JsonNode first = postSamples(List.of(sample(r, t0, 93, 50, 60, "ON", null),
        sample(r, t0.plus(Duration.ofMinutes(15)), 94, 50, 60, "ON", null)));
    assertThat(first.get("alertsOpened").asInt()).isEqualTo(1);
    assertThat(first.get("casesStarted").asInt()).isZero();
    JsonNode third = postSamples(List.of(sample(r, t0.plus(Duration.ofMinutes(30)), 92, 50, 60, "ON", null)));
    assertThat(third.get("casesStarted").asInt()).isEqualTo(1);

    Alert alert = alertsOf(p).get(0);
    assertThat(alert.caseProcessKey()).isEqualTo("work-order");
    var runtime = processEngine.getRuntimeService();
    var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(alert.alertNo()).singleResult();
    assertThat(instance.getId()).isEqualTo(alert.caseInstanceId());
    assertThat(runtime.getVariable(instance.getId(), "unitCode")).isEqualTo("JTJ");
    assertThat(runtime.getVariable(instance.getId(), "channel")).isEqualTo("MONITORING");
    assertThat(runtime.getVariable(instance.getId(), "sourceRef")).isEqualTo(alert.alertNo());

    // the breach goes on: still one case
    JsonNode more = postSamples(List.of(sample(r, t0.plus(Duration.ofMinutes(45)), 96, 50, 60, "ON", null)));
    assertThat(more.get("casesStarted").asInt()).isZero();
    // recovery closes the alert
    JsonNode recovered = postSamples(List.of(sample(r, t0.plus(Duration.ofMinutes(60)), 50, 50, 60, "ON", null)));
    assertThat(recovered.get("alertsClosed").asInt()).isEqualTo(1);
    assertThat(alertsOf(p)).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo("CLOSED");
      assertThat(a.sampleCount()).isEqualTo(4);
      assertThat(a.worstValue()).isEqualByComparingTo("96");
    });
    // the same problem again while the work order is still open: a new alert joins the open case
    postSamples(List.of(sample(r, t0.plus(Duration.ofMinutes(75)), 95, 50, 60, "ON", null),
        sample(r, t0.plus(Duration.ofMinutes(90)), 95, 50, 60, "ON", null)));
    JsonNode again = postSamples(List.of(sample(r, t0.plus(Duration.ofMinutes(105)), 95, 50, 60, "ON", null)));
    assertThat(again.get("casesStarted").asInt()).isZero();
    assertThat(again.get("casesJoined").asInt()).isEqualTo(1);
    List<Alert> alerts = alertsOf(p);
    assertThat(alerts).hasSize(2).allSatisfy(a -> assertThat(a.caseInstanceId()).isEqualTo(instance.getId()));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("work-order")
        .variableValueEquals("unitCode", "JTJ").list().stream()
        .filter(pi -> alerts.stream().anyMatch(a -> a.alertNo().equals(pi.getBusinessKey()))).count())
        .isEqualTo(1);
  }

  @Clause("P3 5.3.2.4")
  @Clause("P6 7.4.2.3.1")
  @Test
  void aSevereBreachStartsAnEmergencyOnce() throws Exception {
    String p = prefix();
    String r = resource(p, "core", "JTJ", "JTJ-TOCC", ResourceType.VM, "2");
    Instant t0 = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
    JsonNode answer = postSamples(List.of(sample(r, t0, 40, 99.5, 60, "ON", null)));
    assertThat(answer.get("casesStarted").asInt()).isEqualTo(1);
    Alert alert = alertsOf(p).get(0);
    assertThat(alert.problem()).isEqualTo("MEMORY_HIGH");
    assertThat(alert.severity()).isEqualTo("SEVERE");
    assertThat(alert.caseProcessKey()).isEqualTo("emergency-response");
    var runtime = processEngine.getRuntimeService();
    var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(alert.alertNo()).singleResult();
    assertThat(instance.getProcessDefinitionId()).startsWith("emergency-response:");
    assertThat(runtime.getVariable(instance.getId(), "alertRef")).isEqualTo(alert.alertNo());
    assertThat(runtime.getVariable(instance.getId(), "source")).isEqualTo("MONITORING");

    JsonNode again = postSamples(List.of(sample(r, t0.plus(Duration.ofMinutes(5)), 40, 99.9, 60, "ON", null),
        sample(r, t0.plus(Duration.ofMinutes(40)), 40, 99.9, 60, "ON", null)));
    assertThat(again.get("casesStarted").asInt()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(alert.alertNo()).count()).isEqualTo(1);
    postSamples(List.of(sample(r, t0.plus(Duration.ofMinutes(45)), 40, 60, 60, "ON", null)));
    assertThat(alertsOf(p)).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo("CLOSED"));
  }
}
