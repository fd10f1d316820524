package cn.gov.gz.govcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.WebTest;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

/**
 * The application's engine evaluates its deployed decisions with the FEEL engine that parses each cell once, its
 * literal cells remembered.
 */
class FeelParsedOnceWiringTest extends WebTest {

  @Test
  void theEnginesDecisionsParseEachCellOnceAndAnswerAsModelled() {
    var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(LiteralCellMemo.class);
    var memo = (LiteralCellMemo) configuration.getDmnEngineConfiguration().getFeelEngine();
    assertThat(memo.feel()).isInstanceOf(FeelParsedOnce.Engine.class);
    var feel = (FeelParsedOnce.Engine) memo.feel();
    var decisions = processEngine.getDecisionService();
    Map<String, Object> core = Map.of("category", "INTERRUPTION", "importance", "CORE");
    Map<String, Object> slow = Map.of("category", "DEGRADATION", "importance", "GENERAL");
    int parsed = -1;
    for (int round = 0; round < 2; round++) {
      assertThat(decisions.evaluateDecisionTableByKey("emergency-classification", core).getSingleResult()
          .<String>getEntry("severity")).isEqualTo("特别重大");
      assertThat(decisions.evaluateDecisionTableByKey("emergency-classification", slow).getSingleResult()
          .<String>getEntry("severity")).isEqualTo("较大");
      if (round == 0) {
        parsed = feel.parsedTexts();
      }
    }
    assertThat(parsed).isPositive();
    assertThat(feel.parsedTexts()).as("the same cells again: nothing parsed anew").isEqualTo(parsed);
    assertThat(memo.remembered()).as("literal cells answered from memory").isPositive();
  }
}
