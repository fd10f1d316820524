package cn.gov.gz.govcloud.optimization;

import cn.gov.gz.govcloud.engine.FeelParsedOnce;
import cn.gov.gz.govcloud.engine.Privileged;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * The Appendix C rules from the decision {@code appendix-c-candidates}, which process owners change in Camunda Modeler.
 * At the city's scale (20,000+ resources per review) the latest deployed version is parsed once by a DMN engine with
 * Camunda's FEEL engine behind {@link MemoizingFeelEngine} and evaluated in memory per resource with typed inputs: the
 * rules stay in the model, literal cells are not parsed again for every resource, and a review does not write 20,000
 * decision instances to the history. A newly deployed version (on any node) is picked up by the next review. The table's
 * hit policy is COLLECT: a resource gets one recommendation for every row it matches (which rows exclude each other is
 * written in the rows' conditions), none when it is kept.
 */
@Service
public class AppendixCRules {

  /** What the decision reads of one resource over the period (utilisation in percent, null when not measured). */
  public record Figures(String resourceType, int daysInPeriod, int monitoredDays, int offDaysRun, BigDecimal cpuAvg,
      BigDecimal memoryAvg, BigDecimal diskTb, BigDecimal storageAvg) {

    VariableMap variables() {
      return Variables.createVariables()
          .putValueTyped("resourceType", Variables.stringValue(resourceType))
          .putValueTyped("monitoredDays", Variables.integerValue(monitoredDays))
          .putValueTyped("missingDays", Variables.integerValue(Math.max(0, daysInPeriod - monitoredDays)))
          .putValueTyped("offDaysRun", Variables.integerValue(offDaysRun))
          .putValueTyped("cpuAvg", Variables.doubleValue(dbl(cpuAvg)))
          .putValueTyped("memoryAvg", Variables.doubleValue(dbl(memoryAvg)))
          .putValueTyped("diskTb", Variables.doubleValue(dbl(diskTb)))
          .putValueTyped("storageAvg", Variables.doubleValue(dbl(storageAvg)));
    }

    private static Double dbl(BigDecimal d) {
      return d == null ? null : d.doubleValue();
    }
  }

  /** One recommendation: SCALE_DOWN, REVOKE, SCALE_UP or PLUGIN_ABNORMAL, what to adjust, and the rule's wording. */
  public record Classification(String action, String target, String ruleLabel) {}

  /** How strongly an action marks its resource, strongest first (the resource's one action in the usage table). */
  private static final List<String> PRECEDENCE = List.of("REVOKE", "SCALE_DOWN", "SCALE_UP", "PLUGIN_ABNORMAL");

  /** The resource's action among its recommendations: the first of REVOKE, SCALE_DOWN, SCALE_UP, PLUGIN_ABNORMAL. */
  public static String principalAction(List<Classification> recommendations) {
    return PRECEDENCE.stream().filter(a -> recommendations.stream().anyMatch(c -> a.equals(c.action()))).findFirst()
        .orElse("KEEP");
  }

  private final RepositoryService repository;
  private final DecisionService decisions;
  private final Privileged privileged;
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  private final DmnEngine dmn;

  AppendixCRules(RepositoryService repository, DecisionService decisions, Privileged privileged) {
    this.dmn = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
        .feelEngineFactory(() -> new MemoizingFeelEngine(FeelParsedOnce.engine(MemoizingFeelEngine.ANSWERS)))
        .buildEngine();
    this.repository = repository;
    this.decisions = decisions;
    this.privileged = privileged;
  }

  /**
   * Classifies every resource with the latest deployed version of the decision: per resource the recommendations of
   * every matching row in the table's order, empty when the resource is kept.
   */
  public List<List<Classification>> classify(List<Figures> resources) {
    return privileged.run(() -> {
      DmnDecision decision = latest();
      List<List<Classification>> out = new ArrayList<>(resources.size());
      for (Figures f : resources) {
        out.add(answers(dmn.evaluateDecision(decision, f.variables())));
      }
      return out;
    });
  }

  /**
   * The same through the engine's DecisionService, one evaluation per resource with its decision instance in the
   * history: the benchmark's comparison, and the way to check a single resource as Cockpit shows it.
   */
  public List<List<Classification>> classifyThroughDecisionService(List<Figures> resources) {
    return privileged.run(() -> {
      List<List<Classification>> out = new ArrayList<>(resources.size());
      for (Figures f : resources) {
        out.add(answers(decisions.evaluateDecisionByKey(OptimizationVariables.DECISION_KEY).variables(f.variables())
            .evaluate()));
      }
      return out;
    });
  }

  private DmnDecision latest() {
    DecisionDefinition d = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(OptimizationVariables.DECISION_KEY).latestVersion().singleResult();
    if (d == null) {
      throw new IllegalStateException("decision " + OptimizationVariables.DECISION_KEY + " is not deployed");
    }
    return parsed.computeIfAbsent(d.getId(), id -> {
      try (InputStream in = repository.getResourceAsStream(d.getDeploymentId(), d.getResourceName())) {
        return dmn.parseDecision(OptimizationVariables.DECISION_KEY, in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * The matched rows' recommendations in the table's order; a row whose action is empty or KEEP recommends nothing, and
   * of two rows with the same action and target (overlapping conditions) the first is kept.
   */
  private static List<Classification> answers(List<DmnDecisionResultEntries> rows) {
    List<Classification> out = new ArrayList<>(rows.size());
    for (DmnDecisionResultEntries row : rows) {
      Object action = row.get("action");
      if (action == null || "KEEP".equals(action.toString())) {
        continue;
      }
      Object target = row.get("target");
      Object label = row.get("ruleLabel");
      Classification c = new Classification(action.toString(), target == null ? "ALL" : target.toString(),
          label == null ? "" : label.toString());
      if (out.stream().noneMatch(o -> o.action().equals(c.action()) && o.target().equals(c.target()))) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }
}
