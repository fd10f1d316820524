package cn.gov.gz.govcloud.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import cn.gov.gz.govcloud.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every user action on a case is in the audit trail with who, what, which object, outcome and address: over the engine
 * REST API, over the webapps' API (as Tasklist sends it) and over ours; the trail is searchable by a supervisor only,
 * and the nightly cleanup deletes only rows past the retention period.
 */
class AuditTrailTest extends WebTest {

  static final String PROCESS = "audit-trail-test";
  static final List<String> LOOPBACK = List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ReportArchive reports;
  @Autowired AuditLog auditLog;
  @Autowired AuditRetention retention;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @BeforeEach
  void deployOnce() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).name("审计测试").camundaHistoryTimeToLive(1)
          .startEvent().userTask("UserTask_Check").name("核查").camundaCandidateGroups("ops-engineer")
          .endEvent().done();
      repositoryService.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model).deploy();
    }
  }

  String startCase() {
    return runtimeService.startProcessInstanceByKey(PROCESS, "AUDIT-" + UUID.randomUUID()).getId();
  }

  String taskOf(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
  }

  @Clause("GB 8.4.2 g 6")
  @Clause("P6 7.4.1.3 d")
  @Clause("P6 7.6.2.2")
  @Clause("P3 5.5.2.1")
  @Test
  void caseActionsOverEngineRestAreRecordedWithUserObjectOutcomeAndAddress() throws Exception {
    String pi = startCase();
    String task = taskOf(pi);

    assertThat(post("engineer1", "/engine-rest/task/" + task + "/claim", Map.of("userId", "engineer1"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("manager1", "/engine-rest/task/" + task + "/assignee", Map.of("userId", "operator1"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    // variables belong to the process (issue 17): the write is refused, and the refusal is on the record
    assertThat(put("operator1", "/engine-rest/task/" + task + "/variables/note",
        Map.of("value", "机房温度正常", "type", "String")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    var headers = basicAuth("operator1");
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    headers.add("X-Forwarded-For", "203.0.113.9"); // not from a trusted proxy: must be ignored
    assertThat(rest.exchange("/engine-rest/task/" + task + "/complete", HttpMethod.POST, new HttpEntity<>(
            Map.of("variables", Map.of()), headers), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    String other = startCase();
    assertThat(exchange("admin", HttpMethod.DELETE, "/engine-rest/process-instance/" + other, null)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    // a refused action is recorded too: a supervisor changes nothing
    String third = startCase();
    assertThat(post("supervisor1", "/engine-rest/task/" + taskOf(third) + "/claim",
        Map.of("userId", "supervisor1")).getStatusCode().is4xxClientError()).isTrue();
    // queries sent as POST are reads and not recorded
    post("engineer1", "/engine-rest/task", Map.of("processInstanceId", pi));

    JsonNode claim = only("user=engineer1&action=task.claim&q=" + task);
    assertThat(claim.path("objectType").asText()).isEqualTo("task");
    assertThat(claim.path("objectId").asText()).isEqualTo(task);
    assertThat(claim.path("method").asText()).isEqualTo("POST");
    assertThat(claim.path("path").asText()).isEqualTo("/engine-rest/task/" + task + "/claim");
    assertThat(claim.path("status").asInt()).isEqualTo(204);
    assertThat(claim.path("outcome").asText()).isEqualTo("success");
    assertThat(claim.path("channel").asText()).isEqualTo("engine-rest");
    assertThat(claim.path("detail").asText()).isEqualTo("认领任务");
    assertThat(LOOPBACK).contains(claim.path("clientIp").asText());
    assertThat(claim.path("engineLog").asText()).isEqualTo("/engine-rest/history/user-operation?taskId=" + task);
    assertThat(Instant.parse(claim.path("occurredAt").asText())).isAfter(Instant.now().minusSeconds(120));

    assertThat(only("user=manager1&action=task.assignee&q=" + task).path("detail").asText()).isEqualTo("转派任务");
    JsonNode variable = only("user=operator1&action=task.variables&q=" + task);
    assertThat(variable.path("detail").asText()).isEqualTo("修改任务变量 note");
    assertThat(variable.path("method").asText()).isEqualTo("PUT");
    assertThat(variable.path("outcome").asText()).isEqualTo("denied");
    JsonNode complete = only("user=operator1&action=task.complete&q=" + task);
    assertThat(LOOPBACK).contains(complete.path("clientIp").asText());
    JsonNode cancel = only("user=admin&action=process-instance.delete&q=" + other);
    assertThat(cancel.path("objectId").asText()).isEqualTo(other);
    assertThat(cancel.path("engineLog").asText()).endsWith("processInstanceId=" + other);
    JsonNode refused = only("user=supervisor1&action=task.claim&q=" + taskOf(third));
    assertThat(refused.path("outcome").asText()).isIn("denied", "error");
    assertThat(search("supervisor1", "action=task&q=" + pi).path("items")).isEmpty(); // the query was not recorded

    // nothing of a body is kept: the variable's value appears nowhere
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE search_text LIKE ? OR detail LIKE ?",
        Integer.class, "%机房温度%", "%机房温度%")).isZero();
  }

  @Test
  void caseActionsInTasklistAreRecordedWithTheSessionUser() throws Exception {
    String pi = startCase();
    String task = taskOf(pi);
    WebappSession tasklist = WebappSession.login(port, "tasklist", "engineer1", DEMO_PASSWORD);
    assertThat(tasklist.enginePost("task/" + task + "/claim", "{\"userId\":\"engineer1\"}").statusCode())
        .isEqualTo(204);
    assertThat(tasklist.enginePost("task/" + task + "/complete", "{\"variables\":{}}").statusCode()).isEqualTo(204);

    JsonNode login = search("supervisor1", "user=engineer1&action=login.success").path("items").get(0);
    assertThat(login.path("channel").asText()).isEqualTo("webapp");
    assertThat(login.path("detail").asText()).isEqualTo("登录 tasklist 成功");
    JsonNode claim = only("user=engineer1&action=task.claim&q=" + task);
    assertThat(claim.path("channel").asText()).isEqualTo("webapp");
    assertThat(claim.path("path").asText()).isEqualTo("/camunda/api/engine/engine/default/task/" + task + "/claim");
    assertThat(LOOPBACK).contains(claim.path("clientIp").asText());
    assertThat(only("user=engineer1&action=task.complete&q=" + task).path("status").asInt()).isEqualTo(204);
  }

  @Test
  void ledgerChangesAndReportDownloadsAreRecorded() throws Exception {
    String resource = "AUD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    ResponseEntity<String> imported = post("operator1", "/api/ledger/inventory", List.of(Map.of("resourceId",
        resource, "unitCode", "JTJ", "type", "VM", "vcpu", 4, "memoryGb", 8, "location", "A01", "ip", "10.9.8.7",
        "powerState", "RUNNING", "cpuUtil", 30, "memUtil", 40)));
    JsonNode ledger = search("supervisor1", "user=operator1&action=ledger.inventory").path("items").get(0);
    assertThat(ledger.path("status").asInt()).isEqualTo(imported.getStatusCode().value());
    assertThat(ledger.path("detail").asText()).isEqualTo("导入资产清单并校核台账");
    assertThat(ledger.path("path").asText()).isEqualTo("/api/ledger/inventory");

    ReportDocument doc = reports.archive("audit-test", "AUDIT-" + resource, "审计测试报告", null, null, "测试.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "content".getBytes(StandardCharsets.UTF_8), "test");
    assertThat(get("manager1", "/api/reports/" + doc.id() + "/content").getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode download = only("user=manager1&action=reports.content&q=/api/reports/" + doc.id() + "/content");
    assertThat(download.path("objectType").asText()).isEqualTo("reports");
    assertThat(download.path("objectId").asText()).isEqualTo(String.valueOf(doc.id()));
    assertThat(download.path("detail").asText()).isEqualTo("下载报告");
    assertThat(download.path("method").asText()).isEqualTo("GET");
    // an ordinary read is not recorded
    get("manager1", "/api/reports/" + doc.id());
    assertThat(search("supervisor1", "user=manager1&action=reports.read").path("items")).isEmpty();
  }

  @Test
  void onlySupervisorsManagementAndAdminSearchAndBadParametersAreNamed() {
    assertThat(get("supervisor1", "/api/audit?size=5").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("mgmt1", "/api/audit?size=5").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("admin", "/api/audit?size=5").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("jtj1", "/api/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("engineer1", "/api/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(null, "/api/audit").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    assertThat(badField("from=yesterday")).isEqualTo("from");
    assertThat(badField("to=2026-13-45")).isEqualTo("to");
    assertThat(badField("from=2026-11-25&to=2026-11-01")).isEqualTo("to");
    assertThat(badField("size=1000")).isEqualTo("size");
    assertThat(badField("page=-1")).isEqualTo("page");
    assertThat(badField("page=abc")).isEqualTo("page");
    assertThat(badField("q=" + "x".repeat(300))).isEqualTo("q");
    // the search itself is in the trail; LIKE wildcards in q are taken literally
    assertThat(get("supervisor1", "/api/audit?q=%25_%25&from=2026-01-01&to=2099-01-01T00:00:00Z")
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(search("admin", "user=supervisor1&action=audit.read").path("items").size()).isPositive();
  }

  @Clause("GB 8.4.3 f 3")
  @Test
  void retentionDeletesOnlyRowsPastTheRetentionPeriod() {
    String marker = "/retention-" + UUID.randomUUID();
    Instant now = Instant.now();
    for (int days : new int[] {500, 401, 399, 30}) {
      auditLog.record(new AuditEvent(null, now.minus(Duration.ofDays(days)), "test", "test.retention", "api", "POST",
          marker + "/" + days, null, null, 200, "success", "127.0.0.1", "保留期测试", null));
    }
    assertThat(retention.cleanUp(now)).isGreaterThanOrEqualTo(2);
    assertThat(jdbc.queryForList("SELECT path FROM audit_event WHERE path LIKE ? ORDER BY path", String.class,
        marker + "%")).containsExactly(marker + "/30", marker + "/399");
    assertThat(retention.cleanUp(now)).isZero(); // idempotent: a second node finds nothing
  }

  @Test
  void rowsManagementMarksImportantOutliveTheRetentionUntilReleased() throws Exception {
    String marker = "/keep-" + UUID.randomUUID();
    Instant now = Instant.now();
    auditLog.record(new AuditEvent(null, now.minus(Duration.ofDays(500)), "engineer1", "task.assignee", "engine-rest",
        "POST", marker + "/important", "task", "t-1", 204, "success", "127.0.0.1", "转派任务", null));
    auditLog.record(new AuditEvent(null, now.minus(Duration.ofDays(500)), "engineer1", "task.assignee", "engine-rest",
        "POST", marker + "/ordinary", "task", "t-2", 204, "success", "127.0.0.1", "转派任务", null));
    long important = idOf(marker + "/important");

    // who may not, and bad requests, change nothing
    assertThat(post("supervisor1", "/api/audit/" + important + "/keep", Map.of("reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN); // supervisors read everything and change nothing
    assertThat(post("engineer1", "/api/audit/" + important + "/keep", Map.of("reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(errorField(post("mgmt1", "/api/audit/" + important + "/keep", Map.of("reason", " ")))).isEqualTo("reason");
    assertThat(errorField(post("mgmt1", "/api/audit/" + important + "/keep", Map.of("reason", "长".repeat(201)))))
        .isEqualTo("reason");
    assertThat(errorField(post("mgmt1", "/api/audit/abc/keep", Map.of("reason", "x")))).isEqualTo("id");
    assertThat(post("mgmt1", "/api/audit/999999999/keep", Map.of("reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE path LIKE ? AND kept_at IS NOT NULL",
        Integer.class, marker + "%")).isZero();

    ResponseEntity<String> kept = post("mgmt1", "/api/audit/" + important + "/keep", Map.of("reason", "审计调查证据，长期保存"));
    assertThat(kept.getStatusCode()).as(kept.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode row = json.readTree(kept.getBody());
    assertThat(row.path("kept").path("by").asText()).isEqualTo("mgmt1");
    assertThat(row.path("kept").path("reason").asText()).isEqualTo("审计调查证据，长期保存");
    assertThat(search("supervisor1", "kept=true&q=" + marker).path("items")).hasSize(1);
    assertThat(search("supervisor1", "kept=false&q=" + marker).path("items")).hasSize(1);
    assertThat(badField("kept=yes")).isEqualTo("kept");
    // marking is itself in the trail
    assertThat(search("supervisor1", "user=mgmt1&action=audit.keep&q=/api/audit/" + important + "/keep")
        .path("items").get(0).path("status").asInt()).isEqualTo(200);

    retention.cleanUp(now);
    assertThat(jdbc.queryForList("SELECT path FROM audit_event WHERE path LIKE ?", String.class, marker + "%"))
        .containsExactly(marker + "/important");

    assertThat(post("admin", "/api/audit/" + important + "/release", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    retention.cleanUp(now);
    assertThat(jdbc.queryForList("SELECT path FROM audit_event WHERE path LIKE ?", String.class, marker + "%")).isEmpty();
  }

  @Test
  void changesOfRightsAreKeptByRuleFromTheStart() {
    String marker = "/rule-" + UUID.randomUUID();
    Instant now = Instant.now();
    for (String action : new String[] {"authorization.create", "user.credentials", "deployment.create", "task.claim"}) {
      auditLog.record(new AuditEvent(null, now.minus(Duration.ofDays(500)), "admin", action, "engine-rest", "POST",
          marker + "/" + action, null, null, 200, "success", "127.0.0.1", "规则测试", null));
    }
    retention.cleanUp(now);
    assertThat(jdbc.queryForList("SELECT path FROM audit_event WHERE path LIKE ? ORDER BY path", String.class,
        marker + "%")).containsExactly(marker + "/authorization.create", marker + "/deployment.create",
        marker + "/user.credentials");
    JsonNode rule = search("supervisor1", "kept=true&q=" + marker + "/authorization").path("items").get(0);
    assertThat(rule.path("kept").path("by").asText()).isEqualTo("system");
  }

  private long idOf(String path) {
    return jdbc.queryForObject("SELECT id FROM audit_event WHERE path = ?", Long.class, path);
  }

  private String errorField(ResponseEntity<String> r) {
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    try {
      return json.readTree(r.getBody()).path("errors").get(0).path("field").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode search(String user, String query) {
    ResponseEntity<String> r = get(user, "/api/audit?" + query);
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    try {
      return json.readTree(r.getBody());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode only(String query) {
    JsonNode items = search("supervisor1", query).path("items");
    assertThat(items.size()).as(query + " -> " + items).isEqualTo(1);
    return items.get(0);
  }

  private String badField(String query) {
    ResponseEntity<String> r = get("supervisor1", "/api/audit?" + query);
    assertThat(r.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
    try {
      return json.readTree(r.getBody()).path("errors").get(0).path("field").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
