package cn.gov.gz.govcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.engine.ModelCatalog.Model;
import cn.gov.gz.govcloud.support.WebTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every model in processes/ deploys, and everything it names (forms, beans) exists. */
class ModelConsistencyTest extends WebTest {

  @Autowired
  ModelCatalog catalog;

  @Autowired
  ApplicationContext context;

  @Test
  void everyModelKeepsTheRules() {
    List<String> problems = new ArrayList<>();
    for (Model bpmn : catalog.bpmnModels()) {
      problems.addAll(ModelChecks.check(bpmn.name(), bpmn.bytes(), catalog.formsById().keySet(),
          context::containsBean));
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
  void theChecksCatchABrokenModel() throws IOException {
    byte[] broken;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/broken-model.bpmn")) {
      broken = in.readAllBytes();
    }
    List<String> problems = ModelChecks.check("broken-model.bpmn", broken, Set.of("some-form"),
        context::containsBean);
    assertThat(problems).anyMatch(p -> p.contains("historyTimeToLive"))
        .anyMatch(p -> p.contains("no-such-form"))
        .anyMatch(p -> p.contains("noSuchBean"))
        .anyMatch(p -> p.contains("no executable process with the key 'broken-model'"));
  }

  @Test
  void restartingWithUnchangedModelsDeploysNothing(@Autowired ModelDeployer deployer) {
    var repository = processEngine.getRepositoryService();
    long before = repository.createDeploymentQuery().count();
    assertThat(deployer.deployAll(repository)).noneMatch(ModelDeployer.Outcome::created);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }
}
