package cn.gov.gz.govcloud.optimization;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Camunda's FEEL engine parses every cell again on every evaluation (about 1 ms per resource for the Appendix C
 * table). A cell that holds only literals ({@code < 8}, {@code [1..10]}, {@code "VM","PHYSICAL"}, {@code "REVOKE"},
 * {@code >= 5, null}, {@code not("PHYSICAL")}) depends on nothing but its text and the input value, so its answer is remembered per (text, input value); a cell
 * naming any variable or function is always passed to FEEL ({@link cn.gov.gz.govcloud.engine.FeelParsedOnce}'s engine,
 * which at least parses it only once). Inputs are utilisation percentages with two decimals,
 * capacities and day counts, so the number of distinct pairs stays small whatever the number of resources. An input
 * expression that is just a variable name is answered with that variable's value.
 */
final class MemoizingFeelEngine implements FeelEngine {

  private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** FEEL keywords that name no variable. */
  private static final Pattern KEYWORDS = Pattern.compile("\\b(null|not)\\b");
  private static final Pattern LITERALS_ONLY = Pattern.compile("[\\s0-9.\\-<>=\\[\\](),]*");
  static final int MAX_ENTRIES = 1_000_000;

  private record Key(String expression, Object input) {}

  private final FeelEngine feel;
  private final Map<Key, Boolean> tests = new ConcurrentHashMap<>();
  private final Map<String, Object> literals = new ConcurrentHashMap<>();

  MemoizingFeelEngine(FeelEngine feel) {
    this.feel = feel;
  }

  static boolean literalsOnly(String expression) {
    return expression != null && LITERALS_ONLY.matcher(KEYWORDS.matcher(QUOTED.matcher(expression).replaceAll(""))
        .replaceAll("")).matches();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
    if (expression != null && NAME.matcher(expression).matches() && !"null".equals(expression)
        && context.containsVariable(expression)) {
      // an input expression that names a variable is that variable's value
      TypedValue value = context.resolve(expression);
      return value == null ? null : (T) value.getValue();
    }
    if (!literalsOnly(expression)) {
      return feel.evaluateSimpleExpression(expression, context);
    }
    Object cached = literals.get(expression);
    if (cached == null) {
      cached = feel.evaluateSimpleExpression(expression, context);
      if (cached != null) {
        literals.put(expression, cached);
      }
    }
    return (T) cached;
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
    if (!literalsOnly(expression)) {
      return feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
    }
    TypedValue input = context.resolve(inputVariable);
    Key key = new Key(expression, input == null ? null : input.getValue());
    Boolean cached = tests.get(key);
    if (cached == null) {
      cached = feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
      if (tests.size() >= MAX_ENTRIES) {
        tests.clear();
      }
      tests.put(key, cached);
    }
    return cached;
  }
}
