package cn.gov.gz.govcloud.deliverable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.ProcessTest;
import cn.gov.gz.govcloud.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The register over REST with the real delegates: who reads it, uploads refused with the field named and nothing
 * written, approval in management's task, return and re-upload (REST and Tasklist), withdrawal, due and overdue by
 * cadence with a moved clock, the page's data and upload with the Tasklist session. Items 1, 2, 5, 7 and 19 are this
 * class's own.
 */
class DeliverableProcessTest extends ProcessTest {

  @Autowired DeliverableService documents;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  JsonNode read(ResponseEntity<String> r) throws Exception {
    return json.readTree(r.getBody());
  }

  ResponseEntity<String> upload(String user, String item, byte[] content, String fileName, Map<String, String> fields) {
    var parts = new LinkedMultiValueMap<String, Object>();
    if (content != null) {
      parts.add("file", new ByteArrayResource(content) {
        @Override
        public String getFilename() {
          return fileName;
        }
      });
    }
    fields.forEach(parts::add);
    var headers = basicAuth(user);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return rest.exchange("/api/deliverables/" + item + "/documents", HttpMethod.POST, new HttpEntity<>(parts, headers),
        String.class);
  }

  static byte[] pdf(String text) {
    return ("%PDF-1.4\n" + text).getBytes(StandardCharsets.UTF_8);
  }

  JsonNode item(String user, int no) throws Exception {
    for (JsonNode i : read(get(user, "/api/deliverables")).get("items")) {
      if (i.get("no").asInt() == no) {
        return i;
      }
    }
    throw new AssertionError("no item " + no);
  }

