package cn.gov.gz.govcloud.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.WebTest;
import cn.gov.gz.govcloud.support.WebappSession;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 17 item 1: no query expression reaches the engine, in any spelling a JSON parser or a query string accepts
 * (plain, JSON unicode escapes, other letter case, nested in {@code orQueries}, extending a stored filter), on every
 * query endpoint of the engine REST API and of the webapps' API, for a unit user and for staff. The oracle is a bean
 * an evaluated expression would touch ({@link ExpressionProbe}), and {@code Class.forName} with a class that exists and
 * one that does not, which must answer alike.
 */
class QueryExpressionTest extends WebTest {

  static final String PROBE = "${expressionProbe.touch()}";
  static final String CLASS_EXISTS = "${''.getClass().forName('java.lang.String')}";
  static final String CLASS_MISSING = "${''.getClass().forName('no.such.Klass')}";

  @Autowired ExpressionProbe probe;

  String filterId;
  int touchedBefore;

  @BeforeEach
  void filter() {
    touchedBefore = probe.touched();
    filterId = processEngine.getFilterService().createFilterQuery().filterName("我的任务").singleResult().getId();
  }

  /** JSON with the expression as a string literal (the double quotes of E escaped for JSON). */
  static String js(String expression) {
    return "\"" + expression.replace("\"", "\\\"") + "\"";
  }

  static List<String> bodies(String e) {
    String v = js(e);
    return List.of(
        "{\"assigneeExpression\":" + v + "}",
        "{\"assignee\\u0045xpression\":" + v + "}",
        "{\"\\u0061ssigneeExpression\":" + v + "}",
        "{\"dueBeforeExpression\":" + v + "}",
        "{\"candidateGroupsExpression\":" + v + "}",
        "{\"processInstanceBusinessKeyExpression\":" + v + "}",
        "{\"orQueries\":[{\"assigneeExpression\":" + v + "}]}",
        "{\"orQueries\":[{\"assignee\\u0045xpression\":" + v + "}]}",
        "{\"orQueries\":[{\"assignee\":\"x\"},{\"dueBeforeExpression\":" + v + "}]}",
        "{\"\\u006frQueries\":[{\"candidateUserExpression\":" + v + "}]}",
        "{\"AssigneeExpression\":" + v + "}",
        "{\"ASSIGNEEEXPRESSION\":" + v + "}");
  }

  static List<String> queryStrings(String e) {
    String v = URLEncoder.encode(e, StandardCharsets.UTF_8);
    return List.of("assigneeExpression=" + v, "dueBeforeExpression=" + v, "candidateGroupsExpression=" + v,
        "processInstanceBusinessKeyExpression=" + v, "assigneeLikeExpression=" + v, "ownerExpression=" + v);
  }

  ResponseEntity<String> raw(String user, HttpMethod method, String pathAndQuery, String body) {
    HttpHeaders headers = basicAuth(user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange(URI.create("http://localhost:" + port + pathAndQuery), method,
        new HttpEntity<>(body, headers), String.class);
  }

  /** Every task query endpoint that takes a JSON body, on the engine REST API. */
  List<String> bodyEndpoints() {
    return List.of("/engine-rest/task", "/engine-rest/task/count", "/engine-rest/filter/" + filterId + "/list",
        "/engine-rest/filter/" + filterId + "/count", "/engine-rest/filter/" + filterId + "/singleResult");
  }

  List<String> getEndpoints() {
    return List.of("/engine-rest/task", "/engine-rest/task/count", "/engine-rest/filter/" + filterId + "/list",
        "/engine-rest/filter/" + filterId + "/count");
  }

  @Test
  void theProbeCountsWhenAnExpressionIsEvaluated() {
    int before = touchedBefore;
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) processEngine
        .getProcessEngineConfiguration();
    config.getCommandExecutorTxRequired().execute(ctx ->
        config.getExpressionManager().createExpression(PROBE).getValue(null));
    assertThat(probe.touched()).isEqualTo(before + 1);
  }

  @Test
  void engineRestRefusesEverySpellingOnEveryTaskQueryEndpoint() {
    List<String> answered = new ArrayList<>();
    for (String user : List.of("jtj1", "desk1")) {
      for (String endpoint : bodyEndpoints()) {
        for (String body : bodies(PROBE)) {
          ResponseEntity<String> r = raw(user, HttpMethod.POST, endpoint, body);
          answered.add(user + " POST " + endpoint + " " + body + " -> " + r.getStatusCode().value());
          assertThat(r.getStatusCode().value()).as(answered.get(answered.size() - 1)).isLessThan(500);
          if (!body.contains("AssigneeExpression") && !body.contains("ASSIGNEEEXPRESSION")) {
            assertThat(r.getStatusCode().value()).as(answered.get(answered.size() - 1)).isEqualTo(400);
            assertThat(r.getBody()).contains("查询条件不允许使用表达式");
          }
        }
      }
      for (String endpoint : getEndpoints()) {
        for (String query : queryStrings(PROBE)) {
          ResponseEntity<String> r = raw(user, HttpMethod.GET, endpoint + "?" + query, null);
          String what = user + " GET " + endpoint + "?" + query;
          if (endpoint.contains("/filter/")) {
            // a stored filter's GET list takes no query from the URL: the parameters are ignored
            assertThat(r.getStatusCode().value()).as(what).isLessThan(500);
          } else {
            assertThat(r.getStatusCode().value()).as(what).isEqualTo(400);
            assertThat(r.getBody()).contains("查询条件不允许使用表达式");
          }
        }
      }
    }
    assertThat(probe.touched()).as("expressions evaluated").isEqualTo(touchedBefore);
  }

