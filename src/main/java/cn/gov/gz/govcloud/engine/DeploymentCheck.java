package cn.gov.gz.govcloud.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.AbstractResourceDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.engine.repository.ResourceTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * Checks every new deployment before it goes live, whoever makes it: Camunda Modeler's deploy button, the engine REST
 * API, or {@link ModelDeployer} at start. A Camunda pre-deployer, so it runs inside the deployment's transaction before
 * the BPMN, DMN and form deployers; a refusal ({@link DeploymentRefusedException}, HTTP 400) names every problem and
 * how to fix it, and nothing is deployed.
 *
 * <p>Forms travel with their model ({@code camunda:formRefBinding="deployment"}). Modeler's deploy button sends the
 * open BPMN alone unless the owner attaches files, so a model whose tasks bind a form by deployment gets the form
 * attached here when the deployment lacks it: the form of the latest deployment that has a form with that id. A
 * one-model deploy from Modeler therefore just works: every task of the new version opens its form. A form that was
 * never deployed is refused with the file to attach.
 *
 * <p>Deployments already made (the engine re-reads them into its cache) are not checked again here; at start
 * {@link ModelDeployer} checks the latest version of each shipped model with {@link #recheck(String)}.
 */
@Component
class DeploymentCheck extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(DeploymentCheck.class);
  private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");

  private final ListableBeanFactory beans;
  private final ModelCatalog catalog;
  private final ObjectProvider<DeploymentRule> rules;
  private volatile PackagedModels packaged;
  private ProcessEngineConfigurationImpl configuration;

  public DeploymentCheck(ListableBeanFactory beans, ModelCatalog catalog, ObjectProvider<DeploymentRule> rules) {
    this.beans = beans;
    this.catalog = catalog;
    this.rules = rules;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(this::beforeDeploy);
    configuration.setCustomPreDeployers(deployers);
  }

  void beforeDeploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    CommandContext commandContext = Context.getCommandContext();
    EngineContext context = new EngineContext(commandContext, deployment.getTenantId(), true);
    List<ModelProblem> problems = new ArrayList<>();
    attachForms(commandContext, deployment, problems);
    Map<String, byte[]> resources = new LinkedHashMap<>();
    deployment.getResources().forEach((name, r) -> resources.put(name, r.getBytes()));
    problems.addAll(check(context, resources));
    if (!problems.isEmpty()) {
      throw new DeploymentRefusedException(deployment.getName(), deployment.getSource(), problems);
    }
  }

  /**
   * The problems an existing deployment has with the application as it runs now (a bean removed by an upgrade, a form
   * its tasks bind by deployment that it lacks), checked as at deployment except the rules about how it changed the
   * previous version.
   */
  public List<ModelProblem> recheck(String deploymentId) {
    return configuration.getCommandExecutorTxRequired().execute(commandContext -> {
      Map<String, byte[]> resources = new LinkedHashMap<>();
      for (ResourceEntity r : commandContext.getResourceManager().findResourcesByDeploymentId(deploymentId)) {
        resources.put(r.getName(), r.getBytes());
      }
      String tenant = commandContext.getDeploymentManager().findDeploymentById(deploymentId).getTenantId();
      return check(new EngineContext(commandContext, tenant, false), resources);
    });
  }

  private List<ModelProblem> check(CheckContext context, Map<String, byte[]> resources) {
    List<ModelProblem> problems = new ArrayList<>(new ModelRules(context, resources).check());
    rules.orderedStream().forEach(rule -> resources.forEach((name, content) ->
        problems.addAll(rule.check(name, content))));
    return problems;
  }

  /**
   * Adds to a new deployment the forms its models bind by deployment and it lacks, from the latest deployment that
   * has them; a form that was never deployed is left for the check to name.
   */
  private void attachForms(CommandContext commandContext, DeploymentEntity deployment, List<ModelProblem> problems) {
    Map<String, ResourceEntity> resources = deployment.getResources();
    Set<String> present = new LinkedHashSet<>();
    for (ResourceEntity r : resources.values()) {
      if (ModelRules.isForm(r.getName())) {
        String id = ModelRules.formId(r.getBytes());
        if (id != null) {
          present.add(id);
        }
      }
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (ResourceEntity r : new ArrayList<>(resources.values())) {
      if (ModelRules.isBpmn(r.getName())) {
        wanted.addAll(formsBoundByDeployment(r.getBytes()));
      }
    }
    wanted.removeAll(present);
    List<String> attached = new ArrayList<>();
    for (String formId : wanted) {
      CamundaFormDefinitionEntity form = commandContext.getCamundaFormDefinitionManager()
          .findLatestDefinitionByKeyAndTenantId(formId, deployment.getTenantId());
      if (form == null) {
        continue; // never deployed: ModelRules names the file to attach
      }
      ResourceEntity source = commandContext.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(form.getDeploymentId(), form.getResourceName());
      if (source == null) {
        continue;
      }
      if (resources.containsKey(source.getName())) {
        problems.add(new ModelProblem(source.getName(), null, "部署中的同名文件不是表单 " + formId + "，系统无法自动附加该表单："
                + "请在部署对话框中附加包含表单 " + formId + " 的文件，或为表单文件改名。",
            "the file of this name in the deployment is not form " + formId + ", so it cannot be attached: attach "
                + "the file holding form " + formId + " or rename the file."));
        continue;
      }
      ResourceEntity copy = new ResourceEntity();
      copy.setName(source.getName());
      copy.setBytes(source.getBytes());
      copy.setDeploymentId(deployment.getId());
      copy.setTenantId(deployment.getTenantId());
      copy.setType(ResourceTypes.REPOSITORY.getValue());
      copy.setCreateTime(ClockUtil.getCurrentTime());
      commandContext.getResourceManager().insertResource(copy);
      deployment.addResource(copy);
      attached.add(source.getName() + " (version " + form.getVersion() + " of form " + formId + ", from deployment "
          + form.getDeploymentId() + ")");
    }
    if (!attached.isEmpty()) {
      log.info("Deployment {} ({}) binds forms by deployment without carrying them; attached: {}",
          deployment.getName(), deployment.getSource(), String.join(", ", attached));
    }
  }

  /** Literal form ids a BPMN model's tasks and start events reference with {@code formRefBinding="deployment"}. */
  static Set<String> formsBoundByDeployment(byte[] bpmn) {
    Set<String> ids = new LinkedHashSet<>();
    try {
      Element root = Xml.parse(bpmn).getDocumentElement();
      for (String type : List.of("userTask", "startEvent")) {
        for (Element e : Xml.descendants(root, type)) {
          String ref = Xml.camunda(e, "formRef");
          if (ref != null && !Xml.isExpression(ref) && "deployment".equals(Xml.camunda(e, "formRefBinding"))) {
            ids.add(ref);
          }
        }
      }
    } catch (Exception e) {
      // not readable: the check reports it
    }
    return ids;
  }

  PackagedModels packaged() {
    PackagedModels p = packaged;
    if (p == null) {
      p = PackagedModels.of(catalog.bpmnModels(), catalog.dmnModels());
      packaged = p;
    }
    return p;
  }

  /** The check's view of the engine and the application, inside the deployment's command. */
  private final class EngineContext implements CheckContext {
    private final CommandContext commandContext;
    private final String tenantId;
    private final boolean isNew;

    EngineContext(CommandContext commandContext, String tenantId, boolean isNew) {
      this.commandContext = commandContext;
      this.tenantId = tenantId;
      this.isNew = isNew;
    }

    @Override
    public boolean isNew() {
      return isNew;
    }

    @Override
    public boolean processExists(String key, String binding, String version, String versionTag) {
      return exists(commandContext.getProcessDefinitionManager(), key, binding, version, versionTag);
    }

    @Override
    public boolean decisionExists(String key, String binding, String version, String versionTag) {
      return exists(commandContext.getDecisionDefinitionManager(), key, binding, version, versionTag);
    }

    @Override
    public boolean formExists(String key, String binding, String version) {
      return exists(commandContext.getCamundaFormDefinitionManager(), key, binding, version, null);
    }

    private <T extends ResourceDefinition> boolean exists(AbstractResourceDefinitionManager<T> manager, String key,
        String binding, String version, String versionTag) {
      return switch (binding) {
        case "version" -> {
          try {
            yield version != null
                && manager.findDefinitionByKeyVersionAndTenantId(key, Integer.valueOf(version), tenantId) != null;
          } catch (NumberFormatException e) {
            yield false;
          }
        }
        case "versionTag" -> versionTag != null
            && manager.findDefinitionByKeyVersionTagAndTenantId(key, versionTag, tenantId) != null;
        default -> manager.findLatestDefinitionByKeyAndTenantId(key, tenantId) != null;
      };
    }

    @Override
    public Set<String> processKeysDeployedFrom(String resourceName) {
      ProcessDefinitionQueryImpl query = new ProcessDefinitionQueryImpl();
      query.processDefinitionResourceName(resourceName);
      Set<String> keys = new TreeSet<>();
      for (ProcessDefinition d : commandContext.getProcessDefinitionManager()
          .findProcessDefinitionsByQueryCriteria(query, null)) {
        keys.add(d.getKey());
      }
      return keys;
    }

    @Override
    public Map<String, String> latestProcessesBindingFormByDeployment(String formId) {
      ProcessDefinitionQueryImpl query = new ProcessDefinitionQueryImpl();
      query.latestVersion();
      Map<String, String> found = new LinkedHashMap<>();
      for (ProcessDefinition d : commandContext.getProcessDefinitionManager()
          .findProcessDefinitionsByQueryCriteria(query, null)) {
        ResourceEntity model = commandContext.getResourceManager()
            .findResourceByDeploymentIdAndResourceName(d.getDeploymentId(), d.getResourceName());
        if (model != null && FORM_REF.matcher(new String(model.getBytes(), StandardCharsets.UTF_8))
            .results().anyMatch(m -> m.group(1).equals(formId))
            && formsBoundByDeployment(model.getBytes()).contains(formId)) {
          found.put(d.getKey(), d.getResourceName());
        }
      }
      return found;
    }

    @Override
    public Optional<Class<?>> beanType(String name) {
      if (!beans.containsBean(name)) {
        return Optional.empty();
      }
      return Optional.ofNullable(beans.getType(name));
    }

    @Override
    public Set<String> delegateBeans() {
      return new TreeSet<>(Arrays.asList(beans.getBeanNamesForType(JavaDelegate.class, false, false)));
    }

    @Override
    public void parseExpression(String text) {
      configuration.getExpressionManager().createExpression(text);
    }

    @Override
    public void resolveTimer(String kind, String value) {
      String calendar = switch (kind) {
        case "timeDate" -> "dueDate";
        case "timeDuration" -> "duration";
        default -> "cycle";
      };
      if (configuration.getBusinessCalendarManager().getBusinessCalendar(calendar).resolveDuedate(value) == null) {
        throw new IllegalArgumentException("no due date");
      }
    }

    @Override
    public PackagedModels packaged() {
      return DeploymentCheck.this.packaged();
    }
  }
}
