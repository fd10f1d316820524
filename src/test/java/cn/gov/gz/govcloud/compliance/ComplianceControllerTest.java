package cn.gov.gz.govcloud.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.compliance.ComplianceMatrix.Coverage;
import cn.gov.gz.govcloud.compliance.ComplianceMatrix.Row;
import cn.gov.gz.govcloud.support.WebTest;
import cn.gov.gz.govcloud.support.WebappSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The supervisor's read-only page of the compliance matrix: served with the webapps' session, in Chinese, saying what
 * docs/compliance.md says; a browser without a session goes through the Cockpit login; unit users are refused.
 */
class ComplianceControllerTest extends WebTest {

  static final String PAGE = "/camunda/api/govcloud/compliance";

  HttpResponse<byte[]> anonymous(String accept) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + PAGE))
        .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void theSupervisorReadsTheMatrixInChineseWithTheCoverageAndTheGapsOfTheDocs() throws Exception {
    WebappSession supervisor = WebappSession.login(port, "cockpit", "supervisor1", DEMO_PASSWORD);
    HttpResponse<byte[]> answer = supervisor.getBytes(PAGE, "text/html,application/xhtml+xml");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html")
        .containsIgnoringCase("utf-8");
    String html = new String(answer.body(), StandardCharsets.UTF_8);
    assertThat(html).contains("<html lang=\"zh-CN\">", "标准条款合规矩阵", "覆盖率", "尚未实现的系统实现类条款", "条款明细")
        .doesNotContain("<form", "<input", "<button", "{{");

    ComplianceMatrix matrix = ComplianceMatrix.load();
    for (Standard s : Standard.values()) {
      Coverage total = matrix.coverage(s).get(0);
      assertThat(html).contains(s.number()).contains("<td class=\"n\">" + total.clauses() + "</td><td class=\"n\">"
          + total.software() + "</td><td class=\"n\">" + total.implemented() + "</td><td class=\"n\">"
          + total.tested() + "</td>");
    }
    for (Row gap : matrix.gaps()) {
      assertThat(html).contains(CompliancePage.esc(gap.clause().title()), CompliancePage.esc(gap.gapReason()));
    }
    assertThat(html).as("rendered from the packaged matrix").isEqualTo(CompliancePage.render(matrix));
  }

  @Test
  void thePageAndDocsComplianceMdComeFromTheSameData() throws Exception {
    // the page renders the packaged resources; rendered as Markdown they are exactly the file in the repository
    String docs = Files.readString(Path.of("docs/compliance.md"), StandardCharsets.UTF_8);
    assertThat(ComplianceMarkdown.render(ComplianceMatrix.load())).isEqualTo(docs);
  }

  @Test
  void withoutASessionABrowserGoesThroughTheCockpitLoginAndOthersAreRefused() throws Exception {
    HttpResponse<byte[]> browser = anonymous("text/html,application/xhtml+xml");
    assertThat(browser.statusCode()).isEqualTo(302);
    assertThat(browser.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/camunda/app/cockpit/default/#/compliance");
    HttpResponse<byte[]> program = anonymous("application/json");
    assertThat(program.statusCode()).isEqualTo(401);
    assertThat(program.headers().firstValue("WWW-Authenticate")).as("no Basic prompt in the browser").isEmpty();
    assertThat(new String(program.body(), StandardCharsets.UTF_8)).contains("请先登录");
  }

  @Test
  void unitUsersAreRefusedAndStaffOfEveryPartyMayRead() {
    WebappSession unit = WebappSession.login(port, "tasklist", "jtj1", DEMO_PASSWORD);
    HttpResponse<byte[]> refused = unit.getBytes(PAGE, "application/json");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("监理方");
    for (String staff : new String[] {"mgmt1", "manager1", "desk1"}) {
      assertThat(WebappSession.login(port, "tasklist", staff, DEMO_PASSWORD).getBytes(PAGE, "text/html").statusCode())
          .as(staff).isEqualTo(200);
    }
  }
}
