package cn.gov.gz.govcloud.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.DmnTable;
import java.util.Map;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/service-level-targets.dmn alone on the DMN engine: one UNIQUE row per level of GB/T 34077.3 5.3.6. */
@Tag("dmn")
class ServiceLevelTargetsDecisionTest {

  static final DmnTable TABLE = DmnTable.load("service-level-targets.dmn");

  @Clause("GB 5.3.6")
  @ParameterizedTest(name = "level {0}")
  @CsvSource({
      "1, 7x24, PT5M,  PT0M, PT2H,  P1W",
      "2, 7x24, PT15M, PT2H, PT4H,  P1M",
      "3, 5x8,  PT30M, PT6H, PT8H,  P3M",
      "4, 5x8,  PT30M, P1D,  PT24H, P6M"})
  void serviceLevelTargetsFollowGbT34077Clause536(int level, String hours, String response, String onSite,
      String recover, String inspection) {
    Map<String, Object> out = TABLE.single("serviceLevel", level);
    assertThat(out).containsEntry("acceptanceHours", hours).containsEntry("responseWithin", response)
        .containsEntry("onSiteWithin", onSite).containsEntry("recoverWithin", recover)
        .containsEntry("inspectionCycle", inspection);
    assertThat(TABLE.matched()).containsExactly("Rule_Level" + level);
  }

  @Test
  void exactlyOneRowPerLevelAndNoneOutsideOneToFour() {
    assertThat(TABLE.hitPolicy()).isEqualTo(HitPolicy.UNIQUE);
    assertThat(TABLE.ruleIds()).hasSize(4);
    for (int level = 1; level <= 4; level++) {
      assertThat(TABLE.evaluate("serviceLevel", level)).hasSize(1);
    }
    assertThat(TABLE.rulesHit()).as("missed: " + TABLE.missed()).containsAll(TABLE.ruleIds());
    assertThat(TABLE.evaluate("serviceLevel", 0)).isEmpty();
    assertThat(TABLE.evaluate("serviceLevel", 5)).isEmpty();
    assertThatThrownBy(() -> TABLE.single("serviceLevel", 5)).as("no default row").isInstanceOf(RuntimeException.class);
  }
}
