package cn.gov.gz.govcloud.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.WebTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Hostile and broken input (issue 12 item 3) against every write endpoint of ours and the process starts over the
 * engine REST API: malformed JSON, wrong types, missing fields, huge strings and arrays, script in text, unknown ids,
 * other units' ids, oversized and badly encoded uploads. Every answer must be a 4xx with a message, never a stack
 * trace or SQL, and nothing may be stored.
 */
class HostileInputTest extends WebTest {

  /** What must never reach a client: stack frames, exception class names of the JDK or drivers, SQL. */
  static final Pattern LEAK = Pattern.compile(
      "\\bat (java|org|cn|jdk|com)\\.[\\w.$]+\\(|java\\.lang\\.|org\\.h2\\.|org\\.postgresql|org\\.springframework\\."
          + "|org\\.hibernate|SQLException|\\bSELECT\\b.+\\bFROM\\b|\\bINSERT INTO\\b|\\bUPDATE\\b \\w+ \\bSET\\b",
      Pattern.CASE_INSENSITIVE);

  static final String SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>";
  /** Far beyond every field limit (≤ 4,000), about 2 MB per request over all fields. */
  static final String HUGE = "长".repeat(20_000);

  /** A write endpoint of ours and the user who may call it. */
  record Endpoint(String user, HttpMethod method, String path, boolean takesArray) {}

  static final List<Endpoint> ENDPOINTS = List.of(
      new Endpoint("mgmt1", HttpMethod.POST, "/api/units", false),
      new Endpoint("mgmt1", HttpMethod.PUT, "/api/units/JTJ", false),
      new Endpoint("mgmt1", HttpMethod.POST, "/api/units/import", true),
      new Endpoint("mgmt1", HttpMethod.POST, "/api/business-systems", false),
      new Endpoint("mgmt1", HttpMethod.POST, "/api/business-systems/import", true),
      new Endpoint("desk1", HttpMethod.POST, "/api/work-orders", false),
      new Endpoint("desk1", HttpMethod.POST, "/api/knowledge", false),
      new Endpoint("desk1", HttpMethod.POST, "/api/emergencies", false),
      new Endpoint("jtj1", HttpMethod.POST, "/api/resource-applications", false),
      new Endpoint("engineer1", HttpMethod.POST, "/api/ledger/inventory", true),
      new Endpoint("mgmt1", HttpMethod.PUT, "/api/calendar/2031", false),
      new Endpoint("operator1", HttpMethod.POST, "/api/monitoring/samples", true),
      new Endpoint("manager1", HttpMethod.POST, "/api/inspections/checklist-items", false),
      new Endpoint("manager1", HttpMethod.PUT, "/api/inspections/rooms/GZ-HOSTILE", false),
      new Endpoint("manager1", HttpMethod.POST, "/api/plans", false),
      new Endpoint("mgmt1", HttpMethod.POST, "/api/optimization/prices", false),
      new Endpoint("mgmt1", HttpMethod.POST, "/api/audit/1/keep", false),
      new Endpoint("admin", HttpMethod.POST, "/api/integrations/clients", false),
      new Endpoint("desk1", HttpMethod.POST, "/api/assurances", false),
      new Endpoint("manager1", HttpMethod.POST, "/api/trainings", false),
      new Endpoint("engineer1", HttpMethod.POST, "/api/trainings/PX20990101-999999/feedback", false),
      new Endpoint("manager1", HttpMethod.POST, "/api/staff", false),
      new Endpoint("manager1", HttpMethod.POST, "/api/staff/99999999/leave", false),
      new Endpoint("manager1", HttpMethod.POST, "/api/security-assessments", false),
      new Endpoint("manager1", HttpMethod.POST, "/api/security-assessments/KH20990101-999999/scores", false),
      new Endpoint("mgmt1", HttpMethod.POST, "/api/norms", false),
      new Endpoint("mgmt1", HttpMethod.POST, "/api/norms/NO-SUCH-NORM/reviews", false),
      new Endpoint("engineer1", HttpMethod.POST, "/api/norm-reviews/GF20990101-999999/opinions", false));

  /** Processes started over the engine REST API, with a user who may start each. */
  static final Map<String, String> STARTS = Map.ofEntries(
      Map.entry("work-order", "desk1"),
      Map.entry("emergency-response", "desk1"),
      Map.entry("resource-application-review", "jtj1"),
      Map.entry("inspection", "manager1"),
      Map.entry("emergency-drill", "manager1"),
      Map.entry("optimization-review", "manager1"),
      Map.entry("assurance", "desk1"),
      Map.entry("demand-research", "manager1"),
      Map.entry("training", "manager1"),
      Map.entry("security-assessment", "manager1"),
      Map.entry("norm-review", "mgmt1"));