  Task task(String processInstanceId, String key) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).singleResult();
  }

  void completeAs(String user, String group, Task task, Map<String, Object> variables) {
    processEngine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      processEngine.getTaskService().complete(task.getId(), variables);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  @Clause("P3 5.5.2.1")
  @Clause("P3 6.3.2")
  @Clause("P6 7.6.2.3")
  @Clause("P6 7.6.2.5")
  @Test
  void theSupervisorReadsTheRegisterAUnitCannotAndAnUploadIsApprovedByManagement() throws Exception {
    assertThat(get("jtj1", "/api/deliverables").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> list = get("supervisor1", "/api/deliverables");
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode items = read(list).get("items");
    assertThat(items).hasSize(24);
    assertThat(items.get(15).get("name").asText()).isEqualTo("云资源台账");
    assertThat(items.get(15).get("sources").toString()).contains("live");
    assertThat(items.get(15).get("live").asText()).isEqualTo("/api/ledger/export");
    assertThat(items.get(15).get("status").asText()).isEqualTo("ok");
    assertThat(items.get(21).get("kinds").toString()).contains("SERVICE_REPORT");

    int before = documents.versions(1).size();
    String title = "title";
    assertThat(upload("manager1", "99", pdf("x"), "a.pdf", Map.of(title, "方案")).getBody()).contains("itemNo");
    ResponseEntity<String> live = upload("manager1", "16", pdf("x"), "a.pdf", Map.of(title, "台账"));
    assertThat(live.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(live.getBody()).contains("itemNo", "不接受上传");
    ResponseEntity<String> empty = upload("manager1", "1", new byte[0], "a.pdf", Map.of(title, "方案"));
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody()).contains("file");
    ResponseEntity<String> noFile = upload("manager1", "1", null, null, Map.of(title, "方案"));
    assertThat(noFile.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noFile.getBody()).contains("file");
    ResponseEntity<String> noTitle = upload("manager1", "1", pdf("x"), "a.pdf", Map.of("period", "2026"));
    assertThat(noTitle.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noTitle.getBody()).contains("title");
    assertThat(upload("jtj1", "1", pdf("x"), "a.pdf", Map.of(title, "方案")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(upload("supervisor1", "1", pdf("x"), "a.pdf", Map.of(title, "方案")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(documents.versions(1)).as("nothing written by a refused upload").hasSize(before);

    ResponseEntity<String> ok = upload("manager1", "1", pdf("服务方案正文"), "服务方案.pdf",
        Map.of(title, "政务云运营服务方案", "period", "2026 年度", "note", "含交付方式"));
    assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode doc = read(ok);
    assertThat(doc.get("status").asText()).isEqualTo("PENDING");
    assertThat(doc.get("version").asInt()).isEqualTo(before + 1);
    String pid = doc.get("processInstanceId").asText();
    Task approve = task(pid, "Task_ApproveDocument");
    assertThat(approve).isNotNull();
    assertThat(approve.getName()).contains("管理方审批交付文档", "第 1 项 服务方案", "政务云运营服务方案");
    assertThat(approve.getDueDate()).isNotNull();
    assertThat(processEngine.getTaskService().getVariable(approve.getId(), "caseSummary").toString())
        .contains("服务方案", "政务云运营服务方案", "2026 年度", "/camunda/api/govcloud/documents/");
    // the approver finds the file under 相关文档 on the task; so do uploads kept before that link was made (V34)
    WebappSession approver = WebappSession.login(port, "tasklist", "mgmt1", DEMO_PASSWORD);
    String related = "/camunda/api/govcloud/tasks/" + approve.getId() + "/documents";
    assertThat(json.readTree(approver.getBytes(related, "application/json").body()).findValuesAsText("id"))
        .containsExactly(doc.get("reportId").asText());
    jdbc.sql("UPDATE report_document SET process_instance_id = NULL WHERE id = ?").param(doc.get("reportId").asLong())
        .update();
    assertThat(json.readTree(approver.getBytes(related, "application/json").body())).isEmpty();
    jdbc.sql(Files.readString(Path.of("src/main/resources/db/migration/V34__deliverable_first_uploads_linked.sql")))
        .update();
    assertThat(json.readTree(approver.getBytes(related, "application/json").body()).findValuesAsText("id"))
        .containsExactly(doc.get("reportId").asText());
    JsonNode pending = item("mgmt1", 1);
    assertThat(pending.get("pending").get("approval").asText()).isEqualTo("待审批");
    assertThat(pending.get("approval").asText()).isEqualTo("待审批");

    assertThatThrownBy(() -> completeAs("manager1", Groups.OPS_MANAGER, approve, Map.of("approvalDecision", "APPROVE")))
        .as("the provider has no right on management's task").hasMessageContaining("TASK_WORK");
    assertThatThrownBy(() -> completeAs("admin", Groups.ADMIN, approve, Map.of("approvalDecision", "APPROVE")))
        .as("only management approves (decidedBy)").hasMessageContaining("只能由其成员办理");
    completeAs("mgmt1", Groups.MANAGEMENT, approve, Map.of("approvalDecision", "APPROVE"));
    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pid)
        .singleResult().getEndActivityId()).isEqualTo("EndEvent_DocumentApproved");
    JsonNode approved = item("supervisor1", 1);
    assertThat(approved.get("latest").get("title").asText()).isEqualTo("政务云运营服务方案");
    assertThat(approved.get("latest").get("approval").asText()).isEqualTo("已审批");
    assertThat(approved.get("pending").isNull()).isTrue();
    assertThat(approved.get("status").asText()).as("a one-off item delivered").isEqualTo("ok");

    ResponseEntity<byte[]> file = rest.exchange("/api/deliverables/1/documents/" + doc.get("id").asLong()
        + "/content", HttpMethod.GET, new HttpEntity<>(basicAuth("supervisor1")), byte[].class);
    assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(file.getBody()).isEqualTo(pdf("服务方案正文"));
    assertThat(file.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(rest.exchange("/api/deliverables/1/documents/" + doc.get("id").asLong() + "/content", HttpMethod.GET,
        new HttpEntity<>(basicAuth("jtj1")), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode one = read(get("supervisor1", "/api/deliverables/1"));
    assertThat(one.get("uploads").findValuesAsText("title")).contains("政务云运营服务方案");
  }

  @Clause("P6 7.6.2.6")
  @Test
  void aReturnedDocumentIsReplacedOverRestAndApprovedEveryVersionKept() throws Exception {
    JsonNode first = read(upload("manager1", "19", pdf("手册 v1"), "运营手册.docx", Map.of("title", "政务云运营手册")));
    String pid = first.get("processInstanceId").asText();
    Task approve = task(pid, "Task_ApproveDocument");
    assertThatThrownBy(() -> completeAs("mgmt1", Groups.MANAGEMENT, approve, Map.of("approvalDecision", "RETURN")))
        .hasMessageContaining("approvalReason");
    completeAs("mgmt1", Groups.MANAGEMENT, approve, Map.of("approvalDecision", "RETURN", "approvalReason",
        "缺少应急章节"));
    assertThat(task(pid, "Task_ResubmitDocument")).isNotNull();
    assertThat(item("mgmt1", 19).get("approval").asText()).isEqualTo("退回");

    ResponseEntity<String> wrong = upload("manager1", "19", pdf("x"), "x.docx", Map.of("title", "t", "replaces",
        "999999"));
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrong.getBody()).contains("replaces");
    ResponseEntity<String> second = upload("manager1", "19", pdf("手册 v2"), "运营手册.docx",
        Map.of("title", "政务云运营手册（修订）", "replaces", first.get("id").asText()));
    assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(read(second).get("processInstanceId").asText()).isEqualTo(pid);
    Task again = task(pid, "Task_ApproveDocument");
    assertThat(again).as("the re-upload resubmits").isNotNull();
    assertThat(processEngine.getRuntimeService().getVariable(pid, "documentId")).isEqualTo(read(second).get("id")
        .asLong());
    completeAs("mgmt1", Groups.MANAGEMENT, again, Map.of("approvalDecision", "APPROVE"));
    assertThat(documents.versions(19)).extracting(DeliverableDocument::status)
        .containsExactly(DeliverableDocument.APPROVED, DeliverableDocument.RETURNED);
    assertThat(documents.versions(19)).extracting(DeliverableDocument::version).containsExactly(2, 1);
    assertThat(item("mgmt1", 19).get("latest").get("version").asInt()).isEqualTo(2);
  }

  @Clause("P6 7.6.2.6")
  @Test
  void inTasklistTheProviderResubmitsAnUploadedVersionOrWithdraws() throws Exception {
    JsonNode first = read(upload("desk1", "5", pdf("变更 v1"), "变更.pdf", Map.of("title", "资源池扩容变更方案")));
    String pid = first.get("processInstanceId").asText();
    completeAs("mgmt1", Groups.MANAGEMENT, task(pid, "Task_ApproveDocument"), Map.of("approvalDecision", "RETURN",
        "approvalReason", "补充回退方案"));
    Task resubmit = task(pid, "Task_ResubmitDocument");
    assertThatThrownBy(() -> completeAs("desk1", Groups.SERVICE_DESK, resubmit, Map.of("resubmitAction", "RESUBMIT")))
        .as("nothing uploaded yet").hasMessageContaining("请先在交付物登记册上传");
    ResponseEntity<String> held = upload("desk1", "5", pdf("变更 v2"), "变更.pdf", Map.of("title", "资源池扩容变更方案",
        "replaces", first.get("id").asText(), "submit", "false"));
    assertThat(held.getStatusCode()).as(held.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(task(pid, "Task_ResubmitDocument")).as("submit=false leaves the task").isNotNull();
    completeAs("desk1", Groups.SERVICE_DESK, resubmit, Map.of("resubmitAction", "RESUBMIT"));
    Task approve = task(pid, "Task_ApproveDocument");
    completeAs("mgmt1", Groups.MANAGEMENT, approve, Map.of("approvalDecision", "RETURN", "approvalReason", "仍不完整"));
    completeAs("desk1", Groups.SERVICE_DESK, task(pid, "Task_ResubmitDocument"), Map.of("resubmitAction", "WITHDRAW",
        "resubmitReason", "合并到下次变更"));
    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pid)
        .singleResult().getEndActivityId()).isEqualTo("EndEvent_SubmissionWithdrawn");
    assertThat(documents.versions(5)).extracting(DeliverableDocument::status)
        .containsOnly(DeliverableDocument.RETURNED, DeliverableDocument.WITHDRAWN);
  }

  @Test
  void thePageReadsAndUploadsWithTheTasklistSessionAndItsCsrfToken() throws Exception {
    assertThat(rest.getForEntity("/deliverables/", String.class).getBody()).contains("交付物登记册", "deliverables.js");
    var anonymous = rest.getForEntity(DeliverablePage.API, String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getBody()).contains("请先登录任务中心");

    WebappSession unit = WebappSession.login(port, "tasklist", "jtj1", DEMO_PASSWORD);
    assertThat(unit.get(DeliverablePage.API).statusCode()).isEqualTo(403);
    WebappSession manager = WebappSession.login(port, "tasklist", "manager1", DEMO_PASSWORD);
    var page = manager.get(DeliverablePage.API);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(json.readTree(page.body()).get("items")).hasSize(24);
    var uploaded = manager.postMultipart(DeliverablePage.API + "/7/documents", Map.of("title", "运维培训课件",
        "period", "2026 年第 4 季度"), "课件.pdf", pdf("课件"), true);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    assertThat(documents.versions(7)).singleElement().extracting(DeliverableDocument::status)
        .isEqualTo(DeliverableDocument.PENDING);
    var refused = manager.postMultipart(DeliverablePage.API + "/7/documents", Map.of(), "课件.pdf", pdf("课件"), true);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("title");
    WebappSession desk = WebappSession.login(port, "tasklist", "desk1", DEMO_PASSWORD);
    assertThat(desk.postMultipart(DeliverablePage.API + "/7/documents", Map.of("title", "运维培训课件"), "课件.pdf",
        pdf("课件"), false).statusCode()).as("no CSRF token, no write").isEqualTo(403);
    assertThat(documents.versions(7)).hasSize(1);
  }

  @Clause("P3 5.5.2.3")
  @Test
  void theSummaryRunsOverTheEngineRestApiAndIsItem23OnlyOnceConfirmed() throws Exception {
    String start = "/engine-rest/process-definition/key/service-summary-report/start";
    ResponseEntity<String> started = post("manager1", start, Map.of("variables", Map.of("periodFrom", Map.of("value", "2039-01-01"), "periodTo",
            Map.of("value", "2039-03-31"))));
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
    String pid = read(started).get("id").asText();
    Task review = task(pid, "Task_ReviewSummary");
    assertThat(get("manager1", "/engine-rest/task/" + review.getId() + "/deployed-form").getBody())
        .contains("审阅并编写服务总结");
    assertThat(post("manager1", "/engine-rest/task/" + review.getId() + "/claim", Map.of("userId", "manager1"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(post("manager1", "/engine-rest/task/" + review.getId() + "/complete", Map.of("variables",
        Map.of("commentary", Map.of("value", "一季度服务平稳")))).getStatusCode().value()).isEqualTo(204);
    JsonNode before = item("supervisor1", 23).get("latest");
    assertThat(before.isNull() || !before.get("title").asText().contains("2039-01-01")).as("not confirmed yet")
        .isTrue();
    Task confirm = task(pid, "Task_ConfirmSummary");
    assertThat(post("mgmt1", "/engine-rest/task/" + confirm.getId() + "/claim", Map.of("userId", "mgmt1"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(post("mgmt1", "/engine-rest/task/" + confirm.getId() + "/complete", Map.of("variables",
        Map.of("summaryDecision", Map.of("value", "CONFIRM")))).getStatusCode().value()).isEqualTo(204);
    JsonNode latest = item("supervisor1", 23).get("latest");
    assertThat(latest.get("title").asText()).isEqualTo("政务云运营服务总结报告 2039-01-01 至 2039-03-31");
    assertThat(latest.get("version").asInt()).isEqualTo(3);
    assertThat(latest.get("approval").asText()).isEqualTo("系统生成");
  }

  @Clause("P3 6.3.2")
  @Clause("P3 附录 D.1 第 2 项")
  @Test
  void aYearlyItemIsDueBeforeItsDayOverdueAfterAndOkOnceApproved() throws Exception {
    setClock(china("2026-12-20T10:00:00"));
    JsonNode plan = item("mgmt1", 2);
    assertThat(plan.get("cadence").asText()).isEqualTo("YEARLY");
    assertThat(plan.get("nextDue").asText()).isEqualTo("2027-01-01");
    assertThat(plan.get("status").asText()).isEqualTo("due");

    setClock(china("2027-01-05T10:00:00"));
    assertThat(item("mgmt1", 2).get("status").asText()).isEqualTo("overdue");
    assertThat(item("mgmt1", 2).get("statusLabel").asText()).contains("逾期", "2027-01-01");
    assertThat(read(get("mgmt1", "/api/deliverables")).get("overdue").asInt()).isPositive();

    JsonNode doc = read(upload("manager1", "2", pdf("计划"), "服务计划.pdf", Map.of("title", "2027 年服务计划")));
    assertThat(item("mgmt1", 2).get("status").asText()).as("a pending version is not a delivery")
        .isEqualTo("overdue");
    completeAs("mgmt1", Groups.MANAGEMENT, task(doc.get("processInstanceId").asText(), "Task_ApproveDocument"),
        Map.of("approvalDecision", "APPROVE"));
    JsonNode delivered = item("mgmt1", 2);
    assertThat(delivered.get("status").asText()).isEqualTo("ok");
    assertThat(delivered.get("nextDue").asText()).isEqualTo("2028-01-05");
  }
}
