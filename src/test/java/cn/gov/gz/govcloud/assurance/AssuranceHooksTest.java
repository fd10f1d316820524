package cn.gov.gz.govcloud.assurance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an approved assurance period does to the other processes (P6 7.3.3.3 b–c): an emergency of a system in scope
 * responds and reports progress by the plan's factor, and a resource application of such a system is expedited; a
 * system outside the scope keeps its clocks. The periods are read through the view rv_assurance_active.
 */
class AssuranceHooksTest extends WebTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  /** A fresh unit with two systems (one under assurance) and a unit user. */
  String[] unitWithSystems() {
    String code = "A" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    assertThat(post("mgmt1", "/api/units", Map.of("code", code, "name", "保障测试单位" + code)).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    for (String s : List.of("-IN", "-OUT")) {
      assertThat(post("mgmt1", "/api/business-systems", Map.of("code", code + s, "name", "保障测试系统" + s,
          "unitCode", code, "importance", "CORE", "serviceLevel", 1)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
    String userId = code.toLowerCase() + "user";
    var identity = processEngine.getIdentityService();
    User u = identity.newUser(userId);
    u.setPassword(DEMO_PASSWORD);
    u.setEmail(userId + "@example.org");
    identity.saveUser(u);
    identity.createMembership(userId, "unit-user");
    identity.createMembership(userId, "unit-" + code);
    Instant now = Instant.now();
    jdbc.update("INSERT INTO assurance (assurance_no, event_name, kind, period_from, period_to, targets, requested_by, "
            + "status, response_factor, application_factor, created_at) VALUES (?, ?, 'MAJOR_EVENT', ?, ?, ?, 'mgmt1', "
            + "'ACTIVE', 0.50, 0.50, ?)", "BZ-" + code, "测试重大活动" + code, Timestamp.from(now.minusSeconds(3600)),
        Timestamp.from(now.plus(Duration.ofDays(1))), "业务不中断", Timestamp.from(now));
    Long id = jdbc.queryForObject("SELECT id FROM assurance WHERE assurance_no = ?", Long.class, "BZ-" + code);
    jdbc.update("INSERT INTO assurance_scope (assurance_id, business_system_code, unit_code) VALUES (?, ?, ?)", id,
        code + "-IN", code);
    return new String[] {code, userId};
  }

  JsonNode emergency(String system) throws Exception {
    ResponseEntity<String> r = post("desk1", "/api/emergencies", Map.of("businessSystemCode", system, "category",
        "INTERRUPTION", "description", "保障期内系统中断", "detectedAt", Instant.now().minusSeconds(10).toString()));
    assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isTrue();
    return json.readTree(get("desk1", "/api/emergencies/" + json.readTree(r.getBody()).get("emergencyNo").asText())
        .getBody());
  }

  @Clause("P6 7.3.3.3")
  @Test
  void anEmergencyInScopeRespondsAndReportsByThePlansFactor() throws Exception {
    String[] unit = unitWithSystems();
    JsonNode inCase = emergency(unit[0] + "-IN");
    JsonNode in = inCase.get("emergency");
    JsonNode out = emergency(unit[0] + "-OUT").get("emergency");
    Duration inWithin = Duration.between(Instant.parse(in.get("detectedAt").asText()),
        Instant.parse(in.get("responseDueAt").asText()));
    Duration outWithin = Duration.between(Instant.parse(out.get("detectedAt").asText()),
        Instant.parse(out.get("responseDueAt").asText()));
    assertThat(outWithin).as("outside the scope: 5 minutes (P3 5.3.2.7)").isEqualTo(Duration.ofMinutes(5));
    assertThat(inWithin).as("half of it in the assurance period").isEqualTo(Duration.ofSeconds(150));
    assertThat(inCase.toString()).as("on the timeline").contains("重要保障期（测试重大活动" + unit[0]);
  }

  @Clause("P6 7.3.3.3")
  @Test
  void aResourceApplicationInScopeIsExpedited() throws Exception {
    String[] unit = unitWithSystems();
    Map<String, Object> application = Map.of("externalRef", "BZ-" + UUID.randomUUID(), "unitCode", unit[0],
        "businessSystemCode", unit[0] + "-IN", "purpose", "保障期扩容", "urgency", "NORMAL", "lines",
        List.of(Map.of("type", "VM", "vcpu", 8, "memoryGb", 32, "os", "麒麟 V10", "quantity", 1)));
    ResponseEntity<String> r = post(unit[1], "/api/resource-applications", application);
    assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isTrue();
    String no = json.readTree(r.getBody()).get("applicationNo").asText();
    String detail = get(unit[1], "/api/resource-applications/" + no).getBody();
    assertThat(detail).contains("\"urgency\":\"EXPEDITED\"").contains("重要保障期（测试重大活动" + unit[0]);
  }
}
