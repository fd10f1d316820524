package cn.gov.gz.govcloud.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class PlatformSecurityTest extends WebTest {

  @Test
  void engineRestAnswersTheVersionOnlyWithCredentials() {
    ResponseEntity<String> anonymous = get(null, "/engine-rest/version");
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<String> wrongPassword = rest.withBasicAuth("nobody", "wrong").getForEntity("/engine-rest/version",
        String.class);
    assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<String> desk = get("desk1", "/engine-rest/version");
    assertThat(desk.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(desk.getBody()).contains("7.24.0");
  }

  @Test
  void ourApiNeedsCredentialsToo() {
    assertThat(get(null, "/api/units").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("desk1", "/api/units").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void everyPartyHasItsGroup() {
    var groups = processEngine.getIdentityService().createGroupQuery().list().stream().map(g -> g.getId()).toList();
    assertThat(groups).contains(Groups.MANAGEMENT, Groups.UNIT_USER, Groups.SERVICE_DESK, Groups.OPS_MANAGER,
        Groups.OPS_ENGINEER, Groups.OPS_OPERATOR, Groups.SUPERVISOR, Groups.ADMIN, "unit-JTJ", "unit-WJW");
  }

  @Test
  void adminSetupPageIsClosedBecauseTheAdminGroupIsNeverEmpty() {
    assertThat(processEngine.getIdentityService().createUserQuery().memberOfGroup(Groups.ADMIN).count())
        .isPositive();
    long usersBefore = processEngine.getIdentityService().createUserQuery().count();
    ResponseEntity<String> setup = post(null, "/camunda/api/admin/setup/default/user/create",
        map("profile", map("id", "intruder", "firstName", "x", "lastName", "y", "email", "x@y.z"),
            "credentials", map("password", "intruder-pass")));
    assertThat(setup.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(processEngine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
    assertThat(processEngine.getIdentityService().createUserQuery().count()).isEqualTo(usersBefore);
  }

  @Test
  void queryExpressionsAreRefusedInQueryStringAndBody() {
    ResponseEntity<String> inQuery = rest.exchange(java.net.URI.create(
        "http://localhost:" + port + "/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D"),
        org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(basicAuth("desk1")),
        String.class);
    assertThat(inQuery.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<String> inOrQuery = post("desk1", "/engine-rest/task",
        map("orQueries", List.of(map("assigneeExpression", "${''.getClass()}"))));
    assertThat(inOrQuery.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(inOrQuery.getBody()).contains("表达式");

    ResponseEntity<String> plain = post("desk1", "/engine-rest/task", map("orQueries", List.of(map("assignee", "x"))));
    assertThat(plain.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void unitUserCannotReadAllProcessDefinitionsOrUsers() {
    ResponseEntity<String> users = get("jtj1", "/engine-rest/user");
    assertThat(users.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(users.getBody()).doesNotContain("wjw1").doesNotContain("desk1");
  }

  @Clause("GB 8.4.3 g 2")
  @Test
  void eachRoleSeesTheFiltersOfItsWorkInChinese() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var unit = json.readTree(get("jtj1", "/engine-rest/filter?resourceType=Task").getBody()).findValuesAsText("name");
    assertThat(unit).contains("我的任务", "我的组任务", "已逾期", "今日到期").doesNotContain("应急事件", "巡检任务");
    var engineer = json.readTree(get("engineer1", "/engine-rest/filter?resourceType=Task").getBody())
        .findValuesAsText("name");
    assertThat(engineer).contains("我的任务", "应急事件", "巡检任务", "待我审批的资源申请");
    var supervisor = json.readTree(get("supervisor1", "/engine-rest/filter?resourceType=Task").getBody())
        .findValuesAsText("name");
    assertThat(supervisor).contains("全部进行中任务（只读）").doesNotContain("巡检任务");
    String overdue = json.readTree(get("engineer1", "/engine-rest/filter?resourceType=Task&name="
        + "已逾期").getBody()).get(0).get("id")
        .asText();
    assertThat(post("engineer1", "/engine-rest/filter/" + overdue + "/list", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    String today = json.readTree(get("engineer1", "/engine-rest/filter?resourceType=Task&name="
        + "今日到期").getBody()).get(0).get("id")
        .asText();
    assertThat(post("engineer1", "/engine-rest/filter/" + today + "/count", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void healthAndMetricsAreServed() {
    ResponseEntity<String> health = get(null, "/actuator/health");
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).contains("UP");
    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .as("metrics need credentials").isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> prometheus = rest.withBasicAuth("manager1", DEMO_PASSWORD)
        .getForEntity("/actuator/prometheus", String.class);
    assertThat(prometheus.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(prometheus.getBody()).contains("jvm_memory_used_bytes");
  }

  @Test
  void webappsAreServed() {
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
      assertThat(page.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
    }
  }
}
