package cn.gov.gz.govcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.gz.govcloud.GovcloudApplication;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

/**
 * The embedded default keeps its state in a file database: a restart loses nothing and redeploys nothing, and keeps a
 * version a process owner deployed (and the same holds on PostgreSQL when the suite runs there).
 */
class EmbeddedRestartIT {

  @TempDir
  Path dataDir;

  private ConfigurableApplicationContext start(String... extra) {
    // on the PostgreSQL suite the configured database is used; otherwise the embedded default, a file database
    boolean postgres = System.getProperty("spring.profiles.active", "").contains("postgres");
    String[] base = {
        postgres ? "govcloud.test.db=postgres"
            : "spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("govcloud").toAbsolutePath(),
        "camunda.bpm.generate-unique-process-engine-name=true", "server.port=0"};
    String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
        .map(p -> "--" + p).toArray(String[]::new);
    // command-line arguments: they win over the test profile's in-memory database
    return new SpringApplicationBuilder(GovcloudApplication.class)
        .web(WebApplicationType.SERVLET)
        .run(args);
  }

  @Test
  void runningInstancesSurviveARestartAndUnchangedModelsAreNotRedeployed() {
    String instanceId;
    String emergencyId;
    java.util.Date responseDue;
    long deployments;
    try (ConfigurableApplicationContext first = start()) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      engine.getRepositoryService().createDeployment().name("isolation-probe.bpmn").enableDuplicateFiltering(false)
          .addClasspathResource("fixtures/isolation-probe.bpmn").deploy();
      instanceId = engine.getRuntimeService()
          .startProcessInstanceByKey("isolation-probe", "WO-1", Map.of("unitCode", "JTJ")).getId();
      emergencyId = engine.getRuntimeService().startProcessInstanceByKey("emergency-response",
          Map.of("businessSystemCode", "JTJ-TOCC", "category", "INTERRUPTION", "description", "重启测试")).getId();
      responseDue = engine.getManagementService().createJobQuery().processInstanceId(emergencyId)
          .activityId("Timer_ResponseDeadline").singleResult().getDuedate();
      deployments = engine.getRepositoryService().createDeploymentQuery().count();
    }
    try (ConfigurableApplicationContext second = start()) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count())
          .isEqualTo(1);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId).count()).isEqualTo(1);
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(emergencyId)
          .activityId("Timer_ResponseDeadline").singleResult().getDuedate())
          .as("the response timer survives the restart, due at the same moment").isEqualTo(responseDue);
    }
  }

  /**
   * The restart rule (ModelDeployer): a version a process owner deployed from Camunda Modeler stays the latest after a
   * restart with the same jar, and its tasks open their forms (they were attached at deployment).
   */
  @Test
  void aVersionAProcessOwnerDeployedFromModelerSurvivesARestart() {
    String ownersVersion;
    long deployments;
    try (ConfigurableApplicationContext first = start()) {
      int port = first.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      TestRestTemplate rest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      ResponseEntity<String> answer = ModelerDeployment.deploy(rest, "/engine-rest/engine/" + engine.getName(),
          "admin", "admin-test-password", ModelerDeploymentTest.KEY, Map.of("emergency-response.bpmn",
              ModelerDeploymentTest.ownersChange().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
      ownersVersion = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(ModelerDeploymentTest.KEY).latestVersion().singleResult().getId();
      deployments = engine.getRepositoryService().createDeploymentQuery().count();
    }
    try (ConfigurableApplicationContext second = start()) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(ModelerDeploymentTest.KEY).latestVersion().singleResult();
      assertThat(latest.getId()).as("the owner's version is still the latest").isEqualTo(ownersVersion);
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
      String emergency = engine.getRuntimeService().startProcessInstanceByKey(ModelerDeploymentTest.KEY,
          Map.of("businessSystemCode", "JTJ-TOCC", "category", "INTERRUPTION", "description", "重启后")).getId();
      Task respond = engine.getTaskService().createTaskQuery().processInstanceId(emergency).singleResult();
      assertThat(respond.getName()).as("the owner's label, then the case label").startsWith(ModelerDeploymentTest.OWNER_LABEL + "｜");
      assertThat(engine.getFormService().getDeployedTaskForm(respond.getId())).isNotNull();
    }
  }

  @Test
  void outsideDemoModeTheAppRefusesToStartWithoutAnAdminPassword() {
    assertThatThrownBy(() -> start("camunda.bpm.admin-user.password=", "govcloud.demo.enabled=false").close())
        .hasStackTraceContaining("ADMIN_PASSWORD");
  }
}
