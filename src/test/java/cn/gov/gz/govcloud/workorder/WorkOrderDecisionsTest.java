package cn.gov.gz.govcloud.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of the decision tables the work order reads (processes/*.dmn), hit at least once. */
class WorkOrderDecisionsTest extends WebTest {

  private Map<String, Object> evaluate(String key, Map<String, Object> input) {
    return processEngine.getDecisionService().evaluateDecisionByKey(key)
        .variables(Variables.fromMap(input)).evaluate().getSingleResult().getEntryMap();
  }

  @Clause("GB 5.3.6")
  @ParameterizedTest(name = "level {0}")
  @CsvSource({
      "1, 7x24, PT5M,  PT0M, PT2H,  P1W",
      "2, 7x24, PT15M, PT2H, PT4H,  P1M",
      "3, 5x8,  PT30M, PT6H, PT8H,  P3M",
      "4, 5x8,  PT30M, P1D,  PT24H, P6M"})
  void serviceLevelTargetsFollowGbT34077Clause536(int level, String hours, String response, String onSite,
      String recover, String inspection) {
    Map<String, Object> out = evaluate("service-level-targets", Map.of("serviceLevel", level));
    assertThat(out).containsEntry("acceptanceHours", hours).containsEntry("responseWithin", response)
        .containsEntry("onSiteWithin", onSite).containsEntry("recoverWithin", recover)
        .containsEntry("inspectionCycle", inspection);
  }

  @Clause("GB 5.3.2 e 2–4")
  @Clause("GB 5.3.3 c")
  @Clause("GB 5.1 b")
  @Clause("P3 5.3.2.7 c")
  @Clause("P3 5.3.2.8 c")
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "COMPLAINT,       HIGH,   PT15M, PT1H,  ops-manager",
      "COMPLAINT,       LOW,    PT15M, PT1H,  ops-manager",
      "FAULT,           HIGH,   PT30M, PT30M, service-desk",
      "FAULT,           MEDIUM, PT30M, PT1H,  service-desk",
      "FAULT,           LOW,    PT30M, PT24H, service-desk",
      "SERVICE_REQUEST, HIGH,   PT4H,  PT24H, service-desk",
      "CONSULTATION,    LOW,    PT4H,  PT24H, service-desk",
      "FINDING,         MEDIUM, PT4H,  PT24H, service-desk"})
  void dispatchRulesFollowTheComplaintAndFaultClauses(String type, String priority, String dispatch,
      String feedback, String group) {
    Map<String, Object> out = evaluate("work-order-dispatch-rules", Map.of("type", type, "priority", priority));
    assertThat(out).containsEntry("dispatchWithin", dispatch).containsEntry("feedbackInterval", feedback)
        .containsEntry("dispatchGroup", group);
  }
}
