package cn.gov.gz.govcloud.monitoring;

import cn.gov.gz.govcloud.engine.Privileged;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Service;

/**
 * The Appendix B thresholds from the decision {@code monitoring-thresholds}, which process owners change in Camunda
 * Modeler. The decision is evaluated once per distinct (metric, storage capacity) and the answers are cached for the
 * latest decision version: a newly deployed version (on any node, since the latest version is looked up in the
 * shared database) empties the cache.
 */
@Service
class MonitoringThresholds {

  public static final String DECISION_KEY = "monitoring-thresholds";

  private final RepositoryService repository;
  private final DecisionService decisions;
  private final Privileged privileged;
  private final Map<Key, Thresholds> cache = new ConcurrentHashMap<>();
  private volatile String cachedDefinitionId;

  MonitoringThresholds(RepositoryService repository, DecisionService decisions, Privileged privileged) {
    this.repository = repository;
    this.decisions = decisions;
    this.privileged = privileged;
  }

  private record Key(Metric metric, BigDecimal capacityTb) {}

  /** A view pinned to the latest decision version, for one batch of samples. */
  public Lookup current() {
    String id = privileged.run(() -> {
      DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
          .latestVersion().singleResult();
      if (d == null) {
        throw new IllegalStateException("decision " + DECISION_KEY + " is not deployed");
      }
      return d.getId();
    });
    if (!id.equals(cachedDefinitionId)) {
      synchronized (this) {
        if (!id.equals(cachedDefinitionId)) {
          cache.clear();
          cachedDefinitionId = id;
        }
      }
    }
    return (metric, capacityTb) -> thresholds(id, metric, capacityTb);
  }

  /** The thresholds of a metric, for storage of a resource of the given capacity (null: not in the ledger). */
  public Thresholds of(Metric metric, BigDecimal capacityTb) {
    return current().of(metric, capacityTb);
  }

  /** How many (metric, capacity) answers are cached now. */
  int cachedEntries() {
    return cache.size();
  }

  private Thresholds thresholds(String definitionId, Metric metric, BigDecimal capacityTb) {
    BigDecimal capacity = metric == Metric.STORAGE && capacityTb != null ? capacityTb.stripTrailingZeros() : null;
    Key key = new Key(metric, capacity);
    Thresholds cached = cache.get(key);
    if (cached != null && definitionId.equals(cachedDefinitionId)) {
      return cached;
    }
    Thresholds t = evaluate(definitionId, metric, capacity);
    if (definitionId.equals(cachedDefinitionId)) {
      cache.put(key, t);
    }
    return t;
  }

  private Thresholds evaluate(String definitionId, Metric metric, BigDecimal capacityTb) {
    var result = privileged.run(() -> decisions.evaluateDecisionById(definitionId)
        .variables(Variables.createVariables().putValue("metric", metric.key())
            .putValueTyped("capacityTb", Variables.doubleValue(capacityTb == null ? null : capacityTb.doubleValue())))
        .evaluate());
    if (result.isEmpty()) {
      return new Thresholds(null, null, null, false);
    }
    Map<String, TypedValue> row = result.getFirstResult().getEntryMapTyped();
    return new Thresholds(decimal(row.get("lower")), decimal(row.get("upper")), decimal(row.get("severe")),
        row.get("lowEscalates") != null && Boolean.TRUE.equals(row.get("lowEscalates").getValue()));
  }

  private static BigDecimal decimal(TypedValue v) {
    return v == null || v.getValue() == null ? null : new BigDecimal(v.getValue().toString()).stripTrailingZeros();
  }

  /** Thresholds by metric and capacity, all from one decision version. */
  @FunctionalInterface
  public interface Lookup {
    Thresholds of(Metric metric, BigDecimal capacityTb);
  }
}
