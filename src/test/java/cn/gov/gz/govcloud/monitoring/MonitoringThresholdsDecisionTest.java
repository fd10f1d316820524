package cn.gov.gz.govcloud.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.DmnTable;
import java.util.Map;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/monitoring-thresholds.dmn alone on the DMN engine: every rule of P3 Appendix B and the storage tier
 * boundaries (1 TB and 10 TB belong to the middle tier). The cache and the thresholds' use: MonitoringThresholdsTest.
 */
@Tag("dmn")
class MonitoringThresholdsDecisionTest {

  static final DmnTable TABLE = DmnTable.load("monitoring-thresholds.dmn");

  @ParameterizedTest(name = "{0} {1} TB -> {2}–{3}, severe {4}")
  @CsvSource(nullValues = "null", value = {
      "cpu,       null,   8,    90, 98,   Rule_Cpu",
      "cpu,       50,     8,    90, 98,   Rule_Cpu",
      "memory,    null,   10,   90, 98,   Rule_Memory",
      "storage,   0.5,    20,   90, 98,   Rule_StorageSmall",
      "storage,   0.999,  20,   90, 98,   Rule_StorageSmall",
      "storage,   1,      30,   90, 98,   Rule_StorageMedium",
      "storage,   5,      30,   90, 98,   Rule_StorageMedium",
      "storage,   10,     30,   90, 98,   Rule_StorageMedium",
      "storage,   10.001, 40,   90, 98,   Rule_StorageLarge",
      "storage,   200,    40,   90, 98,   Rule_StorageLarge",
      "storage,   null,   20,   90, 98,   Rule_StorageUnknown",
      "sync,      null,   null, 15, null, Rule_Sync"})
  void everyRuleAndTheStorageBoundaries(String metric, Double capacity, Double lower, Double upper, Double severe,
      String rule) {
    Map<String, Object> row = TABLE.single("metric", metric, "capacityTb", capacity);
    assertThat(row.get("lower")).isEqualTo(lower);
    assertThat(row.get("upper")).isEqualTo(upper);
    assertThat(row.get("severe")).isEqualTo(severe);
    assertThat(row.get("lowEscalates")).isEqualTo(false);
    assertThat(TABLE.matched()).containsExactly(rule);
  }

  @Test
  void theFirstMatchingRuleWinsEveryRuleIsReachableAndAnUnknownMetricHasNoThresholds() {
    assertThat(TABLE.hitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(TABLE.ruleIds()).hasSize(7); // cpu, memory, three storage tiers, storage without capacity, sync
    for (Object[] c : new Object[][] {{"cpu", null}, {"memory", null}, {"storage", 0.1}, {"storage", 1.0},
        {"storage", 11.0}, {"storage", null}, {"sync", null}}) {
      assertThat(TABLE.evaluate("metric", c[0], "capacityTb", c[1])).hasSize(1);
    }
    assertThat(TABLE.rulesHit()).as("missed: " + TABLE.missed()).containsAll(TABLE.ruleIds());
    assertThat(TABLE.evaluate("metric", "disk-io", "capacityTb", null)).isEmpty();
  }
}
