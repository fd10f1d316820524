package cn.gov.gz.govcloud.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.WebTest;
import cn.gov.gz.govcloud.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Documents open with the Tasklist session at /camunda/api/govcloud: one click from a task (its case's documents) or a
 * mail (login first), unit users only their own unit's documents, no HTTP Basic prompt, downloads in the audit trail.
 */
class DocumentLinkTest extends WebTest {

  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  @Autowired ReportArchive archive;
  @Autowired ObjectMapper json;

  ReportDocument document(String unitCode) {
    return archive.archive("TEST_DOCUMENT", "DL-" + System.nanoTime(), "测试文档", null, unitCode, "测试文档.docx", DOCX,
        new byte[] {1, 2, 3}, "test");
  }

  HttpResponse<byte[]> anonymous(String path, String accept, String basicUser) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept",
        accept);
    if (basicUser != null) {
      r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((basicUser + ":" + DEMO_PASSWORD)
          .getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(r.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void theTasklistSessionOpensADocumentAndAUnitUserOnlyItsOwnUnits() {
    ReportDocument jtj = document("JTJ");
    ReportDocument wjw = document("WJW");
    WebappSession manager = WebappSession.login(port, "tasklist", "manager1", DEMO_PASSWORD);
    HttpResponse<byte[]> content = manager.getBytes(DocumentLinks.path(jtj.id()), "text/html");
    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(content.body()).containsExactly(1, 2, 3);
    assertThat(content.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
    assertThat(content.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(DOCX);

    WebappSession unit = WebappSession.login(port, "tasklist", "jtj1", DEMO_PASSWORD);
    assertThat(unit.getBytes(DocumentLinks.path(jtj.id()), "*/*").statusCode()).isEqualTo(200);
    assertThat(unit.getBytes(DocumentLinks.path(wjw.id()), "*/*").statusCode()).as("another unit's").isEqualTo(404);
    assertThat(unit.getBytes("/camunda/api/govcloud/documents/abc/content", "application/json").statusCode())
        .isEqualTo(400);

    assertThat(jdbcCount("documents.content", "manager1")).as("downloads are in the audit trail").isPositive();
  }

  @Test
  void withoutASessionABrowserIsSentToTheLoginAndOthersAreRefusedWithoutABasicPrompt() throws Exception {
    ReportDocument d = document(null);
    HttpResponse<byte[]> browser = anonymous(DocumentLinks.path(d.id()), "text/html,application/xhtml+xml", null);
    assertThat(browser.statusCode()).isEqualTo(302);
    assertThat(browser.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/camunda/app/tasklist/default/#/document/" + d.id());
    HttpResponse<byte[]> program = anonymous(DocumentLinks.path(d.id()), "application/json", "manager1");
    assertThat(program.statusCode()).as("the webapp path takes the session, not HTTP Basic").isEqualTo(401);
    assertThat(program.headers().firstValue("WWW-Authenticate")).as("no Basic prompt in the browser").isEmpty();
    assertThat(new String(program.body(), StandardCharsets.UTF_8)).contains("请先登录");
  }

  @Test
  void aTaskListsTheLatestVersionOfItsCasesDocumentsToWhoeverMaySeeTheTask() throws Exception {
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey("service-report",
        Map.of("periodFrom", "2039-01-01", "periodTo", "2039-01-31"));
    Task review = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    long draft = ((Number) processEngine.getRuntimeService().getVariable(pi.getId(), "reportId")).longValue();

    WebappSession manager = WebappSession.login(port, "tasklist", "manager1", DEMO_PASSWORD);
    HttpResponse<byte[]> list = manager.getBytes("/camunda/api/govcloud/tasks/" + review.getId() + "/documents",
        "application/json");
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode docs = json.readTree(list.body());
    assertThat(docs).hasSize(1);
    assertThat(docs.get(0).get("id").asLong()).isEqualTo(draft);
    assertThat(docs.get(0).get("url").asText()).isEqualTo(DocumentLinks.path(draft));
    assertThat(manager.getBytes(docs.get(0).get("url").asText(), "*/*").statusCode()).isEqualTo(200);

    WebappSession unit = WebappSession.login(port, "tasklist", "jtj1", DEMO_PASSWORD);
    assertThat(unit.getBytes("/camunda/api/govcloud/tasks/" + review.getId() + "/documents", "application/json")
        .statusCode()).as("a task the unit user may not see").isEqualTo(404);
    assertThat(anonymous("/camunda/api/govcloud/tasks/" + review.getId() + "/documents", "application/json", null)
        .statusCode()).isEqualTo(401);
  }

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  long jdbcCount(String action, String user) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND user_id = ?").params(action, user)
        .query(Long.class).single();
  }
}
