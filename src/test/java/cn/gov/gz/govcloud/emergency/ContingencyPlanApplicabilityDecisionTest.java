package cn.gov.gz.govcloud.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.DmnTable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/contingency-plan-applicability.dmn alone on the DMN engine (P6 7.4.2.3.3): which plan types a case
 * starts by its category and level; COLLECT, so a major interruption starts the DR plan and the general plan.
 */
@Tag("dmn")
class ContingencyPlanApplicabilityDecisionTest {

  static final DmnTable TABLE = DmnTable.load("contingency-plan-applicability.dmn");

  @Clause("P6 7.4.2.3.3")
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(nullValues = "-", value = {
      "INTERRUPTION, 特别重大, APPLICATION_DR GENERAL",
      "INTERRUPTION, 一般,     APPLICATION_DR",
      "DATA_LOSS,    重大,     DATA_DR GENERAL",
      "SECURITY,     重大,     SECURITY GENERAL",
      "SECURITY,     较大,     SECURITY",
      "DEGRADATION,  较大,     GENERAL",
      "OTHER,        一般,     GENERAL"})
  void everyCategoryAndLevelStartsThePlanTypesOfItsRules(String category, String severity, String types) {
    List<Map<String, Object>> out = TABLE.evaluate("category", category, "severity", severity).getResultList();
    assertThat(out.stream().map(m -> Objects.toString(m.get("planType"))).toList())
        .containsExactly(types.split(" "));
  }

  @Test
  void allMatchingRulesCountAndEveryRuleIsReachable() {
    assertThat(TABLE.hitPolicy()).isEqualTo(HitPolicy.COLLECT);
    for (String[] c : new String[][] {{"INTERRUPTION", "重大"}, {"DATA_LOSS", "一般"}, {"SECURITY", "一般"},
        {"DEGRADATION", "较大"}}) {
      TABLE.evaluate("category", c[0], "severity", c[1]);
    }
    assertThat(TABLE.rulesHit()).as("missed: " + TABLE.missed()).containsAll(TABLE.ruleIds());
  }
}
