package cn.gov.gz.govcloud.engine;

import static cn.gov.gz.govcloud.engine.ModelerDeployment.packaged;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.engine.ModelCatalog.Model;
import cn.gov.gz.govcloud.engine.ModelDeployer.Action;
import cn.gov.gz.govcloud.engine.ModelDeployer.Outcome;
import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The restart rule (ModelDeployer): what the application does at start with a version a process owner deployed from
 * Camunda Modeler. Each test runs the deployer as a start of the application does, with the packaged models of this
 * jar or of another release ({@link ModelCatalog#of}). EmbeddedRestartIT proves the first rule on a real restart.
 */
class ModelDeployerRestartTest extends WebTest {

  static final String KEY = ModelerDeploymentTest.KEY;
  static final String FILE = "emergency-response.bpmn";

  @Autowired
  ModelCatalog catalog;

  @Autowired
  DeploymentCheck check;

  @Autowired
  ObjectMapper objectMapper;

  @Autowired
  JdbcTemplate jdbc;

  RepositoryService repository;
  Set<String> deploymentsBefore;

  @BeforeEach
  void rememberDeployments() {
    repository = processEngine.getRepositoryService();
    deploymentsBefore = new HashSet<>(repository.createDeploymentQuery().list().stream().map(Deployment::getId)
        .toList());
  }

  @AfterEach
  void removeDeploymentsOfThisTest() {
    repository.createDeploymentQuery().list().stream().filter(d -> !deploymentsBefore.contains(d.getId()))
        .forEach(d -> repository.deleteDeployment(d.getId(), true, true));
  }

  ProcessDefinition ownerDeploys(String bpmn) {
    var answer = ModelerDeployment.deploy(rest, KEY, FILE, bpmn);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    return latest();
  }

  ProcessDefinition latest() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
  }

  String sourceOf(ProcessDefinition definition) {
    return repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult().getSource();
  }

  /** The deployer of a jar whose processes/emergency-response.bpmn is the given model. */
  ModelDeployer release(String emergencyResponse) {
    List<Model> bpmn = catalog.bpmnModels().stream().map(m -> m.name().equals(FILE)
        ? new Model(FILE, emergencyResponse.getBytes(StandardCharsets.UTF_8)) : m).toList();
    return new ModelDeployer(ModelCatalog.of(objectMapper, bpmn, catalog.dmnModels(),
        List.copyOf(catalog.formsById().values())), check);
  }

  static Outcome of(List<Outcome> outcomes, String name) {
    return outcomes.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
  }

  static void nothingElseChanged(List<Outcome> outcomes) {
    assertThat(outcomes.stream().filter(o -> !o.name().equals(FILE))).allMatch(o -> o.action() == Action.UNCHANGED);
  }

  @Test
  void aRestartWithTheSameJarKeepsTheOwnersVersion() {
    ProcessDefinition owners = ownerDeploys(ModelerDeploymentTest.ownersChange());

    List<Outcome> outcomes = new ModelDeployer(catalog, check).deployAll(repository);

    assertThat(of(outcomes, FILE).action()).isEqualTo(Action.KEPT_OTHER_VERSION);
    assertThat(of(outcomes, FILE).detail()).contains("Camunda Modeler");
    nothingElseChanged(outcomes);
    assertThat(latest().getId()).isEqualTo(owners.getId());
  }

  @Test
  void aReleaseWhoseModelChangedBecomesTheLatestVersionAndNamesTheOwnersVersionItReplaces() {
    ProcessDefinition owners = ownerDeploys(ModelerDeploymentTest.ownersChange());
    String released = packaged(ModelerDeploymentTest.MODEL).replace("name=\"应急处置\"", "name=\"应急处置（新版）\"");

    List<Outcome> outcomes = release(released).deployAll(repository);

    assertThat(of(outcomes, FILE).action()).isEqualTo(Action.REPLACED_OTHER_VERSION);
    assertThat(of(outcomes, FILE).detail()).contains("version " + owners.getVersion()).contains("Camunda Modeler");
    nothingElseChanged(outcomes);
    ProcessDefinition latest = latest();
    assertThat(latest.getVersion()).isEqualTo(owners.getVersion() + 1);
    assertThat(sourceOf(latest)).isEqualTo(ModelDeployer.SOURCE);
    assertThat(repository.getBpmnModelInstance(latest.getId()).getModelElementById("Task_HandleEmergency")
        .getAttributeValue("name")).isEqualTo("应急处置（新版）");
    // started again with the same release: nothing more
    assertThat(of(release(released).deployAll(repository), FILE).action()).isEqualTo(Action.UNCHANGED);
  }

  @Test
  void anOwnersChangeBroughtBackIntoProcessesIsNotDeployedAgain() {
    String change = ModelerDeploymentTest.ownersChange();
    ProcessDefinition owners = ownerDeploys(change);

    List<Outcome> outcomes = release(change).deployAll(repository);

    assertThat(of(outcomes, FILE).action()).isEqualTo(Action.UNCHANGED);
    nothingElseChanged(outcomes);
    assertThat(latest().getId()).isEqualTo(owners.getId());
  }

  @Test
  void anOwnersVersionThatNoLongerWorksIsReplacedByThePackagedModel() {
    ProcessDefinition owners = ownerDeploys(ModelerDeploymentTest.ownersChange());
    // as the version 2, deployed before the checks existed: the BPMN alone, no forms in its deployment
    jdbc.update("delete from ACT_RE_CAMFORMDEF where DEPLOYMENT_ID_ = ?", owners.getDeploymentId());
    jdbc.update("delete from ACT_GE_BYTEARRAY where DEPLOYMENT_ID_ = ? and NAME_ like '%.form'",
        owners.getDeploymentId());
    assertThat(repository.getDeploymentResourceNames(owners.getDeploymentId())).containsExactly(FILE);
    assertThat(check.recheck(owners.getDeploymentId())).extracting(ModelProblem::zh)
        .anyMatch(p -> p.contains("引用的表单 emergency-respond 不在本次部署中"));

    List<Outcome> outcomes = new ModelDeployer(catalog, check).deployAll(repository);

    assertThat(of(outcomes, FILE).action()).isEqualTo(Action.REPAIRED);
    nothingElseChanged(outcomes);
    ProcessDefinition latest = latest();
    assertThat(latest.getVersion()).isEqualTo(owners.getVersion() + 1);
    assertThat(sourceOf(latest)).isEqualTo(ModelDeployer.SOURCE);
    String instance = processEngine.getRuntimeService().createProcessInstanceById(latest.getId())
        .setVariables(ModelerDeploymentTest.taskVariables()).startBeforeActivity("Task_RespondEmergency")
        .execute(true, true).getId();
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(get("admin", "/engine-rest/task/" + task.getId() + "/deployed-form").getStatusCode().value())
        .isEqualTo(200);
  }
}
