package cn.gov.gz.govcloud.engine;

import static cn.gov.gz.govcloud.engine.ModelerDeployment.packaged;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * Issue 20: a process owner opens processes/emergency-response.bpmn in Camunda Modeler, changes it and deploys it with
 * Modeler's deploy button, which sends the BPMN alone. Either the version goes live and every user task opens its
 * form, or it is refused with a message that names each problem and its fix.
 */
class ModelerDeploymentTest extends WebTest {

  static final String KEY = "emergency-response";
  static final String MODEL = "processes/emergency-response.bpmn";
  static final String OWNER_LABEL = "响应应急事件（值班工程师）";

  @Autowired
  ObjectMapper json;

  RepositoryService repository;
  Set<String> deploymentsBefore;

  @BeforeEach
  void rememberDeployments() {
    repository = processEngine.getRepositoryService();
    deploymentsBefore = new HashSet<>(repository.createDeploymentQuery().list().stream().map(Deployment::getId)
        .toList());
  }

  /** The packaged versions are the latest again for the tests that follow in this application context. */
  @AfterEach
  void removeDeploymentsOfThisTest() {
    repository.createDeploymentQuery().list().stream().filter(d -> !deploymentsBefore.contains(d.getId()))
        .forEach(d -> repository.deleteDeployment(d.getId(), true, true));
  }

  static String ownersChange() {
    String changed = packaged(MODEL).replace("name=\"响应应急事件\"", "name=\"" + OWNER_LABEL + "\"");
    assertThat(changed).contains(OWNER_LABEL);
    return changed;
  }

