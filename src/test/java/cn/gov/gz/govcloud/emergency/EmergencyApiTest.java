package cn.gov.gz.govcloud.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The emergency over REST only, as the monitoring system and a supervisor's tools would see it. */
class EmergencyApiTest extends WebTest {

  @Autowired
  ObjectMapper json;

  @Clause("P6 7.4.2.3.1")
  @Clause("P3 5.3.2.7 a")
  @Clause("P6 7.4.2.3.3")
  @Test
  void anInterruptionsResponseTimerIsDueAtFiveMinutesAndItsEscalationIsVisible() throws Exception {
    Instant detected = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
    String alert = "ALM-" + UUID.randomUUID();
    ResponseEntity<String> started = post("desk1", "/api/emergencies", Map.of("businessSystemCode", "JTJ-TOCC",
        "category", "INTERRUPTION", "description", "交通调度平台全部不可用", "source", "MONITORING",
        "detectedAt", detected.toString(), "alertRef", alert, "reporter", "监控平台"));
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
    String no = json.readTree(started.getBody()).get("emergencyNo").asText();
    String pi = json.readTree(started.getBody()).get("processInstanceId").asText();

    JsonNode jobs = json.readTree(get("admin", "/engine-rest/job?processInstanceId=" + pi
        + "&activityId=Timer_ResponseDeadline").getBody());
    assertThat(jobs).hasSize(1);
    assertThat(Instant.parse(jobs.get(0).get("dueDate").asText().replace("+0000", "Z")))
        .isEqualTo(detected.plusSeconds(300));

    // executed by hand before the deadline (issue 17 item 7): nothing is escalated, and the timeline says why
    ResponseEntity<String> early = post("admin", "/engine-rest/job/" + jobs.get(0).get("id").asText()
        + "/execute", Map.of());
    assertThat(early.getStatusCode()).as(early.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode afterEarly = json.readTree(get("desk1", "/api/emergencies/" + no).getBody());
    assertThat(afterEarly.get("timeline").findValuesAsText("kind")).doesNotContain("ESCALATION").contains("NOTE");
    assertThat(afterEarly.get("emergency").get("escalationLevel").asInt()).isZero();

    // at the deadline the first level is escalated, once, however often its timer is executed
    JsonNode due = json.readTree(get("admin", "/engine-rest/job?processInstanceId=" + pi
        + "&activityId=Timer_ResponseDeadline").getBody());
    assertThat(due).hasSize(1);
    ClockUtil.setCurrentTime(Date.from(detected.plusSeconds(301)));
    try {
      ResponseEntity<String> executed = post("admin", "/engine-rest/job/" + due.get(0).get("id").asText()
          + "/execute", Map.of());
      assertThat(executed.getStatusCode()).as(executed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
      JsonNode again = json.readTree(get("admin", "/engine-rest/job?processInstanceId=" + pi
          + "&activityId=Timer_ResponseDeadline").getBody());
      if (again.size() == 1) {
        assertThat(post("admin", "/engine-rest/job/" + again.get(0).get("id").asText() + "/execute", Map.of())
            .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      }
    } finally {
      ClockUtil.reset();
    }

    String taskId = json.readTree(get("admin", "/engine-rest/task?processInstanceId=" + pi
        + "&taskDefinitionKey=Task_RespondEmergency").getBody()).get(0).get("id").asText();
    JsonNode links = json.readTree(get("admin", "/engine-rest/task/" + taskId + "/identity-links").getBody());
    assertThat(links.findValuesAsText("groupId")).contains("ops-manager");
    assertThat(json.readTree(get("manager1", "/engine-rest/task?processInstanceId=" + pi).getBody())).hasSize(1);

    JsonNode detail = json.readTree(get("desk1", "/api/emergencies/" + no).getBody());
    assertThat(detail.get("timeline").findValuesAsText("kind").stream().filter("ESCALATION"::equals)).hasSize(1);
    assertThat(detail.get("emergency").get("escalationLevel").asInt()).isEqualTo(1);
    assertThat(get("admin", "/api/notifications?caseRef=" + no).getBody()).contains("响应超时升级");

    ResponseEntity<String> again = post("desk1", "/api/emergencies", Map.of("businessSystemCode", "JTJ-TOCC",
        "category", "INTERRUPTION", "description", "告警再次触发", "alertRef", alert));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(again.getBody()).get("joinedExisting").asBoolean()).isTrue();
    assertThat(json.readTree(get("desk1", "/api/emergencies/" + no).getBody()).get("emergency").get("occurrences")
        .asInt()).isEqualTo(2);
  }

  @Test
  void badReportsAnswer400NamingTheFieldAndStartNothing() throws Exception {
    long before = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("emergency-response").count();
    ResponseEntity<String> bad = post("desk1", "/api/emergencies", Map.of("businessSystemCode", "NO-SUCH",
        "detectedAt", Instant.now().plusSeconds(3600).toString()));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(bad.getBody()).get("errors").findValuesAsText("field"))
        .contains("businessSystemCode", "category", "description", "detectedAt");
    ResponseEntity<String> badCategory = post("desk1", "/api/emergencies", Map.of("businessSystemCode", "JTJ-OA",
        "category", "EARTHQUAKE", "description", "x"));
    assertThat(badCategory.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> otherUnit = post("wjw1", "/api/emergencies", Map.of("businessSystemCode", "JTJ-OA",
        "category", "OTHER", "description", "x"));
    assertThat(otherUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("emergency-response").count()).isEqualTo(before);
  }

  @Test
  void aUnitUserCannotDownloadAnotherUnitsReport() throws Exception {
    var archive = applicationContext.getBean(cn.gov.gz.govcloud.report.ReportArchive.class);
    var doc = archive.archive("TEST", "T-" + UUID.randomUUID(), "测试报告", null, "JTJ", "r.docx",
        cn.gov.gz.govcloud.report.ReportArchive.DOCX, new byte[] {1, 2, 3}, "test");
    assertThat(get("jtj1", "/api/reports/" + doc.id()).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("wjw1", "/api/reports/" + doc.id()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("wjw1", "/api/reports/" + doc.id() + "/content").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    var again = archive.archive("TEST", doc.subjectRef(), "测试报告", null, "JTJ", "r.docx",
        cn.gov.gz.govcloud.report.ReportArchive.DOCX, new byte[] {4}, "test");
    assertThat(again.version()).as("nothing is overwritten").isEqualTo(2);
  }

  @Autowired
  org.springframework.context.ApplicationContext applicationContext;
}
