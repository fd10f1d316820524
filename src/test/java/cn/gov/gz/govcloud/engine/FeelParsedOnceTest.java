package cn.gov.gz.govcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The FEEL engine that parses each cell once answers exactly as Camunda's, and parses a text only the first time. */
@Tag("unit")
class FeelParsedOnceTest {

  private final FeelParsedOnce.Engine feel = new FeelParsedOnce.Engine(List.of());
  private final DmnEngine parsedOnce = engine(feel);
  private final DmnEngine stock = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @Test
  void theEmergencyDecisionsAnswerAsCamundasEngineForEveryCombinationAndParseEachTextOnce() throws Exception {
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (String category : List.of("INTERRUPTION", "DATA_LOSS", "DEGRADATION", "SECURITY", "OTHER")) {
      for (String importance : List.of("CORE", "IMPORTANT", "GENERAL")) {
        for (String severity : List.of("特别重大", "重大", "较大", "一般")) {
          for (int level = 1; level <= 4; level++) {
            inputs.add(Map.of("category", category, "importance", importance, "severity", severity,
                "serviceLevel", level));
          }
        }
      }
    }
    int evaluations = 0;
    for (String model : List.of("emergency-classification", "service-level-targets",
        "contingency-plan-applicability")) {
      DmnModelInstance dmn = read(model);
      DmnDecision ours = parsedOnce.parseDecisions(dmn).get(0);
      DmnDecision theirs = stock.parseDecisions(dmn).get(0);
      for (Map<String, Object> in : inputs) {
        var variables = Variables.fromMap(in);
        assertThat(parsedOnce.evaluateDecisionTable(ours, variables).getResultList())
            .as("%s for %s", model, in)
            .isEqualTo(stock.evaluateDecisionTable(theirs, variables).getResultList());
        evaluations++;
      }
    }
    int parsed = feel.parsedTexts();
    assertThat(parsed).as("texts parsed").isPositive().isLessThanOrEqualTo(cells());
    assertThat(evaluations).isEqualTo(3 * inputs.size());

    // evaluating everything again parses nothing new
    for (String model : List.of("emergency-classification", "service-level-targets",
        "contingency-plan-applicability")) {
      DmnDecision ours = parsedOnce.parseDecisions(read(model)).get(0);
      for (Map<String, Object> in : inputs) {
        parsedOnce.evaluateDecisionTable(ours, Variables.fromMap(in));
      }
    }
    assertThat(feel.parsedTexts()).isEqualTo(parsed);
  }

  @Test
  void aTextThatDoesNotParseFailsEveryTimeAsItDoesInCamundasEngine() {
    var context = Variables.createVariables().putValue("x", 3).asVariableContext();
    var camundas = new ScalaFeelEngine(List.of());
    Throwable unary = catchThrowable(() -> camundas.evaluateSimpleUnaryTests("> > 2", "x", context));
    Throwable expression = catchThrowable(() -> camundas.evaluateSimpleExpression("x +", context));
    assertThat(unary).isInstanceOf(FeelException.class);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests("> > 2", "x", context))
          .isInstanceOf(FeelException.class).hasMessage(unary.getMessage());
      assertThatThrownBy(() -> feel.evaluateSimpleExpression("x +", context))
          .isInstanceOf(FeelException.class).hasMessage(expression.getMessage());
    }
    assertThat(feel.evaluateSimpleUnaryTests("[1..5]", "x", context)).isTrue();
    assertThat(feel.evaluateSimpleUnaryTests("[1..5]", "x",
        Variables.createVariables().putValue("x", 7).asVariableContext())).isFalse();
    assertThat((Object) feel.evaluateSimpleExpression("x * 2", context)).isEqualTo(6L);
    assertThat((Object) feel.evaluateSimpleExpression("x * 2",
        Variables.createVariables().putValue("x", 4).asVariableContext())).isEqualTo(8L);
  }

  private static DmnEngine engine(FeelParsedOnce.Engine feel) {
    return ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
        .feelEngineFactory(() -> feel).buildEngine();
  }

  private static DmnModelInstance read(String model) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("processes", model + ".dmn"))) {
      return Dmn.readModelFromStream(in);
    }
  }

  /** All FEEL texts of the three tables: an upper bound on what may be parsed. */
  private static int cells() throws Exception {
    int n = 0;
    for (String model : List.of("emergency-classification", "service-level-targets",
        "contingency-plan-applicability")) {
      for (Decision d : read(model).getModelElementsByType(Decision.class)) {
        if (d.getExpression() instanceof DecisionTable t) {
          n += t.getInputs().size();
          for (Rule r : t.getRules()) {
            n += r.getInputEntries().size() + r.getOutputEntries().size();
          }
        }
      }
    }
    return n + read("emergency-classification").getModelElementsByType(LiteralExpression.class).size();
  }
}
