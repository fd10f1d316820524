package cn.gov.gz.govcloud.engine;

import cn.gov.gz.govcloud.engine.ModelCatalog.Model;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deploys the packaged models when the engine starts: one deployment per BPMN model together with the forms it
 * references (so {@code camunda:formRefBinding="deployment"} finds them), one per DMN model, one per form no model
 * references. Each deployment is named after its model and filtered for duplicates, so a restart with unchanged models
 * creates no new versions, and changing one model versions only that model. Deployments are serialized by the
 * engine's deployment lock, so nodes starting together do not deploy twice.
 */
@Component
public class ModelDeployer extends AbstractProcessEnginePlugin {

  static final String SOURCE = "govcloud-ops";
  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

  private final ModelCatalog catalog;

  public ModelDeployer(ModelCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    deployAll(processEngine.getRepositoryService());
  }

  /** Deploys what changed; returns the names of the deployments that were created. */
  public List<String> deployAll(RepositoryService repositoryService) {
    List<String> created = new ArrayList<>();
    Set<String> formsWithModel = new LinkedHashSet<>();
    for (Model bpmn : catalog.bpmnModels()) {
      DeploymentBuilder builder = builder(repositoryService, bpmn);
      for (String formId : catalog.formRefs(bpmn)) {
        Model form = catalog.formsById().get(formId);
        if (form == null) {
          throw new IllegalStateException(bpmn.name() + " references form '" + formId + "' that is not in forms/");
        }
        add(builder, form);
        formsWithModel.add(formId);
      }
      deploy(repositoryService, builder, bpmn.name(), created);
    }
    for (Model dmn : catalog.dmnModels()) {
      deploy(repositoryService, builder(repositoryService, dmn), dmn.name(), created);
    }
    catalog.formsById().forEach((id, form) -> {
      if (!formsWithModel.contains(id)) {
        deploy(repositoryService, builder(repositoryService, form), form.name(), created);
      }
    });
    return created;
  }

  private static DeploymentBuilder builder(RepositoryService repositoryService, Model main) {
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(main.name())
        .source(SOURCE)
        .enableDuplicateFiltering(false);
    add(builder, main);
    return builder;
  }

  private static void add(DeploymentBuilder builder, Model model) {
    builder.addInputStream(model.name(), new ByteArrayInputStream(model.bytes()));
  }

  private static void deploy(RepositoryService repositoryService, DeploymentBuilder builder, String name,
      List<String> created) {
    long before = repositoryService.createDeploymentQuery().deploymentName(name).count();
    Deployment deployment = builder.deploy();
    if (repositoryService.createDeploymentQuery().deploymentName(name).count() > before) {
      created.add(name);
      log.info("Deployed {} as deployment {}", name, deployment.getId());
    } else {
      log.debug("{} unchanged, not redeployed", name);
    }
  }
}
