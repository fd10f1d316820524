package cn.gov.gz.govcloud.engine;

import camundajar.impl.scala.util.Either;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * The engine's decisions parse each FEEL cell once (issue 26, EmergencyStartBenchmark).
 *
 * <p>Camunda 7.24's FEEL engine parses the text of every input expression, input entry and output entry again on
 * every evaluation (camunda/feel-scala#1149); an emergency start evaluates three decision tables, about forty cells.
 * With this plugin parsing is about 1 % of an emergency start on PostgreSQL; the decisions' remaining quarter of it
 * was FEEL evaluating cells of literals only, which {@link LiteralCellMemo} in front of it answers from memory
 * (benchmarks/RESULTS.md). This plugin gives the DMN engine the same Scala FEEL engine with one change: the result of
 * parsing a text (the syntax tree, or the failure) is kept and evaluated against each evaluation's variables, exactly
 * as the engine would after parsing it again. Nothing else changes — the decisions, their history and the
 * legacy/custom-function settings — and the texts come only from deployed decision models, so the cache stays small
 * (it is emptied if it ever holds {@value #MAX_TEXTS} texts).
 */
@Component
public class FeelParsedOnce extends AbstractProcessEnginePlugin {

  static final int MAX_TEXTS = 20_000;

  /**
   * The same FEEL engine for a DMN engine of one's own (without custom functions), with room for {@code answers}
   * remembered answers of literal cells.
   */
  public static LiteralCellMemo engine(int answers) {
    return new LiteralCellMemo(new Engine(List.of()), answers);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isDmnFeelEnableLegacyBehavior()) {
      return; // the legacy JUEL-based FEEL engine parses differently; leave it alone
    }
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    if (dmn.getFeelEngineFactory() == null) {
      dmn.setFeelEngineFactory(
          () -> new LiteralCellMemo(new Engine(configuration.getDmnFeelCustomFunctionProviders())));
      configuration.setDmnEngineConfiguration(dmn);
    }
  }

  /** Camunda's Scala FEEL engine whose parser remembers what it parsed. */
  static final class Engine extends ScalaFeelEngine {

    Engine(List<FeelCustomFunctionProvider> functionProviders) {
      super(functionProviders == null ? List.of() : functionProviders);
      FeelEngine built = feelEngine;
      feelEngine = new Parser(built.functionProvider(), built.valueMapper(), built.configuration(), built.clock());
    }

    int parsedTexts() {
      return ((Parser) feelEngine).size();
    }
  }

  /**
   * The FEEL engine's evaluation parses with {@link #parseExpression} and {@link #parseUnaryTests} and then evaluates
   * the tree; both parses are answered from the texts seen before.
   */
  static final class Parser extends FeelEngine {

    private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    Parser(org.camunda.feel.context.FunctionProvider functions, org.camunda.feel.valuemapper.ValueMapper values,
        Configuration configuration, org.camunda.feel.FeelEngineClock clock) {
      super(functions, values, configuration, clock);
    }

    @Override
    public Either<Failure, ParsedExpression> parseExpression(String expression) {
      return remembered(expressions, expression, super::parseExpression);
    }

    @Override
    public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
      return remembered(unaryTests, expression, super::parseUnaryTests);
    }

    int size() {
      return expressions.size() + unaryTests.size();
    }

    private Either<Failure, ParsedExpression> remembered(Map<String, Either<Failure, ParsedExpression>> parsed,
        String text, Function<String, Either<Failure, ParsedExpression>> parse) {
      if (text == null) {
        return parse.apply(null);
      }
      Either<Failure, ParsedExpression> known = parsed.get(text);
      if (known != null) {
        return known;
      }
      if (size() >= MAX_TEXTS) {
        parsed.clear();
      }
      known = parse.apply(text);
      parsed.put(text, known);
      return known;
    }
  }
}
