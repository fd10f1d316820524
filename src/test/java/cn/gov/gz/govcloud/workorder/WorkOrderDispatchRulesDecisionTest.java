package cn.gov.gz.govcloud.workorder;

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
 * processes/work-order-dispatch-rules.dmn alone on the DMN engine: every rule, and its FIRST hit policy (a complaint
 * goes to the ops manager whatever its priority; a fault's feedback interval follows its priority).
 */
@Tag("dmn")
class WorkOrderDispatchRulesDecisionTest {

  static final DmnTable TABLE = DmnTable.load("work-order-dispatch-rules.dmn");

  @Clause("GB 5.3.2 e 2–4")
  @Clause("GB 5.3.3 c")
  @Clause("GB 5.1 b")
  @Clause("P3 5.3.2.7 c")
  @Clause("P3 5.3.2.8 c")
  @Clause("P3 5.3.2.7 b")
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "COMPLAINT,       HIGH,   PT15M, PT1H,  ops-manager,  ,     Rule_Complaint",
      "COMPLAINT,       LOW,    PT15M, PT1H,  ops-manager,  ,     Rule_Complaint",
      "FAULT,           HIGH,   PT30M, PT30M, service-desk, 7x24, Rule_FaultInterrupted",
      "FAULT,           MEDIUM, PT30M, PT1H,  service-desk, ,     Rule_FaultDegraded",
      "FAULT,           LOW,    PT30M, PT24H, service-desk, ,     Rule_FaultOther",
      "SERVICE_REQUEST, HIGH,   PT4H,  PT24H, service-desk, ,     Rule_Other",
      "CONSULTATION,    LOW,    PT4H,  PT24H, service-desk, ,     Rule_Other",
      "FINDING,         MEDIUM, PT4H,  PT24H, service-desk, ,     Rule_Other"})
  void dispatchRulesFollowTheComplaintAndFaultClauses(String type, String priority, String dispatch,
      String feedback, String group, String hours, String rule) {
    Map<String, Object> out = TABLE.single("type", type, "priority", priority);
    assertThat(out).containsEntry("dispatchWithin", dispatch).containsEntry("feedbackInterval", feedback)
        .containsEntry("dispatchGroup", group);
    assertThat(out.get("serviceHours")).as("service hours (none: the level's)").isEqualTo(hours);
    assertThat(TABLE.matched()).containsExactly(rule);
  }

  @Test
  void theFirstMatchingRuleWinsAndEveryRuleIsReachable() {
    assertThat(TABLE.hitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(TABLE.ruleIds()).containsExactly("Rule_Complaint", "Rule_FaultInterrupted", "Rule_FaultDegraded",
        "Rule_FaultOther", "Rule_Other");
    for (String[] c : new String[][] {{"COMPLAINT", "MEDIUM"}, {"FAULT", "HIGH"}, {"FAULT", "MEDIUM"},
        {"FAULT", null}, {null, null}}) {
      assertThat(TABLE.evaluate("type", c[0], "priority", c[1])).as(c[0] + " " + c[1]).hasSize(1);
    }
    assertThat(TABLE.rulesHit()).as("missed: " + TABLE.missed()).containsAll(TABLE.ruleIds());
  }
}
