package cn.gov.gz.govcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.gz.govcloud.engine.ModelCatalog.Model;
import cn.gov.gz.govcloud.support.WebTest;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every model in processes/ deploys (so it passed the deployment check: forms, beans, calls, decisions, expressions,
 * timers exist and parse) and keeps the repository's naming convention.
 */
class ModelConsistencyTest extends WebTest {

  @Autowired
  ModelCatalog catalog;

  @Test
  void everyModelKeepsTheRules() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Model bpmn : catalog.bpmnModels()) {
      problems.addAll(ModelChecks.check(bpmn.name(), bpmn.bytes()));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyModelIsDeployed() {
    var repository = processEngine.getRepositoryService();
    for (Model m : catalog.bpmnModels()) {
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(m.baseName()).count())
          .as(m.name()).isPositive();
    }
    for (Model m : catalog.dmnModels()) {
      assertThat(repository.createDeploymentQuery().deploymentName(m.name()).count()).as(m.name()).isPositive();
    }
    for (Model m : catalog.formsById().values()) {
      assertThat(repository.createDeploymentQuery().list().stream()
          .anyMatch(d -> repository.getDeploymentResourceNames(d.getId()).contains(m.name()))).as(m.name()).isTrue();
    }
  }

  @Test
  void theDeploymentCheckRefusesABrokenModel() throws Exception {
    byte[] broken;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/broken-model.bpmn")) {
      broken = in.readAllBytes();
    }
    assertThat(ModelChecks.check("broken-model.bpmn", broken).toString())
        .contains("no executable process with the key 'broken-model'");
    var deployment = processEngine.getRepositoryService().createDeployment().name("broken-model")
        .addInputStream("broken-model.bpmn", new java.io.ByteArrayInputStream(broken));
    assertThatThrownBy(deployment::deploy).isInstanceOfSatisfying(DeploymentRefusedException.class, e ->
        assertThat(e.problems()).extracting(ModelProblem::en)
            .anyMatch(p -> p.contains("history time to live"))
            .anyMatch(p -> p.contains("form no-such-form"))
            .anyMatch(p -> p.contains("no delegate named noSuchBean")));
    assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("some-other-key").count()).isZero();
  }

  @Test
  void restartingWithUnchangedModelsDeploysNothing(@Autowired ModelDeployer deployer) {
    var repository = processEngine.getRepositoryService();
    long before = repository.createDeploymentQuery().count();
    assertThat(deployer.deployAll(repository)).noneMatch(ModelDeployer.Outcome::created);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }
}
