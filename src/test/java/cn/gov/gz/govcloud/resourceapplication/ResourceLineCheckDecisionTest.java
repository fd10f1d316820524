package cn.gov.gz.govcloud.resourceapplication;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.DmnTable;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/resource-line-check.dmn alone on the DMN engine: each limit on its own at and just past its boundary,
 * and the COLLECT hit policy (a line breaking several limits gets every problem, a compliant line none).
 */
@Tag("dmn")
class ResourceLineCheckDecisionTest {

  static final DmnTable TABLE = DmnTable.load("resource-line-check.dmn");

  static DmnDecisionResult check(String type, Integer vcpu, Integer memoryGb, Double diskTb, Integer quantity) {
    return TABLE.evaluate("type", type, "vcpu", vcpu, "memoryGb", memoryGb, "diskTb", diskTb, "quantity", quantity);
  }

  @ParameterizedTest(name = "{0} vcpu={1} mem={2} disk={3} qty={4} -> {5}")
  @CsvSource(nullValues = "null", value = {
      "VM,       65,   8,    null,  1,  Rule_VM_Cpu",
      "VM,       4,    513,  null,  1,  Rule_VM_Memory",
      "VM,       4,    8,    null,  21, Rule_VM_Quantity",
      "PHYSICAL, 128,  1024, null,  11, Rule_Physical_Quantity",
      "STORAGE,  null, null, 100.5, 1,  Rule_Storage_Size",
      "DATABASE, null, null, 21,    1,  Rule_Database_Size",
      "STORAGE,  null, null, 1,     51, Rule_Any_Quantity"})
  void eachLimitJustPastItsBoundaryGivesOneProblem(String type, Integer vcpu, Integer memoryGb, Double diskTb,
      Integer quantity, String rule) {
    DmnDecisionResult r = check(type, vcpu, memoryGb, diskTb, quantity);
    assertThat(r).hasSize(1);
    assertThat((String) r.getSingleResult().getSingleEntry()).isNotBlank();
    assertThat(TABLE.matched()).containsExactly(rule);
  }

  @ParameterizedTest(name = "{0} vcpu={1} mem={2} disk={3} qty={4}")
  @CsvSource(nullValues = "null", value = {
      "VM,       64,   512,  null, 20",
      "PHYSICAL, 256,  4096, null, 10",
      "STORAGE,  null, null, 100,  50",
      "DATABASE, null, null, 20,   1",
      "VM,       null, null, null, null"})
  void aLineAtEveryLimitIsCompliant(String type, Integer vcpu, Integer memoryGb, Double diskTb, Integer quantity) {
    assertThat(check(type, vcpu, memoryGb, diskTb, quantity)).isEmpty();
  }

  @Test
  void everyProblemOfALineIsCollectedAndEveryRuleIsReachable() {
    assertThat(TABLE.hitPolicy()).isEqualTo(HitPolicy.COLLECT);
    DmnDecisionResult r = check("VM", 96, 1024, null, 60);
    assertThat(TABLE.matched()).containsExactly("Rule_VM_Cpu", "Rule_VM_Memory", "Rule_VM_Quantity",
        "Rule_Any_Quantity");
    List<String> problems = r.collectEntries("problem");
    assertThat(problems).hasSize(4).doesNotHaveDuplicates()
        .contains("单台云主机内存不超过 512 GB", "单行数量不超过 50");

    check("PHYSICAL", null, null, null, 11);
    check("STORAGE", null, null, 101.0, 1);
    check("DATABASE", null, null, 20.5, 1);
    assertThat(TABLE.rulesHit()).as("missed: " + TABLE.missed()).containsAll(TABLE.ruleIds());
  }
}
