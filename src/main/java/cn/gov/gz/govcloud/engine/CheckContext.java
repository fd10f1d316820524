package cn.gov.gz.govcloud.engine;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the model checks need to know beyond the deployment itself: the engine's repository and the application. */
interface CheckContext {

  /** A deployment being made now (all checks), or one deployed earlier and checked again at start (fewer checks). */
  boolean isNew();

  /** Whether a process definition exists for the call-activity binding ("latest", "version", "versionTag"). */
  boolean processExists(String key, String binding, String version, String versionTag);

  boolean decisionExists(String key, String binding, String version, String versionTag);

  boolean formExists(String key, String binding, String version);

  /** The process keys earlier deployments defined in a resource of this name. */
  Set<String> processKeysDeployedFrom(String resourceName);

  /**
   * The latest process versions whose tasks bind this form by deployment ({@code formRefBinding="deployment"}): process
   * key to the resource name of its model.
   */
  Map<String, String> latestProcessesBindingFormByDeployment(String formId);

  /** The type of the bean of this name, empty when there is none. */
  Optional<Class<?>> beanType(String name);

  /** Names of the Java delegate beans, to suggest one when a model names a bean that does not exist. */
  Set<String> delegateBeans();

  /** Throws when the text is not a valid expression of the engine's expression language. */
  void parseExpression(String text);

  /** Throws when a timer's literal value (not an expression) cannot be resolved by the engine's business calendar. */
  void resolveTimer(String kind, String value);

  /** The models the application ships in processes/: what the code relies on. */
  PackagedModels packaged();
}
