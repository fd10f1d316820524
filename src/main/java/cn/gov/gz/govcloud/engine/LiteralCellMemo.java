package cn.gov.gz.govcloud.engine;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Remembers the answers of decision cells that hold only literals (issue 26: after {@link FeelParsedOnce} the
 * decisions were still a quarter of an emergency start, all of it FEEL evaluating cells such as {@code "CORE"},
 * {@code "INTERRUPTION","DATA_LOSS"}, {@code < 8}, {@code [1..10]}, {@code >= 5, null} or {@code not("PHYSICAL")}).
 *
 * <p>Such a cell depends on nothing but its text and the input value, so its answer is kept per (text, input value)
 * and the next evaluation with the same pair is answered from memory. Anything else goes to FEEL every time:
 * a cell that names a variable or calls a function ({@code > cpuAvg}, {@code date("2043-01-01")}, {@code ? > 3}),
 * an input value that is not a string, boolean or number (dates, lists, objects), a string longer than
 * {@value #MAX_STRING} characters, and a failure (it is thrown again on the next evaluation, as FEEL would). An output
 * or input expression of literals only is kept when its value is a string, boolean or number, all immutable. An input
 * expression that is just the name of a string or boolean variable is answered with that variable's value, which is
 * what FEEL gives back for those two types. Answers are exactly FEEL's (LiteralCellMemoTest compares every decision
 * table of every model in {@code processes/} with Camunda's own engine); the memory is emptied whenever it reaches its
 * size, {@value #MAX_ENTRIES} pairs for the engine's decisions.
 */
public final class LiteralCellMemo implements FeelEngine {

  static final int MAX_ENTRIES = 200_000;
  static final int MAX_STRING = 256;

  private static final Pattern QUOTED = Pattern.compile("\"[^\"\\\\]*\"");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** FEEL keywords that name no variable and may stand in a literal cell. */
  private static final Pattern KEYWORDS = Pattern.compile("\\b(null|not|true|false)\\b");
  private static final Pattern LITERALS_ONLY = Pattern.compile("[\\s0-9.\\-<>=\\[\\](),]*");
  /** Names FEEL reads as keywords, never as variables. */
  private static final Set<String> RESERVED = Set.of("null", "true", "false", "not", "and", "or", "if", "then",
      "else", "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of", "function");

  private record Key(String text, Object input) {}

  private final FeelEngine feel;
  private final int maxEntries;
  private final Map<Key, Boolean> tests = new ConcurrentHashMap<>();
  private final Map<String, Object> expressions = new ConcurrentHashMap<>();
  /** Whether each text seen is literal, decided once (the texts are the deployed models' cells). */
  private final Map<String, Boolean> literal = new ConcurrentHashMap<>();

  public LiteralCellMemo(FeelEngine feel) {
    this(feel, MAX_ENTRIES);
  }

  /** With room for {@code maxEntries} (cell, input value) answers. */
  public LiteralCellMemo(FeelEngine feel, int maxEntries) {
    this.feel = feel;
    this.maxEntries = maxEntries;
  }

  /** The FEEL engine behind the memory. */
  public FeelEngine feel() {
    return feel;
  }

  /** Whether {@code text} holds only literals: numbers, quoted strings, booleans, null, comparisons, ranges, not. */
  public static boolean literalsOnly(String text) {
    return text != null && LITERALS_ONLY.matcher(KEYWORDS.matcher(QUOTED.matcher(text).replaceAll(""))
        .replaceAll("")).matches();
  }

  /** Whether {@code text} is just the name of a variable of {@code context} (not a FEEL keyword). */
  public static boolean namesVariable(String text, VariableContext context) {
    return text != null && NAME.matcher(text).matches() && !RESERVED.contains(text) && context.containsVariable(text);
  }

  private boolean literal(String text) {
    return text != null && literal.computeIfAbsent(text, LiteralCellMemo::literalsOnly);
  }

  /** How many (cell, input value) answers are remembered. */
  int remembered() {
    return tests.size() + expressions.size();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String text, VariableContext context) {
    if (namesVariable(text, context)) {
      TypedValue value = context.resolve(text);
      Object v = value == null ? null : value.getValue();
      if (v instanceof String || v instanceof Boolean) {
        return (T) v;
      }
      return feel.evaluateSimpleExpression(text, context);
    }
    if (!literal(text)) {
      return feel.evaluateSimpleExpression(text, context);
    }
    Object known = expressions.get(text);
    if (known != null) {
      return (T) known;
    }
    Object value = feel.evaluateSimpleExpression(text, context);
    if (value instanceof String || value instanceof Boolean || immutableNumber(value)) {
      expressions.put(text, value);
    }
    return (T) value;
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String text, String inputVariable, VariableContext context) {
    if (!literal(text)) {
      return feel.evaluateSimpleUnaryTests(text, inputVariable, context);
    }
    TypedValue input = context.resolve(inputVariable);
    Object value = input == null ? null : input.getValue();
    if (!(value == null || value instanceof Boolean || immutableNumber(value)
        || value instanceof String s && s.length() <= MAX_STRING)) {
      return feel.evaluateSimpleUnaryTests(text, inputVariable, context);
    }
    Key key = new Key(text, value);
    Boolean known = tests.get(key);
    if (known != null) {
      return known;
    }
    boolean answer = feel.evaluateSimpleUnaryTests(text, inputVariable, context);
    if (tests.size() >= maxEntries) {
      tests.clear();
    }
    tests.put(key, answer);
    return answer;
  }

  /** The JDK's boxed numbers and BigDecimal: immutable, with equality by value and type. */
  private static boolean immutableNumber(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof Short
        || value instanceof Byte || value instanceof Float || value != null && value.getClass() == BigDecimal.class;
  }
}
