package cn.gov.gz.govcloud.optimization;

import cn.gov.gz.govcloud.engine.LiteralCellMemo;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The Appendix C table's FEEL engine: the engine's own ({@link LiteralCellMemo} over
 * {@link cn.gov.gz.govcloud.engine.FeelParsedOnce}: literal cells answered per (text, input value), every other text
 * parsed once), and one shortcut more. An input expression that is just a variable name is answered with that
 * variable's value whatever its type: the table's inputs are all typed (string, integer, double), so the DMN engine
 * converts the value to the input's type as it would convert FEEL's answer. Without the memory Camunda's engine
 * parsed every cell again for every resource, about 1 ms per resource.
 */
final class MemoizingFeelEngine implements FeelEngine {

  /**
   * Room for remembered answers: utilisation percentages with two decimals, capacities and day counts against the
   * table's literal cells.
   */
  static final int ANSWERS = 1_000_000;

  private final FeelEngine feel;

  MemoizingFeelEngine(FeelEngine feel) {
    this.feel = feel;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
    if (LiteralCellMemo.namesVariable(expression, context)) {
      TypedValue value = context.resolve(expression);
      return value == null ? null : (T) value.getValue();
    }
    return feel.evaluateSimpleExpression(expression, context);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
    return feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
  }
}
