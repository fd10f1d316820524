package cn.gov.gz.govcloud.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.model.dmn.HitPolicy;

/**
 * One decision table of {@code processes/}, parsed from the project directory and evaluated by the plain DMN engine
 * (tier "dmn": no process engine, no application). It remembers which rules matched, so a test can prove that its
 * cases hit every rule of the table.
 */
public final class DmnTable {

  private final DmnEngine engine;
  private final DmnDecision decision;
  private final Set<String> hit = new LinkedHashSet<>();
  private List<String> lastMatched = List.of();

  private DmnTable(String file) {
    DmnDecisionTableEvaluationListener listener = new DmnDecisionTableEvaluationListener() {
      @Override
      public void notify(DmnDecisionTableEvaluationEvent event) {
        lastMatched = event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
        hit.addAll(lastMatched);
      }
    };
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(listener));
    engine = configuration.buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes", file))) {
      List<DmnDecision> decisions = engine.parseDecisions(in);
      if (decisions.size() != 1) {
        throw new IllegalStateException(file + ": expected one decision, found " + decisions.size());
      }
      decision = decisions.get(0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The table of {@code processes/<file>}. */
  public static DmnTable load(String file) {
    return new DmnTable(file);
  }

  public String key() {
    return decision.getKey();
  }

  public HitPolicy hitPolicy() {
    return table().getHitPolicyHandler().getHitPolicyEntry().getHitPolicy();
  }

  /** The ids of the table's rules, in order. */
  public List<String> ruleIds() {
    return table().getRules().stream().map(DmnDecisionTableRuleImpl::getId).toList();
  }

  /** Every rule that matched in an evaluation so far. */
  public Set<String> rulesHit() {
    return Set.copyOf(hit);
  }

  /** Evaluates the table on the inputs given as name-value pairs (a value may be null). */
  public DmnDecisionResult evaluate(Object... nameValue) {
    Map<String, Object> input = new HashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      input.put((String) nameValue[i], nameValue[i + 1]);
    }
    return engine.evaluateDecision(decision, input);
  }

  /** The rules that matched in the last evaluation, after the hit policy (ids, in order). */
  public List<String> matched() {
    return new ArrayList<>(lastMatched);
  }

  /** The single result's entries (fails unless exactly one row results). */
  public Map<String, Object> single(Object... nameValue) {
    return evaluate(nameValue).getSingleResult().getEntryMap();
  }

  /** For messages: the rules never hit. */
  public String missed() {
    return ruleIds().stream().filter(r -> !hit.contains(r)).collect(Collectors.joining(", "));
  }

  private DmnDecisionTableImpl table() {
    return (DmnDecisionTableImpl) decision.getDecisionLogic();
  }
}
