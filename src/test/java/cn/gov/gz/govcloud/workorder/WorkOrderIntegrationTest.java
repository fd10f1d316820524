package cn.gov.gz.govcloud.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** How other processes and systems hand work to the work-order process, and a whole order over REST. */
class WorkOrderIntegrationTest extends WorkOrderTestSupport {

  @Autowired
  ObjectMapper json;

  @Clause("P6 7.2.3.1.4")
  @Clause("P3 5.1.3.5")
  @Test
  void anInspectionFindingOpensAWorkOrderAndTheInspectionWaitsForIt() {
    processEngine.getRepositoryService().createDeployment().name("inspection-finding-probe.bpmn")
        .enableDuplicateFiltering(false).addClasspathResource("fixtures/inspection-finding-probe.bpmn").deploy();
    String ref = "INSP-" + UUID.randomUUID();
    ProcessInstance inspection = processEngine.getRuntimeService().startProcessInstanceByKey(
        "inspection-finding-probe", ref, Map.of("findingTitle", "机房 A 空调温度偏高", "findingDescription",
            "巡检发现 A 区空调出风温度 28℃", "findingRef", ref, "businessSystemCode", "WJW-HIS"));
    ProcessInstance wo = processEngine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(inspection.getId()).singleResult();
    assertThat(wo).isNotNull().isWaitingAt("Task_ClassifyWorkOrder");
    WorkOrder order = order(wo);
    assertThat(order.type()).isEqualTo(WorkOrderType.FINDING);
    assertThat(order.channel()).isEqualTo(WorkOrder.Channel.INSPECTION);
    assertThat(order.sourceRef()).isEqualTo(ref);
    assertThat(order.unitCode()).as("the unit of the business system").isEqualTo("WJW");
    assertThat(wo.getBusinessKey()).isEqualTo(ref);

    classifyAndDispatch(wo);
    complete(wo, "Task_HandleWorkOrder", "progressNote", "已调整空调", "handlingOutcome", "RESOLVED");
    complete(wo, "Task_ConfirmResolution", "resolutionDecision", "CONFIRMED");
    complete(wo, "Task_AnswerSurvey", "satisfactionScore", 4L);
    assertThat(inspection).isEnded();
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(inspection.getId()).variableName("workOrderNo").singleResult().getValue())
        .isEqualTo(order.orderNo());
  }

  @Test
  void aRepeatedMonitoringAlertJoinsTheOpenOrder() throws Exception {
    String alert = "ALERT-" + UUID.randomUUID();
    Map<String, Object> body = Map.of("businessSystemCode", "JTJ-TOCC", "unitCode", "JTJ", "type", "FAULT",
        "priority", "HIGH", "channel", "MONITORING", "sourceRef", alert, "title", "CPU 利用率 97%",
        "description", "监控告警：vm-tocc-01 CPU 利用率连续 10 分钟超过 90%");
    ResponseEntity<String> first = post("desk1", "/api/work-orders", body);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode opened = json.readTree(first.getBody());
    assertThat(opened.get("joinedExisting").asBoolean()).isFalse();

    ResponseEntity<String> again = post("desk1", "/api/work-orders", body);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode joined = json.readTree(again.getBody());
    assertThat(joined.get("joinedExisting").asBoolean()).isTrue();
    assertThat(joined.get("orderNo").asText()).isEqualTo(opened.get("orderNo").asText());
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(alert)
        .count()).isEqualTo(1);
  }

  @Clause("P6 7.4.2.3.1")
  @Test
  void aFaultThatIsAnEmergencyGoesToEmergencyResponseAndComesBackForConfirmation() {
    ProcessInstance pi = start(intake("FAULT", "HIGH", "JTJ", "JTJ-TOCC", "调度平台数据库宕机"));
    classifyAndDispatch(pi);
    complete(pi, "Task_HandleWorkOrder", "progressNote", "数据库主备均不可用，启动应急", "handlingOutcome", "EMERGENCY");
    assertThat(pi).isWaitingAt("CallActivity_EmergencyResponse");
    ProcessInstance emergency = processEngine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(pi.getId()).singleResult();
    assertThat(emergency.getBusinessKey()).isEqualTo(order(pi).orderNo());
    assertThat(order(pi).status()).isEqualTo(WorkOrder.Status.EMERGENCY);
    assertThat(order(pi).emergencyRef()).contains(order(pi).orderNo());

    var tasks = processEngine.getTaskService();
    java.util.function.Consumer<Map<String, Object>> completeEmergencyTask = vars -> tasks.complete(
        tasks.createTaskQuery().processInstanceId(emergency.getId()).singleResult().getId(), vars);
    completeEmergencyTask.accept(Map.of("firstAssessment", "数据库主备不可用"));
    completeEmergencyTask.accept(Map.of("actionNote", "切换到灾备库", "handlingOutcome", "RECOVERED",
        "cause", "存储故障", "result", "已恢复"));
    completeEmergencyTask.accept(Map.of("verifyDecision", "CONFIRMED"));
    completeEmergencyTask.accept(Map.of("planDecision", "NO_CHANGE", "planChanges", "增加存储故障切换演练"));
    assertThat(emergency).isEnded();
    assertThat(pi).isWaitingAt("Task_ConfirmResolution");
  }

  @Clause("P6 7.3.1.1")
  @Clause("P3 5.2.1.2")
  @Clause("GB 5.3.2 d")
  @Clause("GB 8.4.4 b")
  @Clause("GB 8.3 a")
  @Clause("P3 附录 D.1 第 10 项")
  @Test
  void theHotlineOpensAFaultTheEngineersWorkItAndTheUnitConfirmsAndAnswersTheSurvey() throws Exception {
    ResponseEntity<String> opened = post("desk1", "/api/work-orders", Map.of("unitCode", "JTJ",
        "businessSystemCode", "JTJ-OA", "contactName", "陈先生", "contactPhone", "020-83330001", "type", "FAULT",
        "priority", "MEDIUM", "channel", "HOTLINE", "title", "协同办公系统打开缓慢",
        "description", "上午 9 点起打开公文列表需要 30 秒以上"));
    assertThat(opened.getStatusCode()).as(opened.getBody()).isEqualTo(HttpStatus.CREATED);
    String orderNo = json.readTree(opened.getBody()).get("orderNo").asText();
    String instanceId = json.readTree(opened.getBody()).get("processInstanceId").asText();

    completeOverRest("desk1", instanceId, "Task_ClassifyWorkOrder", Map.of());
    completeOverRest("desk1", instanceId, "Task_DispatchWorkOrder",
        Map.of("handlerGroup", stringVar("ops-engineer")));

    WebappSession engineer = WebappSession.login(port, "tasklist", "engineer1", DEMO_PASSWORD);
    String groupFilter = json.readTree(engineer.engineGet("filter?resourceType=Task&name="
        + "%E6%88%91%E7%9A%84%E7%BB%84%E4%BB%BB%E5%8A%A1").body()).get(0).get("id").asText();
    JsonNode groupTasks = json.readTree(engineer.enginePost("filter/" + groupFilter + "/list?maxResults=1000", "{}")
        .body());
    assertThat(groupTasks.findValuesAsText("processInstanceId")).contains(instanceId);

    completeOverRest("engineer1", instanceId, "Task_HandleWorkOrder", Map.of(
        "progressNote", stringVar("清理了数据库慢查询，已恢复"), "handlingOutcome", stringVar("RESOLVED")));
    completeOverRest("jtj1", instanceId, "Task_ConfirmResolution", Map.of("resolutionDecision", stringVar("CONFIRMED")));
    completeOverRest("jtj1", instanceId, "Task_AnswerSurvey", Map.of(
        "satisfactionScore", Map.of("value", 4, "type", "Long"), "satisfactionComment", stringVar("处理及时")));

    JsonNode detail = json.readTree(get("jtj1", "/api/work-orders/" + orderNo).getBody());
    assertThat(detail.get("order").get("status").asText()).isEqualTo("CLOSED");
    assertThat(detail.get("order").get("satisfactionScore").asInt()).isEqualTo(4);
    assertThat(detail.get("notes").findValuesAsText("text")).anyMatch(t -> t.contains("慢查询"));
    assertThat(get("wjw1", "/api/work-orders/" + orderNo).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void badRequestsNameTheFieldAndOpenNothing() throws Exception {
    ResponseEntity<String> badType = post("desk1", "/api/work-orders", Map.of("unitCode", "JTJ", "type", "BROKEN",
        "priority", "HIGH", "channel", "HOTLINE", "title", "x", "description", "y"));
    assertThat(badType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<String> missing = post("desk1", "/api/work-orders", Map.of("unitCode", "JTJ", "type", "FAULT",
        "priority", "HIGH", "channel", "HOTLINE"));
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(missing.getBody()).get("errors").findValuesAsText("field"))
        .contains("title", "description");

    ResponseEntity<String> wrongSystem = post("desk1", "/api/work-orders", Map.of("unitCode", "JTJ",
        "businessSystemCode", "WJW-HIS", "type", "FAULT", "priority", "HIGH", "channel", "HOTLINE", "title", "x",
        "description", "y"));
    assertThat(wrongSystem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrongSystem.getBody()).contains("businessSystemCode");

    ResponseEntity<String> otherUnit = post("jtj1", "/api/work-orders", Map.of("unitCode", "WJW", "type", "FAULT",
        "priority", "HIGH", "channel", "PORTAL", "title", "x", "description", "y"));
    assertThat(otherUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(otherUnit.getBody()).contains("unitCode");

    ResponseEntity<String> overEngineRest = post("desk1", "/engine-rest/process-definition/key/work-order/start",
        Map.of("variables", Map.of("unitCode", stringVar("JTJ"), "type", stringVar("FAULT"),
            "title", stringVar("x"), "businessSystemCode", stringVar("NOPE"))));
    assertThat(overEngineRest.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(overEngineRest.getBody()).contains("businessSystemCode");

    ResponseEntity<String> supervisor = post("supervisor1", "/api/work-orders", Map.of("unitCode", "JTJ",
        "type", "FAULT", "priority", "HIGH", "channel", "HOTLINE", "title", "x", "description", "y"));
    assertThat(supervisor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Clause("GB 5.3.2 b 2")
  @Clause("P3 5.2.1.2")
  @Test
  void aUnitUserOpensAnOrderForItsOwnUnitOverRestAndAttachesAFile() throws Exception {
    ResponseEntity<String> opened = post("wjw1", "/api/work-orders", Map.of("type", "SERVICE_REQUEST",
        "priority", "LOW", "channel", "PORTAL", "title", "申请开通数据库只读账号", "description", "用于报表统计"));
    assertThat(opened.getStatusCode()).as(opened.getBody()).isEqualTo(HttpStatus.CREATED);
    String orderNo = json.readTree(opened.getBody()).get("orderNo").asText();
    assertThat(json.readTree(get("wjw1", "/api/work-orders/" + orderNo).getBody()).get("order").get("unitCode")
        .asText()).isEqualTo("WJW");

    var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
    parts.add("file", new org.springframework.core.io.ByteArrayResource("截图内容".getBytes()) {
      @Override
      public String getFilename() {
        return "截图.png";
      }
    });
    var headers = basicAuth("wjw1");
    headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> uploaded = rest.exchange("/api/work-orders/" + orderNo + "/attachments",
        org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(parts, headers),
        String.class);
    assertThat(uploaded.getStatusCode()).as(uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
    long attachmentId = json.readTree(uploaded.getBody()).get("id").asLong();
    ResponseEntity<String> download = get("desk1", "/api/work-orders/" + orderNo + "/attachments/" + attachmentId);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("jtj1", "/api/work-orders/" + orderNo + "/attachments/" + attachmentId).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Clause("P6 7.3.2.3")
  @Clause("P3 5.2.2.2")
  @Test
  void statisticsCountOrdersAndRates() throws Exception {
    ProcessInstance pi = start(intake("COMPLAINT", "MEDIUM", "JTJ", "JTJ-OA", "统计用投诉"));
    complete(pi, "Task_ClassifyWorkOrder");
    complete(pi, "Task_DispatchWorkOrder", "handlerGroup", "ops-manager");
    String day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    ResponseEntity<String> stats = get("manager1", "/api/work-orders/statistics?from=" + day + "&to=" + day);
    assertThat(stats.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode s = json.readTree(stats.getBody());
    assertThat(s.get("total").asInt()).isPositive();
    assertThat(s.get("byType").get("COMPLAINT").asInt()).isPositive();
    assertThat(s.get("complaintRate").asDouble()).isPositive();
    assertThat(s.get("dispatchedInTimeRate").asDouble()).isBetween(0.0, 1.0);
    assertThat(get("jtj1", "/api/work-orders/statistics?from=" + day + "&to=" + day).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("manager1", "/api/work-orders/statistics?from=2026-02-01&to=2026-01-01").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private void completeOverRest(String user, String instanceId, String taskKey, Map<String, Object> variables)
      throws Exception {
    JsonNode tasks = json.readTree(get(user, "/engine-rest/task?processInstanceId=" + instanceId
        + "&taskDefinitionKey=" + taskKey).getBody());
    assertThat(tasks).as(user + " sees " + taskKey).hasSize(1);
    ResponseEntity<String> done = post(user, "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
        Map.of("variables", variables));
    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static Map<String, Object> stringVar(String value) {
    return Map.of("value", value, "type", "String");
  }
}
