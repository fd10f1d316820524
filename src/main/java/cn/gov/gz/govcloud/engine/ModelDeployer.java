package cn.gov.gz.govcloud.engine;

import cn.gov.gz.govcloud.engine.ModelCatalog.Model;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * Deploys the packaged models when the engine starts: one deployment per BPMN model together with the forms it
 * references (so {@code camunda:formRefBinding="deployment"} finds them), one per DMN model, one per form no model
 * references, each named after its model with source {@value #SOURCE}. Every deployment passes the
 * {@link DeploymentCheck} like any other. Deployments are serialized by the engine's deployment lock, so nodes starting
 * together do not deploy twice.
 *
 * <p>Where the truth lives (the restart rule; README "Models and deployment", docs/model-deployment.md): the latest
 * deployed version of a process or decision is what runs. A process owner may deploy a newer version from Camunda
 * Modeler; at start, for each packaged model:
 * <ul>
 *   <li>nothing deployed yet: the packaged model is deployed;</li>
 *   <li>the latest version already has the packaged content (whoever deployed it): nothing happens;</li>
 *   <li>the packaged model changed since the application last deployed it (a new release of the jar): it is deployed
 *       and becomes the latest version; when that replaces an owner's version, a warning names the version replaced
 *       (a release brings the owners' changes back into processes/ first);</li>
 *   <li>the packaged model did not change, and a later version deployed by someone else is the latest: that version
 *       stays, so a restart never undoes an owner's deployment, unless it no longer passes the checks against the
 *       running application (a bean an upgrade removed, or a version deployed before the checks without its forms):
 *       then the packaged model is deployed again, with a warning naming the problems.</li>
 * </ul>
 */
@Component
public class ModelDeployer extends AbstractProcessEnginePlugin {

  static final String SOURCE = "govcloud-ops";
  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

  private final ModelCatalog catalog;
  private final DeploymentCheck check;

  public ModelDeployer(ModelCatalog catalog, DeploymentCheck check) {
    this.catalog = catalog;
    this.check = check;
  }

  /** What the deployer did with one packaged model at start. */
  public enum Action {
    /** first deployment of the model */
    DEPLOYED,
    /** the latest version has the packaged content */
    UNCHANGED,
    /** the packaged model changed (a new release): deployed as the latest version */
    UPGRADED,
    /** the packaged model changed and replaced a later version someone else deployed (logged as a warning) */
    REPLACED_OTHER_VERSION,
    /** the packaged model did not change; a later version someone else deployed stays the latest */
    KEPT_OTHER_VERSION,
    /** a later version someone else deployed no longer passes the checks: the packaged model was deployed again */
    REPAIRED
  }

  /** The outcome for one packaged model: its deployment name, what was done, and the version concerned. */
  public record Outcome(String name, Action action, String detail) {

    public boolean created() {
      return action != Action.UNCHANGED && action != Action.KEPT_OTHER_VERSION;
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    deployAll(processEngine.getRepositoryService());
  }

  /** Applies the restart rule to every packaged model: decisions first, then processes, then forms of no model. */
  public List<Outcome> deployAll(RepositoryService repositoryService) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Model dmn : catalog.dmnModels()) {
      Map<String, byte[]> resources = resources(dmn);
      outcomes.add(deploy(repositoryService, new Unit(dmn.name(), dmn.name(), resources, decisionKeys(dmn), false)));
    }
    Set<String> formsWithModel = new LinkedHashSet<>();
    for (Model bpmn : catalog.bpmnModels()) {
      Map<String, byte[]> resources = resources(bpmn);
      for (String formId : catalog.formRefs(bpmn)) {
        Model form = catalog.formsById().get(formId);
        if (form == null) {
          throw new IllegalStateException(bpmn.name() + " references form '" + formId + "' that is not in forms/");
        }
        resources.put(form.name(), form.bytes());
        formsWithModel.add(formId);
      }
      outcomes.add(deploy(repositoryService, new Unit(bpmn.name(), bpmn.name(), resources, processKeys(bpmn), true)));
    }
    catalog.formsById().forEach((id, form) -> {
      if (!formsWithModel.contains(id)) {
        outcomes.add(deployFiltered(repositoryService, new Unit(form.name(), form.name(), resources(form), List.of(),
            false), Action.DEPLOYED));
      }
    });
    outcomes.stream().filter(o -> o.action() == Action.UNCHANGED)
        .forEach(o -> log.debug("{} unchanged, not redeployed", o.name()));
    return outcomes;
  }

  private Outcome deploy(RepositoryService repositoryService, Unit unit) {
    List<ResourceDefinition> versions = versions(repositoryService, unit);
    if (versions.isEmpty()) {
      return deployFiltered(repositoryService, unit, Action.DEPLOYED);
    }
    ResourceDefinition latest = versions.get(0);
    if (sameContent(repositoryService, latest.getDeploymentId(), latest.getResourceName(), unit)) {
      return new Outcome(unit.name(), Action.UNCHANGED, describe(repositoryService, latest));
    }
    Optional<ResourceDefinition> lastPackaged = versions.stream()
        .filter(v -> isPackaged(repositoryService, v, unit)).findFirst();
    boolean packagedChanged = lastPackaged.isEmpty() || !sameContent(repositoryService,
        lastPackaged.get().getDeploymentId(), lastPackaged.get().getResourceName(), unit);
    boolean latestIsOther = !isPackaged(repositoryService, latest, unit);
    if (packagedChanged) {
      Outcome done = deployFiltered(repositoryService, unit, latestIsOther ? Action.REPLACED_OTHER_VERSION
          : Action.UPGRADED);
      if (latestIsOther && done.created()) {
        log.warn("processes/{} changed in this release and is now the latest version of {}; it replaces {}. If that "
            + "version held a process owner's change that this release does not contain, bring the change back into "
            + "processes/ (docs/model-deployment.md) and deploy it again.", unit.name(), unit.keys(),
            describe(repositoryService, latest));
      }
      return new Outcome(done.name(), done.action(), describe(repositoryService, latest));
    }
    List<ModelProblem> problems = check.recheck(latest.getDeploymentId());
    if (problems.isEmpty()) {
      log.info("{}: keeping {} as the latest version (processes/{} did not change since the application deployed it)",
          unit.keys(), describe(repositoryService, latest), unit.name());
      return new Outcome(unit.name(), Action.KEPT_OTHER_VERSION, describe(repositoryService, latest));
    }
    log.warn("{}: {} does not work with this application any more, so processes/{} is deployed again as the latest "
        + "version. Problems:\n{}", unit.keys(), describe(repositoryService, latest), unit.name(),
        problems.stream().map(ModelProblem::toString).collect(Collectors.joining("\n")));
    DeploymentBuilder builder = builder(repositoryService, unit);
    Deployment deployment = builder.deploy();
    log.info("Deployed {} as deployment {}", unit.name(), deployment.getId());
    return new Outcome(unit.name(), Action.REPAIRED, describe(repositoryService, latest));
  }

  /** Deploys unless the last deployment of this name by the application has the same resources (engine's filter). */
  private Outcome deployFiltered(RepositoryService repositoryService, Unit unit, Action action) {
    long before = repositoryService.createDeploymentQuery().deploymentName(unit.name()).count();
    Deployment deployment = builder(repositoryService, unit).enableDuplicateFiltering(false).deploy();
    if (repositoryService.createDeploymentQuery().deploymentName(unit.name()).count() > before) {
      log.info("Deployed {} as deployment {}", unit.name(), deployment.getId());
      return new Outcome(unit.name(), action, deployment.getId());
    }
    return new Outcome(unit.name(), Action.UNCHANGED, deployment.getId());
  }

  private static DeploymentBuilder builder(RepositoryService repositoryService, Unit unit) {
    DeploymentBuilder builder = repositoryService.createDeployment().name(unit.name()).source(SOURCE);
    unit.resources().forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
    return builder;
  }

  /** Every version of the unit's main definition (its first process or decision key), newest first. */
  private static List<ResourceDefinition> versions(RepositoryService repositoryService, Unit unit) {
    if (unit.keys().isEmpty()) {
      return List.of();
    }
    String key = unit.keys().get(0);
    List<ResourceDefinition> all = new ArrayList<>(unit.process()
        ? repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).list()
        : repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).list());
    all.sort(Comparator.comparingInt(ResourceDefinition::getVersion).reversed());
    return all;
  }

  private static boolean isPackaged(RepositoryService repositoryService, ResourceDefinition version, Unit unit) {
    Deployment d = repositoryService.createDeploymentQuery().deploymentId(version.getDeploymentId()).singleResult();
    return d != null && SOURCE.equals(d.getSource()) && unit.name().equals(d.getName());
  }

  /**
   * Whether a deployed version has the unit's content: its model resource has the packaged model's bytes and every
   * packaged form is in its deployment with the same bytes.
   */
  private static boolean sameContent(RepositoryService repositoryService, String deploymentId, String modelResource,
      Unit unit) {
    List<String> names = repositoryService.getDeploymentResourceNames(deploymentId);
    for (Map.Entry<String, byte[]> r : unit.resources().entrySet()) {
      String deployedName = r.getKey().equals(unit.model()) ? modelResource : r.getKey();
      if (!names.contains(deployedName) || !Arrays.equals(r.getValue(),
          read(repositoryService, deploymentId, deployedName))) {
        return false;
      }
    }
    return true;
  }

  private static byte[] read(RepositoryService repositoryService, String deploymentId, String name) {
    try (InputStream in = repositoryService.getResourceAsStream(deploymentId, name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(RepositoryService repositoryService, ResourceDefinition version) {
    Deployment d = repositoryService.createDeploymentQuery().deploymentId(version.getDeploymentId()).singleResult();
    return "version " + version.getVersion() + " of " + version.getKey() + " (deployment '" + d.getName()
        + "', source " + d.getSource() + ", " + d.getDeploymentTime().toInstant() + ", id " + d.getId() + ")";
  }

  private static Map<String, byte[]> resources(Model main) {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    resources.put(main.name(), main.bytes());
    return resources;
  }

  private static List<String> processKeys(Model bpmn) {
    return ids(bpmn, "process").stream().toList();
  }

  private static List<String> decisionKeys(Model dmn) {
    return ids(dmn, "decision").stream().toList();
  }

  private static Set<String> ids(Model model, String element) {
    Set<String> ids = new LinkedHashSet<>();
    try {
      for (Element e : Xml.descendants(Xml.parse(model.bytes()).getDocumentElement(), element)) {
        if (("decision".equals(element) || "true".equals(Xml.attr(e, "isExecutable"))) && Xml.attr(e, "id") != null) {
          ids.add(Xml.attr(e, "id"));
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("packaged model " + model.name() + " is not valid XML: " + e.getMessage(), e);
    }
    return ids;
  }

  /** One packaged deployment: its name, the main model file, all its resources and the keys the model defines. */
  private record Unit(String name, String model, Map<String, byte[]> resources, List<String> keys, boolean process) {}
}