  /** Field names our requests and process starts use; unknown ones are ignored, known ones get the hostile value. */
  static final List<String> TEXT_FIELDS = List.of("code", "name", "title", "description", "purpose", "content",
      "reason", "item", "category", "clause", "areaKind", "unitCode", "businessSystemCode", "type", "priority",
      "channel", "category", "source", "contactName", "contactPhone", "email", "question", "answer", "planType",
      "owner", "scope", "resourceId", "resourceType", "specUnit", "per", "inspectionKind", "scopeRooms", "location");

  @Autowired
  JdbcClient jdbc;

  /** Row counts of every table of ours but the notification outbox (written by background work). */
  Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("org_unit", "business_system", "work_order", "work_order_note", "knowledge_article",
        "calendar_year", "calendar_day", "resource_application", "application_line", "ledger_resource",
        "ledger_history", "inventory_import", "inventory_item", "reconciliation_run", "report_document", "emergency",
        "emergency_event", "monitoring_sample", "monitoring_alert", "machine_room", "inspection_checklist_item",
        "inspection_checklist_change", "inspection", "contingency_plan", "contingency_plan_version", "drill",
        "optimization_price", "optimization_review", "integration_client", "integration_alert", "notification_contact",
        "assurance", "assurance_shift", "demand_research", "demand_research_answer", "demand_research_demand",
        "demand_research_recommendation", "training", "training_feedback", "ops_staff", "staff_pledge",
        "security_assessment", "security_assessment_result", "management_norm", "management_norm_version",
        "norm_review", "norm_review_opinion", "deliverable_document")) {
      counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
    }
    counts.put("process instances", processEngine.getRuntimeService().createProcessInstanceQuery().count());
    return counts;
  }

  ResponseEntity<String> send(String user, HttpMethod method, String path, String rawBody) {
    HttpHeaders headers = basicAuth(user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return rest.exchange(path, method, new HttpEntity<>(rawBody, headers), String.class);
  }

  List<String> problems = new ArrayList<>();

  void expectRefused(String what, ResponseEntity<String> answer) {
    int status = answer.getStatusCode().value();
    String body = answer.getBody() == null ? "" : answer.getBody();
    if (status < 400 || status >= 500 || status == 401) {
      problems.add(what + " → HTTP " + status + " " + body.substring(0, Math.min(300, body.length())));
    } else if (body.isBlank()) {
      problems.add(what + " → HTTP " + status + " without a message");
    } else if (LEAK.matcher(body).find()) {
      problems.add(what + " → HTTP " + status + " leaks internals: " + body.substring(0, Math.min(500, body.length())));
    }
  }

  String object(String value) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < TEXT_FIELDS.size(); i++) {
      b.append(i == 0 ? "" : ",").append('"').append(TEXT_FIELDS.get(i)).append("\":")
          .append(quote(value));
    }
    return b.append('}').toString();
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  Map<String, String> hostileBodies(boolean array) {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("malformed JSON", "{\"title\": \"x\", ");
    bodies.put("not JSON at all", "title=x&description=y");
    bodies.put("wrong shape", array ? "{\"resourceId\": \"x\"}" : "\"just a string\"");
    bodies.put("wrong types", array ? "[1, true, null]"
        : "{\"code\": 12, \"name\": [1, 2], \"title\": {\"a\": 1}, \"priority\": 3.5, \"type\": false}");
    bodies.put("empty", array ? "[]" : "{}");
    bodies.put("script in every text field, required ones missing or invalid",
        array ? "[" + object(SCRIPT) + "]" : object(SCRIPT));
    bodies.put("huge strings", array ? "[" + object(HUGE) + "]" : object(HUGE));
    if (array) {
      StringBuilder many = new StringBuilder("[");
      for (int i = 0; i < 60_000; i++) {
        many.append(i == 0 ? "" : ",").append("{\"resourceId\":\"x").append(i).append("\"}");
      }
      bodies.put("huge array", many.append(']').toString());
    }
    return bodies;
  }

  /** The alert intake, with an integration's token (issue 27): the same hostile bodies, the same clean refusals. */
  @Test
  void theAlertIntakeRefusesHostileInputWithAClearFourHundredAndStoresNothing() throws Exception {
    Map<String, String> tokens = new LinkedHashMap<>();
    for (String source : List.of("ALERTMANAGER", "ZABBIX")) {
      String id = "hostile-" + source.toLowerCase() + "-" + java.util.UUID.randomUUID().toString().substring(0, 6);
      ResponseEntity<String> r = send("admin", HttpMethod.POST, "/api/integrations/clients",
          "{\"id\":\"" + id + "\",\"name\":\"测试\",\"source\":\"" + source + "\"}");
      assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
      tokens.put("/api/intake/" + source.toLowerCase(), new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(r.getBody()).get("token").asText());
    }
    Map<String, Long> before = counts();
    tokens.forEach((path, token) -> hostileBodies(false).forEach((what, body) -> {
      HttpHeaders headers = new HttpHeaders();
      headers.setBearerAuth(token);
      headers.setContentType(MediaType.APPLICATION_JSON);
      headers.setAccept(List.of(MediaType.APPLICATION_JSON));
      expectRefused("POST " + path + " [" + what + "]",
          rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class));
    }));
    assertThat(problems).as("answers that are not a clean 4xx").isEmpty();
    assertThat(counts()).as("nothing stored").isEqualTo(before);
  }

  @Test
  void everyWriteEndpointRefusesHostileInputWithAClearFourHundredAndStoresNothing() {
    Map<String, Long> before = counts();
    for (Endpoint e : ENDPOINTS) {
      hostileBodies(e.takesArray()).forEach((what, body) -> {
        if ((e.path().contains("/rooms/") || e.path().endsWith("/keep") || e.path().endsWith("/security-assessments"))
            && what.startsWith("script")) {
          return; // a complete, valid room, reason or title: markup in it is text (markupInTextIsStoredAsTextAndEscaped)
        }
        expectRefused(e.method() + " " + e.path() + " [" + what + "]", send(e.user(), e.method(), e.path(), body));
      });
    }
    assertThat(problems).as("answers that are not a clean 4xx").isEmpty();
    assertThat(counts()).as("nothing stored").isEqualTo(before);
  }

  /** A unit's questionnaire over REST (an open research of its own): the same hostile bodies, nothing stored. */
  @Test
  void theResearchQuestionnaireRefusesHostileInputAndStoresNothing() {
    processEngine.getIdentityService().setAuthentication("manager1", List.of("ops-manager"));
    String pi;
    try {
      pi = processEngine.getRuntimeService().startProcessInstanceByKey("demand-research", Map.of("researchTopic",
          "恶意输入测试调研", "periodFrom", "2026-01-01", "periodTo", "2026-06-30", "researchMethod", "QUESTIONNAIRE",
          "unitScope", "LIST", "unitCodes", "JTJ")).getId();
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    try {
      String no = processEngine.getRuntimeService().getVariable(pi, "researchNo").toString();
      Map<String, Long> before = counts();
      hostileBodies(false).forEach((what, body) -> expectRefused("POST /api/research/" + no + "/answers [" + what
          + "]", send("jtj1", HttpMethod.POST, "/api/research/" + no + "/answers", body)));
      assertThat(problems).as("answers that are not a clean 4xx").isEmpty();
      assertThat(counts()).as("nothing stored").isEqualTo(before);
      assertThat(jdbc.sql("SELECT a.status FROM demand_research_answer a JOIN demand_research r ON r.id = a.research_id "
          + "WHERE r.research_no = ?").param(no).query(String.class).single()).isEqualTo("PENDING");
      assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(pi).count())
          .as("the unit's questionnaire still open").isEqualTo(1);
    } finally {
      processEngine.getRuntimeService().deleteProcessInstance(pi, "test clean-up", true, true);
    }
  }

  @Test
  void processStartsOverTheEngineRestApiRefuseHostileVariables() {
    Map<String, Long> before = counts();
    STARTS.forEach((key, user) -> {
      String path = "/engine-rest/process-definition/key/" + key + "/start";
      expectRefused(key + " [malformed JSON]", send(user, HttpMethod.POST, path, "{\"variables\": {"));
      expectRefused(key + " [variables of the wrong type]", send(user, HttpMethod.POST, path,
          "{\"variables\": {\"title\": {\"value\": 12, \"type\": \"Integer\"}, \"businessSystemCode\": {\"value\": "
              + "[1], \"type\": \"Json\"}, \"inspectionKind\": {\"value\": true, \"type\": \"Boolean\"}}}"));
      StringBuilder vars = new StringBuilder("{\"variables\": {");
      for (int i = 0; i < TEXT_FIELDS.size(); i++) {
        vars.append(i == 0 ? "" : ",").append('"').append(TEXT_FIELDS.get(i)).append("\": {\"value\": ")
            .append(quote(SCRIPT)).append(", \"type\": \"String\"}");
      }
      expectRefused(key + " [script and invalid codes]", send(user, HttpMethod.POST, path, vars + "}}"));
      if (!key.equals("optimization-review")) { // without a period it reviews the previous month, as its timer does
        expectRefused(key + " [no variables]", send(user, HttpMethod.POST, path, "{}"));
      }
    });
    assertThat(problems).as("answers that are not a clean 4xx").isEmpty();
    assertThat(counts()).as("nothing stored").isEqualTo(before);
  }

  @Test
  void markupInTextIsStoredAsTextAndEscaped() throws Exception {
    try {
      ResponseEntity<String> saved = put("manager1", "/api/inspections/rooms/GZ-MARKUP",
          map("name", SCRIPT, "location", "A&B <楼>"));
      assertThat(saved.getStatusCode().value()).isEqualTo(200);
      // JSON carries it as text; Tasklist (form-js) and the Word reports (XML text runs) show it as text
      assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(saved.getBody()).get("name").asText())
          .isEqualTo(SCRIPT);
      ResponseEntity<String> listed = get("manager1", "/api/inspections/rooms");
      assertThat(listed.getHeaders().getContentType()).isNotNull();
      assertThat(listed.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    } finally {
      jdbc.sql("DELETE FROM machine_room WHERE code = 'GZ-MARKUP'").update();
    }
  }

  @Test
  void unknownIdsAndOtherUnitsIdsAreRefusedWithoutSayingMore() {
    for (String path : List.of("/api/work-orders/WO20990101-999999", "/api/emergencies/EM20990101-999999",
        "/api/reports/99999999", "/api/reports/99999999/content", "/api/inspections/99999999",
        "/api/plans/NO-SUCH-PLAN", "/api/drills/NO-SUCH-DRILL", "/api/optimization/reviews/99999999",
        "/api/units/NOPE", "/api/business-systems/NOPE", "/api/knowledge/99999999",
        "/api/resource-applications/RA20990101-999999", "/api/monitoring/alerts/99999999",
        "/api/assurances/BZ20990101-999999", "/api/research/DY20990101-999999", "/api/trainings/PX20990101-999999",
        "/api/security-assessments/KH20990101-999999", "/api/norms/NO-SUCH-NORM",
        "/api/norm-reviews/GF20990101-999999", "/api/deliverables/99", "/api/deliverables/abc",
        "/api/deliverables/1/documents/99999999/content")) {
      expectRefused("GET " + path, get("manager1", path));
    }
    // a unit user asking for another unit's records
    for (String path : List.of("/api/units/WJW", "/api/business-systems/WJW-HIS", "/api/ledger?unitCode=WJW",
        "/api/monitoring/alerts?unitCode=WJW", "/api/optimization/settlement?from=2026-01-01&to=2026-01-31&unitCode=WJW")) {
      ResponseEntity<String> answer = get("jtj1", path);
      if (answer.getStatusCode().is2xxSuccessful()) {
        assertThat(answer.getBody()).as(path).doesNotContain("WJW-HIS", "广州市卫生健康委员会");
      } else {
        expectRefused("GET " + path + " as jtj1", answer);
      }
    }
    // bad query parameters
    for (String path : List.of("/api/kpis?from=yesterday&to=2026-13-45", "/api/ledger?type=SPACESHIP",
        "/api/inspections?limit=abc", "/api/monitoring/resources/x/stats?from=not-a-date",
        "/api/optimization/settlement?from=2026-12-31&to=2026-01-01")) {
      expectRefused("GET " + path, get("manager1", path));
    }
    assertThat(problems).as("answers that are not a clean 4xx").isEmpty();
  }

  @Test
  void oversizedAndBadlyEncodedUploadsAreRefused() {
    Map<String, Long> before = counts();
    // a CSV inventory that is not UTF-8
    byte[] gbk = "resourceId,unitCode,type,powerState\nvm-1,JTJ,VM,运行\n".getBytes(java.nio.charset.Charset.forName("GBK"));
    expectRefused("inventory CSV in GBK", upload("engineer1", "/api/ledger/inventory", "inventory.csv", gbk));
    byte[] binary = new byte[4096];
    new java.util.Random(7).nextBytes(binary);
    expectRefused("inventory CSV of random bytes", upload("engineer1", "/api/ledger/inventory", "inventory.csv",
        binary));
    byte[] big = new byte[12 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    expectRefused("inventory upload of 12 MB", upload("engineer1", "/api/ledger/inventory", "inventory.csv", big));
    assertThat(problems).as("answers that are not a clean 4xx").isEmpty();
    assertThat(counts()).as("nothing stored").isEqualTo(before);
  }

  /** The deliverables register's upload (multipart with fields) and the summary report's start (its period). */
  @Test
  void deliverableUploadsAndTheSummaryStartRefuseHostileInput() {
    Map<String, Long> before = counts();
    byte[] ok = "%PDF-1.4 x".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] big = new byte[12 * 1024 * 1024];
    Map<String, Object[]> cases = new LinkedHashMap<>();
    cases.put("item not a number", new Object[] {"abc", ok, Map.of("title", "t")});
    cases.put("script as item", new Object[] {SCRIPT, ok, Map.of("title", "t")});
    cases.put("no such item", new Object[] {"0", ok, Map.of("title", "t")});
    cases.put("a live item", new Object[] {"16", ok, Map.of("title", "t")});
    cases.put("empty file", new Object[] {"1", new byte[0], Map.of("title", "t")});
    cases.put("oversized file", new Object[] {"1", big, Map.of("title", "t")});
    cases.put("no title", new Object[] {"1", ok, Map.of("note", SCRIPT)});
    cases.put("huge title", new Object[] {"1", ok, Map.of("title", HUGE)});
    cases.put("huge note", new Object[] {"1", ok, Map.of("title", "t", "note", HUGE)});
    cases.put("replaces not a number", new Object[] {"1", ok, Map.of("title", "t", "replaces", SCRIPT)});
    cases.put("replaces an unknown document", new Object[] {"1", ok, Map.of("title", "t", "replaces", "-1")});
    cases.put("submit not a boolean", new Object[] {"1", ok, Map.of("title", "t", "submit", "maybe")});
    cases.forEach((what, c) -> {
      HttpHeaders headers = basicAuth("manager1");
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      headers.setAccept(List.of(MediaType.APPLICATION_JSON));
      LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
      parts.add("file", new ByteArrayResource((byte[]) c[1]) {
        @Override
        public String getFilename() {
          return "a.pdf";
        }
      });
      @SuppressWarnings("unchecked")
      Map<String, String> fields = (Map<String, String>) c[2];
      fields.forEach(parts::add);
      ResponseEntity<String> answer;
      try {
        answer = rest.exchange("/api/deliverables/{item}/documents", HttpMethod.POST, new HttpEntity<>(parts, headers),
            String.class, c[0]);
      } catch (org.springframework.web.client.ResourceAccessException e) {
        answer = ResponseEntity.status(413).body("the server closed the connection");
      }
      expectRefused("deliverable upload [" + what + "]", answer);
    });
    String path = "/engine-rest/process-definition/key/service-summary-report/start";
    for (String[] period : List.of(new String[] {SCRIPT, "2026-12-31"}, new String[] {"2026-01-01", HUGE},
        new String[] {"2026-12-31", "2026-01-01"}, new String[] {"2020-01-01", "2030-12-31"})) {
      expectRefused("service-summary-report " + period[0].length() + "/" + period[1].length(), send("manager1",
          HttpMethod.POST, path, "{\"variables\": {\"periodFrom\": {\"value\": " + quote(period[0])
              + ", \"type\": \"String\"}, \"periodTo\": {\"value\": " + quote(period[1])
              + ", \"type\": \"String\"}}}"));
    }
    assertThat(problems).as("answers that are not a clean 4xx").isEmpty();
    assertThat(counts()).as("nothing stored").isEqualTo(before);
  }

  ResponseEntity<String> upload(String user, String path, String filename, byte[] content) {
    HttpHeaders headers = basicAuth(user);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return filename;
      }
    });
    try {
      return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
    } catch (org.springframework.web.client.ResourceAccessException e) {
      // the server may close the connection on an oversized upload: that is a refusal too
      return ResponseEntity.status(413).body("the server closed the connection");
    }
  }
}
