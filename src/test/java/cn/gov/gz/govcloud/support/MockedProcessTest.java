package cn.gov.gz.govcloud.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;

/**
 * Base of the process tests (tier "process"): one model on an in-memory engine of its own
 * ({@code process-test.camunda.cfg.xml}: engine "process-test", its own H2 database, job executor off), no
 * application. Every {@code camunda:delegateExpression} of the deployed models is a Mockito mock registered with
 * {@link Mocks}; a test gives a delegate the behaviour it needs with {@link #onDelegate}, usually setting the
 * variables the next gateway or timer reads. The models and forms are deployed from {@code processes/} and
 * {@code forms/} by file path, so the test sees what the Modeler saved. Time is moved with the engine clock.
 */
@Tag("process")
public abstract class MockedProcessTest {

  protected static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final Pattern DELEGATE = Pattern.compile("camunda:delegateExpression=\"\\$\\{(\\w+)}\"");

  @RegisterExtension
  final ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml").build();

  protected ProcessEngine engine;
  protected Instant now;
  private final Map<String, JavaDelegate> delegates = new LinkedHashMap<>();
  private String deploymentId;

  /** The files this test deploys: models ({@code .bpmn}, {@code .dmn}) from processes/, forms from forms/. */
  protected abstract List<String> resources();

  @BeforeEach
  void deployWithMockedDelegates() throws IOException {
    engine = extension.getProcessEngine();
    // out of the engine registry: the webapps list registered engines, and a second one would give the Spring tests'
    // Tasklist and Cockpit an engine selector ("default") in the same JVM
    org.camunda.bpm.engine.ProcessEngines.unregister(engine);
    BpmnAwareTests.init(engine);
    // Tuesday 10 March 2026, 10:00 in Beijing: an ordinary working morning
    setClock(china("2026-03-10T10:00:00"));
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name(getClass().getSimpleName());
    for (String file : resources()) {
      Path path = file.endsWith(".form") ? Path.of("forms", file) : Path.of("processes", file);
      String text = Files.readString(path);
      deployment.addString(file, text);
      Matcher m = DELEGATE.matcher(text);
      while (m.find()) {
        onDelegate(m.group(1), execution -> { });
      }
    }
    deployAlso(deployment);
    deploymentId = deployment.deploy().getId();
  }

  /** Adds what else the test needs to the deployment, e.g. a stand-in for a called process. */
  protected void deployAlso(DeploymentBuilder deployment) {
  }

  @AfterEach
  void undeployAndReset() {
    if (deploymentId != null) {
      engine.getRepositoryService().deleteDeployment(deploymentId, true, true);
    }
    Mocks.reset();
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  /** Behaviour of the delegate bean {@code beanName} (replacing any before), e.g. setting a gateway's variable. */
  protected JavaDelegate onDelegate(String beanName, Behaviour behaviour) {
    JavaDelegate delegate = mock(JavaDelegate.class, beanName);
    try {
      doAnswer(i -> {
        behaviour.run(i.getArgument(0));
        return null;
      }).when(delegate).execute(any());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    delegates.put(beanName, delegate);
    Mocks.register(beanName, delegate);
    return delegate;
  }

  /** The mock registered for {@code beanName}. */
  protected JavaDelegate delegate(String beanName) {
    assertThat(delegates).as("a delegate of the deployed models").containsKey(beanName);
    return delegates.get(beanName);
  }

  /** How often the engine called the delegate bean {@code beanName} since its behaviour was last set. */
  protected int calls(String beanName) {
    return Mockito.mockingDetails(delegate(beanName)).getInvocations().size();
  }

  /** What a mocked delegate does when the engine calls it. */
  @FunctionalInterface
  protected interface Behaviour {
    void run(DelegateExecution execution) throws Exception;
  }

  protected ProcessInstance start(String key, Object... nameValue) {
    return engine.getRuntimeService().startProcessInstanceByKey(key, map(nameValue));
  }

  protected Task task(ProcessInstance pi, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
        .singleResult();
  }

  /** Completes the open task {@code taskKey} with the variables a form would submit. */
  protected void complete(ProcessInstance pi, String taskKey, Object... nameValue) {
    Task t = task(pi, taskKey);
    assertThat(t).as("open task " + taskKey).isNotNull();
    engine.getTaskService().complete(t.getId(), map(nameValue));
  }

  protected Job job(ProcessInstance pi, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
        .singleResult();
  }

  /** Runs the timer at its due time, moving the engine clock there when it lies ahead, as the job executor would. */
  protected void fire(ProcessInstance pi, String activityId) {
    Job j = job(pi, activityId);
    assertThat(j).as("timer " + activityId).isNotNull();
    if (j.getDuedate().toInstant().isAfter(now)) {
      setClock(j.getDuedate().toInstant().plusSeconds(1));
    }
    engine.getManagementService().executeJob(j.getId());
  }

  protected Object variable(ProcessInstance pi, String name) {
    return engine.getRuntimeService().getVariable(pi.getId(), name);
  }

  protected void setClock(Instant t) {
    now = t;
    ClockUtil.setCurrentTime(Date.from(t));
  }

  /** A local date-time in Beijing, e.g. {@code china("2026-02-13T17:55:00")}. */
  protected static Instant china(String local) {
    return LocalDateTime.parse(local).atZone(CHINA).toInstant();
  }

  protected static Map<String, Object> map(Object... nameValue) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      m.put((String) nameValue[i], nameValue[i + 1]);
    }
    return m;
  }
}
