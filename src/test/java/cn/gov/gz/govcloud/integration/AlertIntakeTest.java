package cn.gov.gz.govcloud.integration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.notification.OutboxDispatcher;
import cn.gov.gz.govcloud.support.FakeHttpServer;
import cn.gov.gz.govcloud.support.FakeHttpServer.Answer;
import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 27, as an integrator and a duty engineer would try it: recorded Alertmanager and Zabbix payloads (the shapes
 * of their documentation) posted with an integration's token open one case per firing group, repeats join it,
 * recoveries go on the timeline without closing anything, and the response-deadline escalation pages each person once
 * per level by SMS and WeCom (fake servers).
 */
class AlertIntakeTest extends WebTest {

  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired OutboxDispatcher dispatcher;

  FakeHttpServer sms;
  FakeHttpServer wecom;

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    if (sms != null) {
      sms.close();
    }
    if (wecom != null) {
      wecom.close();
    }
    for (String user : List.of("manager1", "mgmt1")) {
      put("admin", "/api/notifications/contacts/" + user, map("mobile", "", "wecomUserId", ""));
    }
  }

  /** Registers an integration of a fresh id (fingerprints repeat across tests) and returns its token. */
  String register(String source) throws Exception {
    String id = source.toLowerCase().substring(0, 2) + "-" + UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<String> r = post("admin", "/api/integrations/clients",
        map("id", id, "name", "市政务云监控平台", "source", source));
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = json.readTree(r.getBody());
    assertThat(body.get("client").get("userId").asText()).isEqualTo("integration-" + id);
    return body.get("token").asText();
  }

  /** The integration's id in its token {@code gci_<id>_<secret>} (ids have no "_", secrets may). */
  static String idOf(String token) {
    return token.substring(4, token.indexOf('_', 4));
  }

  ObjectNode fixture(String name) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/fixtures/integration/" + name)) {
      return (ObjectNode) json.readTree(in);
    }
  }

  ResponseEntity<String> intake(String token, String source, Object body) {
    HttpHeaders headers = new HttpHeaders();
    if (token != null) {
      headers.setBearerAuth(token);
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange("/api/intake/" + source, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  JsonNode ok(ResponseEntity<String> r) throws Exception {
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(r.getBody());
  }

  static ObjectNode startingAt(ObjectNode payload, Instant at) {
    for (JsonNode a : payload.get("alerts")) {
      ((ObjectNode) a).put("startsAt", at.toString());
    }
    return payload;
  }

  static ObjectNode resolvedAt(ObjectNode payload, Instant at) {
    payload.put("status", "resolved");
    for (JsonNode a : payload.get("alerts")) {
      ((ObjectNode) a).put("status", "resolved").put("endsAt", at.toString());
    }
    return payload;
  }

  long emergencies(String caseRef) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM emergency WHERE alert_ref = ?", Long.class, caseRef);
  }

  String jobOf(String pi) throws Exception {
    JsonNode jobs = json.readTree(get("admin", "/engine-rest/job?processInstanceId=" + pi
        + "&activityId=Timer_ResponseDeadline").getBody());
    assertThat(jobs).hasSize(1);
    return jobs.get(0).get("id").asText();
  }

  void execute(String jobId) {
    ResponseEntity<String> r = post("admin", "/engine-rest/job/" + jobId + "/execute", map());
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void aFiringGroupOpensOneEmergencyARepeatJoinsItAndTheEscalationPagesEachPersonOncePerLevel() throws Exception {
    sms = new FakeHttpServer(SMS_PORT, r -> Answer.ok("{\"code\":0}"));
    wecom = new FakeHttpServer(WECOM_PORT, r -> Answer.ok(r.path().equals("/cgi-bin/gettoken")
        ? "{\"errcode\":0,\"access_token\":\"tok\",\"expires_in\":7200}" : "{\"errcode\":0,\"errmsg\":\"ok\"}"));
    dispatcher.deliverDue(Instant.now().plus(Duration.ofDays(2))); // what other tests left due, out of the way
    sms.clear();
    wecom.clear();
    put("admin", "/api/notifications/contacts/manager1", map("mobile", "13700000003", "wecomUserId", "liujingli"));
    put("admin", "/api/notifications/contacts/mgmt1", map("mobile", "13600000001", "wecomUserId", "wangchuzhang"));

    String token = register("ALERTMANAGER");
    String clientId = idOf(token);
    Instant detected = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
    ObjectNode firing = startingAt(fixture("alertmanager-firing.json"), detected);

    JsonNode first = ok(intake(token, "alertmanager", firing));
    assertThat(first.get("opened").asInt()).isOne();
    assertThat(first.get("alerts").findValuesAsText("result")).containsOnly("OPENED");
    String no = first.get("alerts").get(0).get("caseNo").asText();
    assertThat(no).startsWith("EM");
    assertThat(first.get("alerts").findValuesAsText("caseNo")).containsOnly(no);
    String caseRef = clientId + ":3c5a9c4e0b2f7d11"; // the earliest alert's fingerprint
    assertThat(emergencies(caseRef)).isOne();

    JsonNode detail = json.readTree(get("desk1", "/api/emergencies/" + no).getBody());
    assertThat(detail.get("emergency").get("alertRef").asText()).isEqualTo(caseRef);
    assertThat(detail.get("emergency").get("category").asText()).isEqualTo("INTERRUPTION");
    assertThat(detail.get("emergency").get("source").asText()).isEqualTo("MONITORING");
    assertThat(detail.get("emergency").get("description").asText()).contains("交通运行监测调度平台首页无法访问")
        .contains("3c5a9c4e0b2f7d11").contains("9e1d04b7a3c2f8e6");
    assertThat(Instant.parse(detail.get("emergency").get("detectedAt").asText())).isEqualTo(detected);
    // the engine and the audit log know who started it
    String pi = json.readTree(get("admin", "/engine-rest/process-instance?businessKey=" + caseRef).getBody())
        .get(0).get("id").asText();
    JsonNode started = json.readTree(get("admin", "/engine-rest/history/process-instance/" + pi).getBody());
    assertThat(started.get("startUserId").asText()).isEqualTo("integration-" + clientId);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE user_id = ? AND action = ?", Long.class,
        "integration-" + clientId, "intake.alertmanager")).isOne();

    // Alertmanager's repeat of the group joins the case: no second case, no second process
    JsonNode repeat = ok(intake(token, "alertmanager", firing));
    assertThat(repeat.get("alerts").findValuesAsText("result")).containsOnly("REPEATED");
    assertThat(repeat.get("alerts").findValuesAsText("caseNo")).containsOnly(no);
    assertThat(emergencies(caseRef)).isOne();
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseRef)
        .count()).isOne();

    // the response deadline passes: level 1 (ops managers), executed twice; then level 2 (the bureau)
    ClockUtil.setCurrentTime(Date.from(detected.plusSeconds(301)));
    String job = jobOf(pi);
    execute(job);
    JsonNode again = json.readTree(get("admin", "/engine-rest/job?processInstanceId=" + pi
        + "&activityId=Timer_ResponseDeadline").getBody());
    if (again.size() == 1) {
      execute(again.get(0).get("id").asText()); // before the next level's time: adds nothing
    }
    ClockUtil.setCurrentTime(Date.from(detected.plusSeconds(301 + 600)));
    execute(jobOf(pi));
    ClockUtil.reset();
    assertThat(json.readTree(get("desk1", "/api/emergencies/" + no).getBody()).get("emergency")
        .get("escalationLevel").asInt()).isEqualTo(2);

    dispatcher.deliverDue(Instant.now().plus(Duration.ofHours(2)));
    List<JsonNode> texts = sms.requests(SMS_PATH).stream().map(r -> read(r.body()))
        .filter(t -> t.get("content").asText().contains(no)).toList();
    assertThat(texts).extracting(t -> t.get("mobile").asText()).containsExactlyInAnyOrder("13700000003",
        "13600000001");
    assertThat(texts).filteredOn(t -> t.get("mobile").asText().equals("13700000003")).singleElement()
        .satisfies(t -> assertThat(t.get("content").asText()).contains("第 1 级"));
    assertThat(texts).filteredOn(t -> t.get("mobile").asText().equals("13600000001")).singleElement()
        .satisfies(t -> assertThat(t.get("content").asText()).contains("第 2 级"));
    List<JsonNode> messages = wecom.requests("/cgi-bin/message/send").stream().map(r -> read(r.body()))
        .filter(m -> m.get("text").get("content").asText().contains(no)).toList();
    assertThat(messages).extracting(m -> m.get("touser").asText())
        .containsExactlyInAnyOrder("liujingli", "wangchuzhang");
    List<FakeHttpServer.Request> robots = wecom.requests("/cgi-bin/webhook/send").stream()
        .filter(r -> read(r.body()).get("text").get("content").asText().contains(no)).toList();
    assertThat(robots).extracting(FakeHttpServer.Request::query)
        .containsExactlyInAnyOrder("key=test-robot-ops-manager", "key=test-robot-management");
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aNewAlertJoinsTheOpenCaseAndRecoveriesGoOnTheTimelineWithoutClosingIt() throws Exception {
    String token = register("ALERTMANAGER");
    ObjectNode firing = startingAt(fixture("alertmanager-firing.json"), Instant.now().minusSeconds(60));
    ((com.fasterxml.jackson.databind.node.ArrayNode) firing.get("alerts")).remove(1);
    JsonNode first = ok(intake(token, "alertmanager", firing));
    String no = first.get("alerts").get(0).get("caseNo").asText();

    // a second instance of the group starts firing: it joins, and the case counts another occurrence
    ObjectNode grown = startingAt(fixture("alertmanager-firing.json"), Instant.now().minusSeconds(20));
    JsonNode joined = ok(intake(token, "alertmanager", grown));
    assertThat(joined.get("joined").asInt()).isOne();
    assertThat(joined.get("alerts").findValuesAsText("caseNo")).containsOnly(no);
    assertThat(joined.get("alerts").findValuesAsText("result")).containsExactlyInAnyOrder("REPEATED", "JOINED");
    JsonNode detail = json.readTree(get("desk1", "/api/emergencies/" + no).getBody());
    assertThat(detail.get("emergency").get("occurrences").asInt()).isEqualTo(2);

    // the group resolves: the alerts close, the timeline says so, the case stays open for people to verify
    ObjectNode resolved = resolvedAt(fixture("alertmanager-firing.json"), Instant.now().minusSeconds(5));
    JsonNode answer = ok(intake(token, "alertmanager", resolved));
    assertThat(answer.get("resolved").asInt()).isEqualTo(2);
    assertThat(answer.get("alerts").findValuesAsText("result")).containsOnly("RESOLVED");
    detail = json.readTree(get("desk1", "/api/emergencies/" + no).getBody());
    assertThat(detail.get("emergency").get("status").asText()).isEqualTo("OPEN");
    List<JsonNode> notes = new java.util.ArrayList<>();
    detail.get("timeline").forEach(e -> {
      if ("ALERT".equals(e.get("kind").asText())) {
        notes.add(e);
      }
    });
    assertThat(notes).singleElement().satisfies(n -> assertThat(n.get("text").asText()).contains("已恢复")
        .contains("3c5a9c4e0b2f7d11").contains("9e1d04b7a3c2f8e6").contains("不会自动关闭"));
    // a repeated resolved notification changes nothing
    JsonNode twice = ok(intake(token, "alertmanager", resolved));
    assertThat(twice.get("alerts").findValuesAsText("result")).containsOnly("RECORDED");
    assertThat(json.readTree(get("desk1", "/api/emergencies/" + no).getBody()).get("timeline")
        .findValuesAsText("kind").stream().filter("ALERT"::equals)).hasSize(1);
    JsonNode rows = json.readTree(get("manager1", "/api/integrations/alerts?caseNo=" + no).getBody());
    assertThat(rows.findValuesAsText("status")).containsOnly("RESOLVED");
    assertThat(get("jtj1", "/api/integrations/alerts").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aZabbixProblemOpensACaseItsRepeatJoinsAndItsRecoveryIsNotedAverageOpensAWorkOrder() throws Exception {
    String token = register("ZABBIX");
    ObjectNode problem = fixture("zabbix-problem.json");
    problem.put("eventId", String.valueOf(System.nanoTime() % 1_000_000_000L));
    JsonNode opened = ok(intake(token, "zabbix", problem));
    assertThat(opened.get("alerts").get(0).get("result").asText()).isEqualTo("OPENED");
    assertThat(opened.get("alerts").get(0).get("caseKind").asText()).isEqualTo("EMERGENCY");
    String no = opened.get("alerts").get(0).get("caseNo").asText();
    JsonNode repeat = ok(intake(token, "zabbix", problem));
    assertThat(repeat.get("alerts").get(0).get("result").asText()).isEqualTo("REPEATED");
    assertThat(repeat.get("alerts").get(0).get("caseNo").asText()).isEqualTo(no);

    ObjectNode recovery = fixture("zabbix-recovery.json");
    recovery.put("eventId", problem.get("eventId").asText());
    JsonNode recovered = ok(intake(token, "zabbix", recovery));
    assertThat(recovered.get("alerts").get(0).get("result").asText()).isEqualTo("RESOLVED");
    JsonNode detail = json.readTree(get("desk1", "/api/emergencies/" + no).getBody());
    assertThat(detail.get("emergency").get("status").asText()).isEqualTo("OPEN");
    assertThat(detail.get("timeline").toString()).contains("Zabbix 报告告警已恢复").contains("2026-11-25 09:05:12");

    // severity 3 (average) is a fault work order, and its recovery is noted on the order
    ObjectNode average = fixture("zabbix-problem.json");
    average.put("eventId", String.valueOf(System.nanoTime() % 1_000_000_000L)).put("severity", "3");
    JsonNode order = ok(intake(token, "zabbix", average));
    assertThat(order.get("alerts").get(0).get("caseKind").asText()).isEqualTo("WORK_ORDER");
    String orderNo = order.get("alerts").get(0).get("caseNo").asText();
    assertThat(orderNo).startsWith("WO");
    ObjectNode averageRecovery = fixture("zabbix-recovery.json");
    averageRecovery.put("eventId", average.get("eventId").asText()).put("severity", "3");
    ok(intake(token, "zabbix", averageRecovery));
    assertThat(get("desk1", "/api/work-orders/" + orderNo).getBody()).contains("Zabbix 报告告警已恢复");

    // an update operation (acknowledged) changes nothing; information severity is recorded only
    ObjectNode ack = fixture("zabbix-problem.json");
    ack.put("eventId", average.get("eventId").asText()).put("updateStatus", "1");
    assertThat(ok(intake(token, "zabbix", ack)).get("alerts").get(0).get("result").asText()).isEqualTo("RECORDED");
    ObjectNode info = fixture("zabbix-problem.json");
    info.put("eventId", String.valueOf(System.nanoTime() % 1_000_000_000L)).put("severity", "1");
    JsonNode recorded = ok(intake(token, "zabbix", info));
    assertThat(recorded.get("alerts").get(0).get("result").asText()).isEqualTo("RECORDED");
    assertThat(recorded.get("alerts").get(0).get("caseNo").isNull()).isTrue();
  }

  @Test
  void onlyAnIntegrationsTokenOpensTheIntakeAndOnlyForItsOwnSource() throws Exception {
    String token = register("ALERTMANAGER");
    String zabbixToken = register("ZABBIX");
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM integration_alert", Long.class);
    ObjectNode firing = startingAt(fixture("alertmanager-firing.json"), Instant.now().minusSeconds(5));

    assertThat(intake(null, "alertmanager", firing).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    HttpHeaders basic = basicAuth("admin");
    basic.setContentType(MediaType.APPLICATION_JSON);
    assertThat(rest.exchange("/api/intake/alertmanager", HttpMethod.POST, new HttpEntity<>(firing, basic),
        String.class).getStatusCode()).as("a person's password does not open the intake")
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(intake(token.substring(0, token.length() - 2) + "xx", "alertmanager", firing).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(intake(zabbixToken, "alertmanager", firing).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integration_alert", Long.class)).isEqualTo(before);

    // the token opens nothing else of /api (nor the engine REST API)
    HttpHeaders bearer = new HttpHeaders();
    bearer.setBearerAuth(token);
    assertThat(rest.exchange("/api/emergencies", HttpMethod.GET, new HttpEntity<>(bearer), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(bearer), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    // a new token ends the old one; revoking ends the new one
    String clientId = idOf(token);
    assertThat(get("manager1", "/api/integrations/clients").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode reissued = json.readTree(post("admin", "/api/integrations/clients/" + clientId + "/token", map())
        .getBody());
    String fresh = reissued.get("token").asText();
    assertThat(intake(token, "alertmanager", firing).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(intake(fresh, "alertmanager", firing).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(exchange("admin", HttpMethod.DELETE, "/api/integrations/clients/" + clientId, null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(intake(fresh, "alertmanager", firing).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'login.failure' AND user_id = ?",
        Long.class, "integration-" + clientId)).isGreaterThanOrEqualTo(2);
    // the token is kept only as its hash
    assertThat(jdbc.queryForObject("SELECT token_hash FROM integration_client WHERE id = ?", String.class, clientId))
        .hasSize(64).doesNotContain(fresh.substring(fresh.lastIndexOf('_') + 1));
  }

  @Test
  void badPayloadsAnswer400NamingTheFieldsAndStoreNothing() throws Exception {
    String token = register("ALERTMANAGER");
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM integration_alert", Long.class);
    long instances = processEngine.getRuntimeService().createProcessInstanceQuery().count();
    ObjectNode bad = fixture("alertmanager-firing.json");
    bad.put("version", "3");
    ((ObjectNode) bad.get("alerts").get(1)).remove("fingerprint");
    ((ObjectNode) bad.get("alerts").get(0)).put("startsAt", "yesterday");
    ResponseEntity<String> r = intake(token, "alertmanager", bad);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(r.getBody()).get("errors").findValuesAsText("field"))
        .contains("version", "alerts[1].fingerprint", "alerts[0].startsAt");
    assertThat(intake(token, "alertmanager", map("version", "4", "alerts", List.of())).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    String zabbix = register("ZABBIX");
    ResponseEntity<String> z = intake(zabbix, "zabbix", map("eventId", "abc", "eventValue", "2"));
    assertThat(json.readTree(z.getBody()).get("errors").findValuesAsText("field"))
        .contains("eventId", "eventValue", "triggerName");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integration_alert", Long.class)).isEqualTo(before);
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void aCriticalAlertOfNoRegisteredSystemIsKeptAndTheServiceDeskIsTold() throws Exception {
    String token = register("ALERTMANAGER");
    ObjectNode firing = startingAt(fixture("alertmanager-firing.json"), Instant.now().minusSeconds(5));
    for (JsonNode a : firing.get("alerts")) {
      ((ObjectNode) a.get("labels")).put("business_system", "NO-SUCH-SYSTEM");
    }
    JsonNode answer = ok(intake(token, "alertmanager", firing));
    assertThat(answer.get("alerts").findValuesAsText("result")).containsOnly("UNMAPPED");
    assertThat(answer.get("opened").asInt()).isZero();
    String clientId = idOf(token);
    assertThat(get("admin", "/api/notifications?recipient=desk1&caseRef=" + clientId + ":3c5a9c4e0b2f7d11")
        .getBody()).contains("告警未能对应业务系统");
  }
}
