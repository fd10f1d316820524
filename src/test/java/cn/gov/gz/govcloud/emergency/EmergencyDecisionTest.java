package cn.gov.gz.govcloud.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.DmnTable;
import java.util.Map;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/emergency-classification.dmn alone on the DMN engine: every rule, against P3 5.3.2.7 and 5.3.2.8, and
 * its FIRST hit policy (a core system's interruption is 特别重大 although the next rule matches it too).
 */
@Tag("dmn")
class EmergencyDecisionTest {

  static final DmnTable TABLE = DmnTable.load("emergency-classification.dmn");

  @Clause("P6 7.4.2.3.2")
  @Clause("P3 5.3.2.7")
  @Clause("P3 5.3.2.8")
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(nullValues = "-", value = {
      "INTERRUPTION, CORE,      特别重大, PT5M,  7x24, PT30M, Rule_InterruptionCore",
      "DATA_LOSS,    CORE,      特别重大, PT5M,  7x24, PT30M, Rule_InterruptionCore",
      "INTERRUPTION, IMPORTANT, 重大,     PT5M,  7x24, PT30M, Rule_Interruption",
      "DATA_LOSS,    GENERAL,   重大,     PT5M,  7x24, PT30M, Rule_Interruption",
      "INTERRUPTION, -,         重大,     PT5M,  7x24, PT30M, Rule_Interruption",
      "SECURITY,     CORE,      重大,     PT5M,  7x24, PT30M, Rule_Security",
      "DEGRADATION,  CORE,      较大,     PT10M, 5x8,  PT1H,  Rule_Degradation",
      "DEGRADATION,  -,         较大,     PT10M, 5x8,  PT1H,  Rule_Degradation",
      "OTHER,        GENERAL,   一般,     PT10M, 5x8,  PT1H,  Rule_Other",
      "-,            -,         一般,     PT10M, 5x8,  PT1H,  Rule_Other"})
  void everyRuleGivesTheResponseTimeServiceHoursAndFeedbackIntervalOfItsClause(String category, String importance,
      String severity, String response, String hours, String feedback, String rule) {
    Map<String, Object> out = TABLE.single("category", category, "importance", importance);
    assertThat(out).containsEntry("severity", severity).containsEntry("responseWithin", response)
        .containsEntry("serviceHours", hours).containsEntry("feedbackInterval", feedback)
        .containsEntry("onDutyGroup", "ops-engineer");
    assertThat(TABLE.matched()).containsExactly(rule);
  }

  @Test
  void theFirstMatchingRuleWinsAndEveryRuleIsReachable() {
    assertThat(TABLE.hitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(TABLE.ruleIds()).containsExactly("Rule_InterruptionCore", "Rule_Interruption", "Rule_Security",
        "Rule_Degradation", "Rule_Other");
    for (String[] c : new String[][] {{"DATA_LOSS", "CORE"}, {"INTERRUPTION", "GENERAL"}, {"SECURITY", null},
        {"DEGRADATION", "CORE"}, {"UNKNOWN", "CORE"}}) {
      assertThat(TABLE.evaluate("category", c[0], "importance", c[1])).as(c[0]).hasSize(1);
    }
    assertThat(TABLE.rulesHit()).as("missed: " + TABLE.missed()).containsAll(TABLE.ruleIds());
  }
}
