package cn.gov.gz.govcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Literal cells answered from memory answer exactly as Camunda's engine: every decision table of every model in
 * {@code processes/}, over inputs made of the values its cells name, their neighbours and null; and only literal
 * cells with plain input values are remembered.
 */
@Tag("unit")
class LiteralCellMemoTest {

  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final int SAMPLES = 600;

  private final Counting counting = new Counting(new FeelParsedOnce.Engine(List.of()));
  private final LiteralCellMemo memo = new LiteralCellMemo(counting);
  private final DmnEngine ours = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
      .createDefaultDmnEngineConfiguration()).feelEngineFactory(() -> memo).buildEngine();
  private final DmnEngine stock = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @Test
  void everyDecisionTableInTheModelsAnswersAsCamundasEngine() throws Exception {
    List<Path> models;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      models = files.filter(p -> p.toString().endsWith(".dmn")).sorted().toList();
    }
    assertThat(models).hasSizeGreaterThanOrEqualTo(7);
    Random random = new Random(26);
    int compared = 0;
    for (Path model : models) {
      DmnModelInstance dmn = read(model);
      Map<String, List<Object>> candidates = candidates(dmn);
      List<DmnDecision> mine = ours.parseDecisions(dmn);
      List<DmnDecision> theirs = stock.parseDecisions(dmn);
      for (int round = 0; round < 2; round++) { // the second round is answered from memory
        for (int i = 0; i < SAMPLES; i++) {
          Map<String, Object> in = new HashMap<>();
          candidates.forEach((name, values) -> in.put(name, values.get(random.nextInt(values.size()))));
          for (int d = 0; d < mine.size(); d++) {
            Object expected = outcome(stock, theirs.get(d), in);
            assertThat(outcome(ours, mine.get(d), in)).as("%s %s for %s", model.getFileName(),
                theirs.get(d).getKey(), in).isEqualTo(expected);
            compared++;
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(7 * 2 * SAMPLES - 1);
    assertThat(memo.remembered()).isPositive();
  }

  @Test
  void aLiteralCellGoesToFeelOncePerInputValueAndACellNamingAVariableEveryTime() {
    for (int i = 0; i < 3; i++) {
      assertThat(memo.evaluateSimpleUnaryTests("< 8, [20..30]", "x", vars(5))).isTrue();
      assertThat(memo.evaluateSimpleUnaryTests("< 8, [20..30]", "x", vars(12))).isFalse();
      assertThat(memo.evaluateSimpleUnaryTests("\"CORE\",\"IMPORTANT\"", "x", vars("CORE"))).isTrue();
      assertThat(memo.evaluateSimpleUnaryTests("not(null)", "x", vars((Object) null))).isFalse();
      assertThat(memo.evaluateSimpleUnaryTests("> limit", "x", vars(12, "limit", 10))).isTrue();
      assertThat(memo.evaluateSimpleUnaryTests("> limit", "x", vars(12, "limit", 20))).isFalse();
      assertThat((Object) memo.evaluateSimpleExpression("\"重大\"", vars(1))).isEqualTo("重大");
      assertThat((Object) memo.evaluateSimpleExpression("300", vars(1))).isEqualTo(300L);
      assertThat((Object) memo.evaluateSimpleExpression("x", vars("INTERRUPTION"))).isEqualTo("INTERRUPTION");
    }
    assertThat(counting.unary).as("four literal pairs once each, the named cell three times two")
        .isEqualTo(4 + 6);
    assertThat(counting.expressions).as("two literal outputs once; a string variable never").isEqualTo(2);
  }

  @Test
  void inputsThatAreNotPlainValuesAlwaysGoToFeel() {
    Date now = new Date();
    String longText = "长".repeat(LiteralCellMemo.MAX_STRING + 1);
    for (int i = 0; i < 2; i++) {
      memo.evaluateSimpleUnaryTests("null", "x", vars(now));
      memo.evaluateSimpleUnaryTests("\"a\"", "x", vars(longText));
      memo.evaluateSimpleExpression("x", vars(now));
      memo.evaluateSimpleExpression("x", vars(12)); // a number goes to FEEL: its type may change there
    }
    assertThat(counting.unary).isEqualTo(4);
    assertThat(counting.expressions).isEqualTo(4);
    assertThat(memo.remembered()).isZero();
  }

  @Test
  void aFailureIsThrownAgainAndNotRemembered() {
    Throwable first = catchThrowable(() -> memo.evaluateSimpleUnaryTests("< 5", "x", vars("五")));
    Throwable camundas = catchThrowable(() -> new FeelParsedOnce.Engine(List.of())
        .evaluateSimpleUnaryTests("< 5", "x", vars("五")));
    if (camundas == null) {
      assertThat(first).isNull(); // Camunda answers false here: so must the memory, every time
      assertThat(memo.evaluateSimpleUnaryTests("< 5", "x", vars("五"))).isFalse();
    } else {
      assertThat(first).isInstanceOf(FeelException.class).hasMessage(camundas.getMessage());
      assertThatThrownBy(() -> memo.evaluateSimpleUnaryTests("< 5", "x", vars("五"))).isInstanceOf(FeelException.class);
      assertThat(counting.unary).isEqualTo(2);
    }
    assertThatThrownBy(() -> memo.evaluateSimpleUnaryTests("> > 2", "x", vars(3))).isInstanceOf(FeelException.class);
    assertThatThrownBy(() -> memo.evaluateSimpleUnaryTests("> > 2", "x", vars(3))).isInstanceOf(FeelException.class);
  }

  @Test
  void theMemoryIsEmptiedWhenFull() {
    LiteralCellMemo small = new LiteralCellMemo(counting, 10);
    for (int i = 0; i < 25; i++) {
      small.evaluateSimpleUnaryTests("< 8", "x", vars(i));
    }
    assertThat(small.remembered()).isLessThanOrEqualTo(10).isPositive();
  }

  @Test
  void onlyLiteralTextsAreLiteral() {
    assertThat(LiteralCellMemo.literalsOnly(">= 5, null")).isTrue();
    assertThat(LiteralCellMemo.literalsOnly("not(\"PHYSICAL\")")).isTrue();
    assertThat(LiteralCellMemo.literalsOnly("[1..10]")).isTrue();
    assertThat(LiteralCellMemo.literalsOnly("false")).isTrue();
    assertThat(LiteralCellMemo.literalsOnly("> cpuAvg")).isFalse();
    assertThat(LiteralCellMemo.literalsOnly("< nothing")).as("a name that starts like a keyword").isFalse();
    assertThat(LiteralCellMemo.literalsOnly("date(\"2043-01-01\")")).isFalse();
    assertThat(LiteralCellMemo.literalsOnly("? > 3")).isFalse();
    assertThat(LiteralCellMemo.literalsOnly("\"a\\\"b\"")).as("an escaped quote: left to FEEL").isFalse();
    assertThat(LiteralCellMemo.literalsOnly(null)).isFalse();
  }

  /** The decision's result list, or the failure's type and message: both engines must give the same. */
  private static Object outcome(DmnEngine engine, DmnDecision decision, Map<String, Object> in) {
    try {
      return engine.evaluateDecision(decision, Variables.fromMap(in)).getResultList();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** Per input variable: the values the model's cells name, numbers' neighbours, a value no cell names, and null. */
  private static Map<String, List<Object>> candidates(DmnModelInstance dmn) {
    Map<String, Set<Object>> values = new LinkedHashMap<>();
    for (DecisionTable table : dmn.getModelElementsByType(DecisionTable.class)) {
      List<Input> inputs = new ArrayList<>(table.getInputs());
      for (int c = 0; c < inputs.size(); c++) {
        String name = inputs.get(c).getInputExpression().getText().getTextContent().strip();
        String type = inputs.get(c).getInputExpression().getTypeRef();
        Set<Object> these = values.computeIfAbsent(name, k -> new LinkedHashSet<>());
        these.add(null);
        for (Rule rule : table.getRules()) {
          String cell = new ArrayList<>(rule.getInputEntries()).get(c).getTextContent();
          Matcher q = QUOTED.matcher(cell);
          while (q.find()) {
            these.add(q.group(1));
          }
          Matcher n = NUMBER.matcher(QUOTED.matcher(cell).replaceAll(""));
          while (n.find()) {
            BigDecimal v = new BigDecimal(n.group());
            for (BigDecimal near : List.of(v.subtract(BigDecimal.ONE), v, v.add(BigDecimal.ONE),
                v.add(new BigDecimal("0.5")))) {
              these.add(typed(near, type));
            }
          }
        }
        these.add("string".equals(type) ? "无此值" : typed(BigDecimal.valueOf(1_000), type));
      }
    }
    Map<String, List<Object>> lists = new LinkedHashMap<>();
    values.forEach((k, v) -> lists.put(k, new ArrayList<>(v)));
    return lists;
  }

  private static Object typed(BigDecimal value, String type) {
    return switch (type == null ? "" : type) {
      case "integer" -> value.intValue();
      case "long" -> value.longValue();
      case "double" -> value.doubleValue();
      case "string" -> value.toPlainString();
      default -> value;
    };
  }

  private static VariableContext vars(Object x, Object... more) {
    var map = Variables.createVariables().putValue("x", x);
    for (int i = 0; i < more.length; i += 2) {
      map.putValue((String) more[i], more[i + 1]);
    }
    return map.asVariableContext();
  }

  private static DmnModelInstance read(Path model) throws Exception {
    try (InputStream in = Files.newInputStream(model)) {
      return Dmn.readModelFromStream(in);
    }
  }

  /** Counts what reaches FEEL. */
  private static final class Counting implements FeelEngine {
    private final FeelEngine feel;
    int unary;
    int expressions;

    Counting(FeelEngine feel) {
      this.feel = feel;
    }

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
      expressions++;
      return feel.evaluateSimpleExpression(expression, context);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
      unary++;
      return feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
    }
  }
}
