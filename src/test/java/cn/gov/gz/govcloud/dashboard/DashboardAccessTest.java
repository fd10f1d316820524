package cn.gov.gz.govcloud.dashboard;

import static cn.gov.gz.govcloud.dashboard.DashboardFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.drill.ContingencyPlan;
import cn.gov.gz.govcloud.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The way around the dashboard against a known operation ({@link DashboardFixture}): lists leading on to Tasklist and
 * Cockpit, the supervisor who reads everything and changes nothing, the way in through the Tasklist login, bad
 * requests answered in Chinese, and drill dates as the drill room computes them.
 */
class DashboardAccessTest extends DashboardTestSupport {

  @Test
  void aListLeadsOnToTheCasesTasksAndToCockpitForThoseWhoHaveIt() throws Exception {
    Task respond = processEngine.getTaskService().createTaskQuery().taskDefinitionKey("Task_RespondEmergency")
        .processVariableValueEquals("description", DashboardFixture.REPORTED).list().stream()
        .filter(t -> t.getName().contains(reported)).findFirst().orElse(null);
    assertThat(respond).isNotNull();
    String path = DashboardController.API + "/lists/emergencies?no=" + reported;

    JsonNode bureau = read(WebappSession.login(port, "tasklist", "mgmt1", DEMO_PASSWORD), path);
    JsonNode links = bureau.get("rows").get(0).get("links");
    assertThat(links).extracting(l -> l.get("href").asText())
        .contains("/camunda/app/tasklist/default/#/?task=" + respond.getId(),
            "/camunda/app/cockpit/default/#/process-instance/" + respond.getProcessInstanceId() + "/runtime");
    assertThat(links.get(0).get("label").asText()).isEqualTo("办理：响应应急事件");

    // the unit sees its case but not the duty engineer's task (the engine's decision, as in Tasklist), nor Cockpit
    JsonNode unit = read(WebappSession.login(port, "tasklist", fixture.userA, DEMO_PASSWORD), path);
    assertThat(unit.get("total").asLong()).isEqualTo(1);
    assertThat(unit.get("rows").get(0).get("links")).isEmpty();
    JsonNode other = read(WebappSession.login(port, "tasklist", fixture.userB, DEMO_PASSWORD), path);
    assertThat(other.get("total").asLong()).isZero();
  }

  @Test
  void theSupervisorReadsEverythingAndChangesNothing() throws Exception {
    WebappSession supervisor = WebappSession.login(port, "tasklist", "supervisor1", DEMO_PASSWORD);
    JsonNode s = snapshot(supervisor);
    assertThat(s.get("viewer").get("allUnits").asBoolean()).isTrue();
    assertThat(s.get("viewer").get("cockpit").asBoolean()).isTrue();
    assertThat(s.get("sections").get("evaluation").get("data").isNull()).isFalse();
    assertThat(s.get("sections").get("inspection").get("data").isNull()).isFalse();
    HttpResponse<String> write = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + DashboardController.API)).header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(write.statusCode()).as("the dashboard has nothing to change").isGreaterThanOrEqualTo(400);
  }

  @Test
  void withoutASessionTheBrowserGoesThroughTheTasklistLogin() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> program = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + DashboardController.API)).header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers
        .ofString());
    assertThat(program.statusCode()).isEqualTo(401);
    assertThat(program.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(program.body()).contains("请先登录任务中心");
    HttpResponse<String> browser = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + DashboardController.API)).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(browser.statusCode()).isEqualTo(302);
    assertThat(browser.headers().firstValue("Location").orElseThrow()).isEqualTo(DashboardController.LOGIN_ROUTE);

    // the page, its big screen and the charting library are the application's own (no internet needed)
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard/"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("广州市政务云运营可视化").doesNotContain("http://", "https://");
    String script = page.body().replaceAll("(?s).*<script src=\"\\.\\./(webjars/echarts/[^\"]+)\".*", "$1");
    assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + script)).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode()).as(script).isEqualTo(200);
    assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard/screen")).GET()
        .build(), HttpResponse.BodyHandlers.ofString()).body()).isEqualTo(page.body());
    HttpResponse<Void> bare = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard"))
        .GET().build(), HttpResponse.BodyHandlers.discarding());
    assertThat(bare.statusCode()).isEqualTo(302);
    assertThat(bare.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard/");
  }

  @Test
  void badRequestsAreAnsweredInChinese() throws Exception {
    WebappSession bureau = WebappSession.login(port, "tasklist", "mgmt1", DEMO_PASSWORD);
    assertThat(bureau.getBytes(DashboardController.API + "/lists/nothing", "application/json").statusCode())
        .isEqualTo(404);
    HttpResponse<byte[]> bad = bureau.getBytes(DashboardController.API + "/lists/emergencies?state=x",
        "application/json");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("取值");
    assertThat(bureau.getBytes(DashboardController.API + "/lists/alerts?problem=DROP%20TABLE", "application/json")
        .statusCode()).isEqualTo(400);
    assertThat(bureau.getBytes(DashboardController.API + "/lists/work-orders?received=2043-13", "application/json")
        .statusCode()).isEqualTo(400);
    assertThat(bureau.getBytes(DashboardController.API + "/lists/work-orders?size=100000", "application/json")
        .statusCode()).isEqualTo(400);
    assertThat(bureau.getBytes(DashboardController.API + "/lists/work-orders?unknown=1", "application/json")
        .statusCode()).isEqualTo(400);
  }

  @Test
  void drillDatesAreTheDrillRoomsOwn() {
    List<ContingencyPlan> all = plans.search(new Caller("admin", List.of("camunda-admin")), null, null);
    assertThat(all).isNotEmpty();
    for (ContingencyPlan p : all) {
      assertThat(drillSchedule.nextDue(p.planType().name(), p.lastDrilledAt(), p.createdAt())).as(p.planNo())
          .isEqualTo(p.nextDrillDue());
    }
  }
}
