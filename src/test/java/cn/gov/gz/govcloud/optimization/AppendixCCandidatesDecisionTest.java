package cn.gov.gz.govcloud.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.engine.LiteralCellMemo;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.DmnTable;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/appendix-c-candidates.dmn alone on the DMN engine: the COLLECT hit policy (a resource matching two rows
 * gets two recommendations), the rows that exclude the others (plugin problems, revocation) and every row reachable.
 * OptimizationDecisionTest checks every boundary through the application's evaluation.
 */
@Tag("dmn")
class AppendixCCandidatesDecisionTest {

  static final DmnTable TABLE = DmnTable.load("appendix-c-candidates.dmn");

  static void eval(String type, int days, int monitored, int offRun, Double cpu, Double mem, Double disk,
      Double storage) {
    TABLE.evaluate("resourceType", type, "monitoredDays", monitored, "missingDays", days - monitored, "offDaysRun",
        offRun, "cpuAvg", cpu, "memoryAvg", mem, "diskTb", disk, "storageAvg", storage);
  }

  @Clause("P3 附录 C.1 第 1–9 项")
  @Clause("P3 附录 C.1 第 19 项")
  @Clause("P3 5.4.4.1")
  @ParameterizedTest(name = "{9}")
  @CsvSource(nullValues = "-", value = {
      "VM,       30, 30, 0,  3,  5,  0.5, 10, Rule_IdleVm Rule_StorageSmall,             idle VM and idle small array",
      "VM,       30, 30, 0,  3,  5,  5,   10, Rule_IdleVm Rule_StorageMedium,            idle VM and idle 1-10 TB array",
      "STORAGE,  30, 30, 0,  -,  -,  20,  10, Rule_StorageLarge,                         idle large array",
      "VM,       30, 30, 0,  95, 95, 2,   95, Rule_CpuSaturated Rule_MemorySaturated Rule_StorageSaturated, all full",
      "PHYSICAL, 30, 30, 0,  30, 40, 0.5, 10, Rule_StorageSmallPhysicalCpu,              busy physical, small array",
      "PHYSICAL, 30, 30, 0,  3,  40, 0.5, 10, Rule_StorageSmallPhysicalMemory,           memory busy, small array",
      "PHYSICAL, 30, 30, 0,  30, 40, 5,   10, Rule_StorageMediumPhysicalCpu,             busy physical, medium array",
      "PHYSICAL, 30, 30, 0,  3,  40, 5,   10, Rule_StorageMediumPhysicalMemory,          memory busy, medium array",
      "PHYSICAL, 30, 30, 0,  30, 40, 20,  10, Rule_StorageLargePhysicalCpu,              busy physical, large array",
      "PHYSICAL, 30, 30, 0,  3,  40, 20,  10, Rule_StorageLargePhysicalMemory,           memory busy, large array",
      "PHYSICAL, 30, 30, 0,  30, 40, 2,   95, Rule_StorageSaturatedPhysicalCpu,          busy physical, full array",
      "PHYSICAL, 30, 30, 0,  3,  40, 2,   95, Rule_StorageSaturatedPhysicalMemory,       memory busy, full array",
      "PHYSICAL, 30, 30, 0,  3,  5,  0.5, 10, Rule_IdlePhysical,                         idle physical: revoked alone",
      "PHYSICAL, 30, 30, 0,  3,  5,  2,   95, Rule_IdlePhysical,                         idle physical, full array: revoked",
      "VM,       30, 30, 16, 0,  0,  0.5, 10, Rule_PoweredOff,                           powered off: revoked alone",
      "VM,       30, 27, 16, 0,  0,  0.5, 10, Rule_PluginGaps,                           data gaps: plugin alone",
      "VM,       30, 0,  0,  -,  -,  -,   -,  Rule_PluginMissing,                        no data: plugin once",
      "VM,       30, 30, 0,  45, 60, 2,   70, '',                                        well used: no row (kept)"})
  void everyMatchingRowIsARecommendation(String type, int days, int monitored, int offRun, Double cpu, Double mem,
      Double disk, Double storage, String rules, String name) {
    eval(type, days, monitored, offRun, cpu, mem, disk, storage);
    assertThat(String.join(" ", TABLE.matched())).as(name).isEqualTo(rules == null ? "" : rules);
  }

  @Test
  void theNewCellsStayLiteralForTheMemory() {
    assertThat(LiteralCellMemo.literalsOnly(">= 5, null")).isTrue();
    assertThat(LiteralCellMemo.literalsOnly("not(< 5)")).isTrue();
    assertThat(LiteralCellMemo.literalsOnly("\"VM\",\"STORAGE\",\"DATABASE\",\"OTHER\"")).isTrue();
    assertThat(LiteralCellMemo.literalsOnly("> cpuAvg")).as("names a variable").isFalse();
    assertThat(LiteralCellMemo.literalsOnly("< nothing")).as("a name that starts like a keyword").isFalse();
  }

  @Test
  void collectsEveryRowAndEveryRowIsReachable() {
    assertThat(TABLE.key()).isEqualTo(OptimizationVariables.DECISION_KEY);
    assertThat(TABLE.hitPolicy()).isEqualTo(HitPolicy.COLLECT);
    eval("VM", 30, 30, 0, 3.0, 5.0, 0.5, 10.0);
    eval("VM", 30, 30, 0, 3.0, 5.0, 12.0, 10.0);
    eval("VM", 30, 30, 0, 95.0, 95.0, 2.0, 95.0);
    eval("VM", 30, 30, 20, 0.0, 0.0, null, null);
    eval("VM", 30, 20, 0, 50.0, 50.0, null, null);
    eval("VM", 30, 0, 0, null, null, null, null);
    for (double disk : new double[] {0.5, 5, 20}) {
      eval("PHYSICAL", 30, 30, 0, 30.0, 40.0, disk, 10.0);
      eval("PHYSICAL", 30, 30, 0, 3.0, 40.0, disk, 10.0);
    }
    eval("PHYSICAL", 30, 30, 0, 30.0, 40.0, 2.0, 95.0);
    eval("PHYSICAL", 30, 30, 0, 3.0, 40.0, 2.0, 95.0);
    eval("PHYSICAL", 30, 30, 0, 3.0, 5.0, null, null);
    eval("STORAGE", 30, 30, 0, null, null, 5.0, 10.0);
    assertThat(TABLE.rulesHit()).as("missed: " + TABLE.missed()).containsAll(TABLE.ruleIds());
  }
}