  ProcessDefinition latest() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
  }

  String message(ResponseEntity<String> answer) throws Exception {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    return json.readTree(answer.getBody()).get("message").asText();
  }

  /** What the expressions of the emergency's user tasks need, for starting an instance right at each task. */
  static Map<String, Object> taskVariables() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("businessSystemCode", "JTJ-TOCC");
    v.put("unitCode", "JTJ");
    v.put("onDutyGroup", "ops-engineer");
    v.put("verifyGroup", "unit-JTJ");
    v.put("responseDue", Date.from(Instant.now().plus(5, ChronoUnit.MINUTES)));
    v.put("recoveryDue", Date.from(Instant.now().plus(2, ChronoUnit.HOURS)));
    v.put("nextEscalationAt", Date.from(Instant.now().plus(5, ChronoUnit.MINUTES)));
    return v;
  }

  /** Every user task of the definition opens its form the way Tasklist asks for it; returns the form ids. */
  List<String> everyUserTaskOpensItsForm(ProcessDefinition definition) throws Exception {
    Collection<UserTask> userTasks = repository.getBpmnModelInstance(definition.getId())
        .getModelElementsByType(UserTask.class);
    assertThat(userTasks).isNotEmpty();
    List<String> forms = new java.util.ArrayList<>();
    for (UserTask userTask : userTasks) {
      String instance = processEngine.getRuntimeService().createProcessInstanceById(definition.getId())
          .setVariables(taskVariables()).startBeforeActivity(userTask.getId()).execute(true, true).getId();
      Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
      ResponseEntity<String> form = get("admin", "/engine-rest/task/" + task.getId() + "/deployed-form");
      assertThat(form.getStatusCode().value()).as(userTask.getId() + ": " + form.getBody()).isEqualTo(200);
      assertThat(json.readTree(form.getBody()).get("id").asText()).as(userTask.getId())
          .isEqualTo(userTask.getCamundaFormRef());
      forms.add(userTask.getCamundaFormRef());
    }
    ResponseEntity<String> start = get("admin", "/engine-rest/process-definition/" + definition.getId()
        + "/deployed-start-form");
    assertThat(start.getStatusCode().value()).as(start.getBody()).isEqualTo(200);
    assertThat(json.readTree(start.getBody()).get("id").asText()).isEqualTo("emergency-start");
    return forms;
  }

  @Test
  void aModelDeployedAloneFromModelerGetsItsFormsAndEveryUserTaskOpensItsForm() throws Exception {
    ProcessDefinition before = latest();
    // an emergency waiting for its response on the packaged version (started right there, so no case is registered)
    String running = processEngine.getRuntimeService().createProcessInstanceById(before.getId())
        .setVariables(taskVariables()).startBeforeActivity("Gateway_RespondFork").execute(true, true).getId();

    ResponseEntity<String> answer = ModelerDeployment.deploy(rest, KEY, "emergency-response.bpmn", ownersChange());

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    ProcessDefinition after = latest();
    assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
    assertThat(after.getDeploymentId()).isEqualTo(json.readTree(answer.getBody()).get("id").asText());
    assertThat(repository.createDeploymentQuery().deploymentId(after.getDeploymentId()).singleResult().getSource())
        .isEqualTo(ModelerDeployment.SOURCE);
    assertThat(repository.getDeploymentResourceNames(after.getDeploymentId())).containsExactlyInAnyOrder(
        "emergency-response.bpmn", "emergency-start.form", "emergency-respond.form", "emergency-handle.form",
        "emergency-verify.form", "emergency-improve.form");
    assertThat(everyUserTaskOpensItsForm(after)).containsExactlyInAnyOrder("emergency-respond", "emergency-handle",
        "emergency-verify", "emergency-improve");
    assertThat(processEngine.getTaskService().createTaskQuery().processDefinitionId(after.getId())
        .taskDefinitionKey("Task_RespondEmergency").list()).extracting(Task::getName).containsOnly(OWNER_LABEL);

    // the emergency already running moves to the new version as Cockpit's migration does it, and keeps its form
    JsonNode plan = json.readTree(post("admin", "/engine-rest/migration/generate", Map.of(
        "sourceProcessDefinitionId", before.getId(), "targetProcessDefinitionId", after.getId(),
        "updateEventTriggers", true)).getBody());
    ResponseEntity<String> migrated = post("admin", "/engine-rest/migration/execute", Map.of(
        "migrationPlan", plan, "processInstanceIds", List.of(running)));
    assertThat(migrated.getStatusCode().value()).as(migrated.getBody()).isEqualTo(204);
    assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(running)
        .activityId("Timer_ResponseDeadline").singleResult().getProcessDefinitionId()).isEqualTo(after.getId());
    Task respond = processEngine.getTaskService().createTaskQuery().processInstanceId(running).singleResult();
    assertThat(respond.getProcessDefinitionId()).isEqualTo(after.getId());
    assertThat(get("admin", "/engine-rest/task/" + respond.getId() + "/deployed-form").getStatusCode().value())
        .isEqualTo(200);
  }

  @Test
  void aFormChangedInModelerTravelsWithItsModelAndLaterOneModelDeploysKeepIt() throws Exception {
    String form = packaged("forms/emergency-respond.form").replace("\"初步研判\"", "\"初步研判与影响评估\"");
    assertThat(form).contains("初步研判与影响评估");
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("emergency-response.bpmn", ownersChange().getBytes(StandardCharsets.UTF_8));
    files.put("emergency-respond.form", form.getBytes(StandardCharsets.UTF_8));
    ResponseEntity<String> withForm = ModelerDeployment.deploy(rest, "admin", "admin-test-password", KEY, files);
    assertThat(withForm.getStatusCode().value()).as(withForm.getBody()).isEqualTo(200);

    // the next change is deployed without attachments: the form of the latest deployment that has it comes along
    String again = ownersChange().replace("name=\"应急处置\"", "name=\"应急处置（现场）\"");
    ResponseEntity<String> alone = ModelerDeployment.deploy(rest, KEY, "emergency-response.bpmn", again);
    assertThat(alone.getStatusCode().value()).as(alone.getBody()).isEqualTo(200);
    ProcessDefinition latest = latest();
    String instance = processEngine.getRuntimeService().createProcessInstanceById(latest.getId())
        .setVariables(taskVariables()).startBeforeActivity("Gateway_RespondFork").execute(true, true).getId();
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(get("admin", "/engine-rest/task/" + task.getId() + "/deployed-form").getBody())
        .contains("初步研判与影响评估");
  }

  @Test
  void aModelNamingADelegateThatDoesNotExistIsRefusedWithWhatToDo() throws Exception {
    long deployments = repository.createDeploymentQuery().count();
    ProcessDefinition before = latest();
    String broken = ownersChange().replace("${registerEmergency}", "${registerEmergencyCase}");

    String message = message(ModelerDeployment.deploy(rest, KEY, "emergency-response.bpmn", broken));

    assertThat(message)
        .startsWith("部署未通过检查（emergency-response，来源 Camunda Modeler）：共 1 个问题")
        .contains("Deployment refused (emergency-response, source Camunda Modeler): 1 problem")
        .contains("emergency-response.bpmn 「登记事件」(ServiceTask_RegisterEmergency)：系统中没有名为 registerEmergencyCase 的 "
            + "Java 委托（是否应为 ${registerEmergency}？）：请在属性面板「Template」→「Select」中按中文名称选择元素模板")
        .contains("there is no delegate named registerEmergencyCase (did you mean ${registerEmergency}?)");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(latest().getId()).isEqualTo(before.getId());
  }

  @Test
  void everyProblemOfAModelIsNamedWithItsFixInChineseAndEnglish() throws Exception {
    String draft = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Draft" targetNamespace="t">
          <bpmn:process id="owner-draft" name="负责人草稿" isExecutable="true">
            <bpmn:startEvent id="StartEvent_Draft" camunda:formRef="draft-start" camunda:formRefBinding="deployment" />
            <bpmn:sequenceFlow id="Flow_A" sourceRef="StartEvent_Draft" targetRef="Activity_0x1y2z3" />
            <bpmn:serviceTask id="Activity_0x1y2z3" name="通知单位" camunda:class="java.lang.Runtime" />
            <bpmn:sequenceFlow id="Flow_B" sourceRef="Activity_0x1y2z3" targetRef="CallActivity_Missing" />
            <bpmn:callActivity id="CallActivity_Missing" name="调用子流程" calledElement="no-such-process" />
            <bpmn:sequenceFlow id="Flow_C" sourceRef="CallActivity_Missing" targetRef="BusinessRuleTask_Missing" />
            <bpmn:businessRuleTask id="BusinessRuleTask_Missing" name="判定" camunda:decisionRef="no-such-decision" \
        camunda:resultVariable="result" camunda:mapDecisionResult="singleResult" />
            <bpmn:sequenceFlow id="Flow_D" sourceRef="BusinessRuleTask_Missing" targetRef="Task_Check" />
            <bpmn:userTask id="Task_Check" name="核对" camunda:candidateGroups="${duty group}" />
            <bpmn:boundaryEvent id="Timer_Remind" name="提醒" attachedToRef="Task_Check" cancelActivity="false">
              <bpmn:timerEventDefinition id="TimerDefinition_Remind"><bpmn:timeDuration>30 minutes</bpmn:timeDuration>\
        </bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="Flow_E" sourceRef="Task_Check" targetRef="ScriptTask_Sum" />
            <bpmn:scriptTask id="ScriptTask_Sum" name="汇总" scriptFormat="groovy"><bpmn:script>1 + 1</bpmn:script>\
        </bpmn:scriptTask>
            <bpmn:sequenceFlow id="Flow_F" sourceRef="ScriptTask_Sum" targetRef="EndEvent_Done" />
            <bpmn:endEvent id="EndEvent_Done" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    String message = message(ModelerDeployment.deploy(rest, "owner-draft", "owner-draft.bpmn", draft));

    assertThat(message).contains("共 9 个问题").contains("9 problems")
        .contains("owner-draft.bpmn 「负责人草稿」(owner-draft)：流程 owner-draft 未设置历史保留期限")
        .contains("process owner-draft has no history time to live")
        .contains("owner-draft.bpmn StartEvent_Draft：引用的表单 draft-start 不在本次部署中")
        .contains("attach forms/draft-start.form in Modeler's deploy dialog")
        .contains("「通知单位」(Activity_0x1y2z3)：ID Activity_0x1y2z3 是 Modeler 自动生成的")
        .contains("「通知单位」(Activity_0x1y2z3)：不允许使用 Java 类（class=java.lang.Runtime）")
        .contains("「调用子流程」(CallActivity_Missing)：调用的流程 no-such-process 不存在")
        .contains("「判定」(BusinessRuleTask_Missing)：引用的决策表 no-such-decision 不存在")
        .contains("「核对」(Task_Check)：表达式 ${duty group} 写法有误")
        .contains("「提醒」(Timer_Remind)：定时器的时间 30 minutes 无法解析")
        .contains("「汇总」(ScriptTask_Sum)：含有脚本（scriptTask）")
        .contains("contains a script (scriptTask)");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("owner-draft").count()).isZero();
  }

  @Test
  void theIdsTheCodeReliesOnStay() throws Exception {
    String renamedTask = ownersChange().replace("Task_RespondEmergency", "Task_Respond");
    assertThat(message(ModelerDeployment.deploy(rest, KEY, "emergency-response.bpmn", renamedTask)))
        .contains("缺少元素 Task_RespondEmergency「响应应急事件」（userTask）：系统代码、计时器和运行中的流程实例依赖这个 ID")
        .contains("element Task_RespondEmergency (userTask) is missing");

    String renamedProcess = ownersChange().replace("id=\"emergency-response\"", "id=\"emergency-response-v2\"");
    assertThat(message(ModelerDeployment.deploy(rest, KEY, "emergency-response.bpmn", renamedProcess)))
        .contains("流程 ID 由 emergency-response 改成了 emergency-response-v2")
        .contains("set General → ID back to emergency-response");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("emergency-response-v2").count())
        .isZero();
  }

  @Test
  void aFormDeployedWithoutItsModelIsRefusedBecauseItWouldChangeNothing() throws Exception {
    Map<String, byte[]> files = Map.of("emergency-respond.form",
        packaged("forms/emergency-respond.form").replace("\"初步研判\"", "\"研判\"").getBytes(StandardCharsets.UTF_8));
    String message = message(ModelerDeployment.deploy(rest, "admin", "admin-test-password", "emergency-respond",
        files));
    assertThat(message).contains("单独部署表单 emergency-respond 不会生效").contains("emergency-response.bpmn")
        .contains("deploying form emergency-respond alone changes nothing");
  }

  @Test
  void rollingBackRedeploysThePreviousVersionAsTheLatest() throws Exception {
    ProcessDefinition packagedVersion = latest();
    assertThat(ModelerDeployment.deploy(rest, KEY, "emergency-response.bpmn", ownersChange()).getStatusCode().value())
        .isEqualTo(200);
    assertThat(latest().getVersion()).isEqualTo(packagedVersion.getVersion() + 1);

    ResponseEntity<String> redeployed = post("admin", "/engine-rest/deployment/" + packagedVersion.getDeploymentId()
        + "/redeploy", Map.of("source", "rollback"));

    assertThat(redeployed.getStatusCode().value()).as(redeployed.getBody()).isEqualTo(200);
    ProcessDefinition rolledBack = latest();
    assertThat(rolledBack.getVersion()).isEqualTo(packagedVersion.getVersion() + 2);
    assertThat(repository.getBpmnModelInstance(rolledBack.getId()).getModelElementById("Task_RespondEmergency")
        .getAttributeValue("name")).isEqualTo("响应应急事件");
    everyUserTaskOpensItsForm(rolledBack);
  }
}
