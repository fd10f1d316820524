package cn.gov.gz.govcloud.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every rule of {@code monitoring-thresholds} (P3 Appendix B), the storage tier boundaries, and the cache. */
class MonitoringThresholdsTest extends WebTest {

  @Autowired
  MonitoringThresholds thresholds;

  Map<String, Object> evaluate(String metric, Double capacityTb) {
    var result = processEngine.getDecisionService().evaluateDecisionByKey(MonitoringThresholds.DECISION_KEY)
        .variables(Variables.createVariables().putValue("metric", metric)
            .putValueTyped("capacityTb", Variables.doubleValue(capacityTb)))
        .evaluate();
    assertThat(result).hasSize(1);
    return result.getSingleResult().getEntryMap();
  }

  @Clause("P3 附录 B.1 第 1–10 项")
  @Clause("P6 7.2.3.3.1")
  @Clause("P3 5.1.3.1")
  @Clause("P3 5.4.2.1")
  @ParameterizedTest(name = "{0} {1} TB -> {2}–{3}, severe {4}")
  @CsvSource(nullValues = "null", value = {
      "cpu,       null,   8,    90, 98,   false",
      "cpu,       50,     8,    90, 98,   false",
      "memory,    null,   10,   90, 98,   false",
      "storage,   0.5,    20,   90, 98,   false",
      "storage,   0.999,  20,   90, 98,   false",
      "storage,   1,      30,   90, 98,   false",
      "storage,   5,      30,   90, 98,   false",
      "storage,   10,     30,   90, 98,   false",
      "storage,   10.001, 40,   90, 98,   false",
      "storage,   200,    40,   90, 98,   false",
      "storage,   null,   20,   90, 98,   false",
      "sync,      null,   null, 15, null, false"})
  void everyRuleAndTheStorageBoundaries(String metric, Double capacity, Double lower, Double upper, Double severe,
      boolean lowEscalates) {
    Map<String, Object> row = evaluate(metric, capacity);
    assertThat(row.get("lower")).isEqualTo(lower);
    assertThat(row.get("upper")).isEqualTo(upper);
    assertThat(row.get("severe")).isEqualTo(severe);
    assertThat(row.get("lowEscalates")).isEqualTo(lowEscalates);

    Thresholds t = thresholds.of(Metric.valueOf(metric.toUpperCase()),
        capacity == null ? null : BigDecimal.valueOf(capacity));
    if (lower == null) {
      assertThat(t.lower()).isNull();
    } else {
      assertThat(t.lower()).isEqualByComparingTo(BigDecimal.valueOf(lower));
    }
    assertThat(t.upper()).isEqualByComparingTo(BigDecimal.valueOf(upper));
    assertThat(t.lowEscalates()).isEqualTo(lowEscalates);
  }

  @Test
  void everyRuleIsHit() {
    var repository = processEngine.getRepositoryService();
    var definition = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(MonitoringThresholds.DECISION_KEY).latestVersion().singleResult();
    String xml = new String(readAll(repository.getDecisionModel(definition.getId())), StandardCharsets.UTF_8);
    long rules = xml.split("<rule ").length - 1;
    assertThat(rules).isEqualTo(7); // cpu, memory, three storage tiers, storage without capacity, sync
  }

  @Clause("P3 5.4.4.2")
  @Test
  void aNewDecisionVersionReplacesTheCachedThresholds() throws Exception {
    assertThat(thresholds.of(Metric.CPU, null).upper()).isEqualByComparingTo("90");
    var repository = processEngine.getRepositoryService();
    byte[] original;
    try (InputStream in = getClass().getResourceAsStream("/processes/monitoring-thresholds.dmn")) {
      original = in.readAllBytes();
    }
    String changed = new String(original, StandardCharsets.UTF_8)
        .replace("<outputEntry id=\"OutputEntry_Cpu_Upper\"><text>90</text>",
            "<outputEntry id=\"OutputEntry_Cpu_Upper\"><text>85</text>");
    assertThat(changed).isNotEqualTo(new String(original, StandardCharsets.UTF_8));
    try {
      repository.createDeployment().name("test-monitoring-thresholds")
          .addString("monitoring-thresholds.dmn", changed).deploy();
      assertThat(thresholds.of(Metric.CPU, null).upper()).isEqualByComparingTo("85");
      assertThat(thresholds.of(Metric.STORAGE, new BigDecimal("1.000")).lower()).isEqualByComparingTo("30");
    } finally {
      // the original rules become the latest version again
      repository.createDeployment().name("test-monitoring-thresholds-restored")
          .addInputStream("monitoring-thresholds.dmn", new java.io.ByteArrayInputStream(original)).deploy();
    }
    assertThat(thresholds.of(Metric.CPU, null).upper()).isEqualByComparingTo("90");
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