  @Test
  void aClassThatExistsAndOneThatDoesNotAnswerAlike() {
    for (String endpoint : bodyEndpoints()) {
      for (int i = 0; i < bodies(CLASS_EXISTS).size(); i++) {
        ResponseEntity<String> exists = raw("jtj1", HttpMethod.POST, endpoint, bodies(CLASS_EXISTS).get(i));
        ResponseEntity<String> missing = raw("jtj1", HttpMethod.POST, endpoint, bodies(CLASS_MISSING).get(i));
        assertThat(exists.getStatusCode()).as(endpoint + " " + bodies(CLASS_EXISTS).get(i))
            .isEqualTo(missing.getStatusCode());
        assertThat(exists.getStatusCode().value()).isLessThan(500);
      }
    }
  }

  @Test
  void otherQueryResourcesNeverEvaluateAnExpressionEither() {
    List<String> endpoints = List.of("/engine-rest/history/task", "/engine-rest/history/process-instance",
        "/engine-rest/process-instance", "/engine-rest/execution", "/engine-rest/external-task",
        "/engine-rest/history/activity-instance", "/engine-rest/history/variable-instance",
        "/engine-rest/variable-instance", "/engine-rest/history/detail", "/engine-rest/history/incident",
        "/engine-rest/job", "/engine-rest/history/job-log", "/engine-rest/history/decision-instance");
    for (String endpoint : endpoints) {
      for (String body : bodies(PROBE)) {
        ResponseEntity<String> r = raw("jtj1", HttpMethod.POST, endpoint, body);
        assertThat(r.getStatusCode().value()).as("POST " + endpoint + " " + body).isLessThan(500);
      }
      for (String query : queryStrings(PROBE)) {
        ResponseEntity<String> r = raw("jtj1", HttpMethod.GET, endpoint + "?" + query, null);
        assertThat(r.getStatusCode().value()).as("GET " + endpoint + "?" + query).isLessThan(500);
      }
    }
    assertThat(probe.touched()).isEqualTo(touchedBefore);
  }

  @Test
  void theWebappsApiRefusesThemToo() {
    WebappSession tasklist = WebappSession.login(port, "tasklist", "jtj1", DEMO_PASSWORD);
    for (String endpoint : List.of("task", "task/count", "filter/" + filterId + "/list",
        "filter/" + filterId + "/count")) {
      for (String body : bodies(PROBE)) {
        var r = tasklist.enginePost(endpoint, body);
        assertThat(r.statusCode()).as("webapp POST " + endpoint + " " + body).isLessThan(500);
        if (!body.contains("AssigneeExpression") && !body.contains("ASSIGNEEEXPRESSION")) {
          assertThat(r.statusCode()).as("webapp POST " + endpoint + " " + body).isEqualTo(400);
          assertThat(r.body()).contains("查询条件不允许使用表达式").doesNotContain("org.camunda");
        }
      }
      for (String query : queryStrings(PROBE)) {
        var r = tasklist.engineGet(endpoint + "?" + query);
        assertThat(r.statusCode()).as("webapp GET " + endpoint + "?" + query)
            .isEqualTo(endpoint.startsWith("filter/") ? 200 : 400);
      }
    }
    assertThat(probe.touched()).isEqualTo(touchedBefore);
  }

  @Test
  void storedFiltersMayCarryOnlyTheHarmlessFilterExpressions() {
    for (String query : List.of("{\"assigneeExpression\":" + js(PROBE) + "}",
        "{\"orQueries\":[{\"assigneeExpression\":" + js(CLASS_EXISTS) + "}]}",
        "{\"dueBeforeExpression\":\"${now().getClass()}\"}")) {
      ResponseEntity<String> r = raw("admin", HttpMethod.POST, "/engine-rest/filter/create",
          "{\"resourceType\":\"Task\",\"name\":\"恶意过滤器\",\"query\":" + query + "}");
      assertThat(r.getStatusCode().value()).as(query).isEqualTo(400);
      assertThat(r.getBody()).contains("过滤器");
    }
    ResponseEntity<String> fine = raw("admin", HttpMethod.POST, "/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"本周到期\",\"query\":{\"assigneeExpression\":\"${currentUser()}\","
            + "\"dueBeforeExpression\":\"${dateTime().withTimeAtStartOfDay().plusDays(7).toDate()}\"}}");
    assertThat(fine.getStatusCode().value()).as(fine.getBody()).isEqualTo(200);
    String id = fine.getBody().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    assertThat(raw("admin", HttpMethod.DELETE, "/engine-rest/filter/" + id, null).getStatusCode().value())
        .isEqualTo(204);
    assertThat(processEngine.getFilterService().createFilterQuery().filterName("恶意过滤器").count()).isZero();
    assertThat(probe.touched()).isEqualTo(touchedBefore);
  }
}
