package cn.gov.gz.govcloud.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/emergency-classification.dmn, hit at least once, against P3 5.3.2.7 and 5.3.2.8. */
class EmergencyDecisionTest extends WebTest {

  @Clause("P6 7.4.2.3.2")
  @Clause("P3 5.3.2.7")
  @Clause("P3 5.3.2.8")
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(nullValues = "-", value = {
      "INTERRUPTION, CORE,      特别重大, PT5M,  7x24, PT30M",
      "DATA_LOSS,    CORE,      特别重大, PT5M,  7x24, PT30M",
      "INTERRUPTION, IMPORTANT, 重大,     PT5M,  7x24, PT30M",
      "DATA_LOSS,    GENERAL,   重大,     PT5M,  7x24, PT30M",
      "SECURITY,     CORE,      重大,     PT5M,  7x24, PT30M",
      "DEGRADATION,  CORE,      较大,     PT10M, 5x8,  PT1H",
      "DEGRADATION,  -,         较大,     PT10M, 5x8,  PT1H",
      "OTHER,        GENERAL,   一般,     PT10M, 5x8,  PT1H"})
  void everyRuleGivesTheResponseTimeServiceHoursAndFeedbackIntervalOfItsClause(String category, String importance,
      String severity, String response, String hours, String feedback) {
    Map<String, Object> input = new HashMap<>();
    input.put("category", category);
    input.put("importance", importance);
    Map<String, Object> out = processEngine.getDecisionService().evaluateDecisionByKey("emergency-classification")
        .variables(Variables.fromMap(input)).evaluate().getFirstResult().getEntryMap();
    assertThat(out).containsEntry("severity", severity).containsEntry("responseWithin", response)
        .containsEntry("serviceHours", hours).containsEntry("feedbackInterval", feedback)
        .containsEntry("onDutyGroup", "ops-engineer");
  }
}
