package cn.gov.gz.govcloud.drill;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code /api/plans} and {@code /api/drills} over HTTP: rights, unit scope, validation, overdue plans. */
class PlanApiTest extends WebTest {

  @Autowired
  ObjectMapper json;

  Map<String, Object> plan(String type, String system, Instant lastDrilled) {
    Map<String, Object> m = map("title", "接口测试预案 " + UUID.randomUUID(), "planType", type, "owner", "manager1",
        "scope", "测试范围", "riskAssessment", "测试风险", "responseProcedure", "1. 接报；2. 处置",
        "stageTargets", List.of(Map.of("stage", "响应", "minutes", 5)));
    if (system != null) {
      m.put("businessSystemCode", system);
    }
    if (lastDrilled != null) {
      m.put("lastDrilledAt", lastDrilled.toString());
    }
    return m;
  }

  JsonNode created(Map<String, Object> body) throws Exception {
    ResponseEntity<String> r = post("manager1", "/api/plans", body);
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(r.getBody());
  }

  @Test
  void unitUsersMayNotWritePlans() throws Exception {
    assertThat(post("jtj1", "/api/plans", plan("APPLICATION_DR", "JTJ-OA", null)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("engineer1", "/api/plans", plan("APPLICATION_DR", "JTJ-OA", null)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    String no = created(plan("APPLICATION_DR", "JTJ-OA", null)).get("planNo").asText();
    assertThat(post("jtj1", "/api/plans/" + no + "/versions", map("changeReason", "改一下")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Clause("P6 7.4.2.1.2")
  @Clause("GB 8.2.8 a 3")
  @Test
  void badInputIsRefusedNamingEveryField() throws Exception {
    ResponseEntity<String> r = post("manager1", "/api/plans", map("planType", "WEEKLY", "owner", "nobody",
        "businessSystemCode", "NO-SUCH", "stageTargets", List.of(Map.of("stage", "响应", "minutes", 0))));
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(r.getBody()).get("errors").findValuesAsText("field")).contains("title", "planType",
        "owner", "businessSystemCode", "scope", "riskAssessment", "responseProcedure", "stageTargets.minutes");
    assertThat(post("manager1", "/api/plans", map("title", "x", "lastDrilledAt", "昨天")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    String no = created(plan("SECURITY", null, null)).get("planNo").asText();
    ResponseEntity<String> noReason = post("manager1", "/api/plans/" + no + "/versions", map("scope", "新范围"));
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody()).contains("changeReason");
    assertThat(get("desk1", "/api/plans?type=WEEKLY").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("desk1", "/api/plans/NO-SUCH-PLAN").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Clause("P6 7.4.2.1.3")
  @Clause("P3 5.3.2.2")
  @Clause("GB 8.4.2 e 3")
  @Clause("P3 附录 D.1 第 20 项")
  @Test
  void aRevisionOverRestKeepsTheHistory() throws Exception {
    String no = created(plan("GENERAL", "WJW-WEB", null)).get("planNo").asText();
    ResponseEntity<String> r = post("manager1", "/api/plans/" + no + "/versions",
        map("responseProcedure", "1. 接报；2. 研判；3. 处置", "changeReason", "年度评审"));
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode detail = json.readTree(get("supervisor1", "/api/plans/" + no).getBody());
    assertThat(detail.get("plan").get("currentVersion").asInt()).isEqualTo(2);
    assertThat(detail.get("versions").findValuesAsText("changeReason")).containsExactly("年度评审", "预案编制发布");
    assertThat(detail.get("versions").get(0).get("changedBy").asText()).isEqualTo("manager1");
    assertThat(detail.get("current").get("scope").asText()).as("unchanged content is kept").isEqualTo("测试范围");
  }

  @Clause("GB 8.4.2 i")
  @Test
  void unitUsersSeeOnlyTheirOwnUnitsPlans() throws Exception {
    String jtj = created(plan("APPLICATION_DR", "JTJ-OA", null)).get("planNo").asText();
    assertThat(get("jtj1", "/api/plans").getBody()).contains(jtj);
    assertThat(get("wjw1", "/api/plans").getBody()).doesNotContain(jtj);
    assertThat(get("wjw1", "/api/plans/" + jtj).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("jtj1", "/api/plans/" + jtj).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("desk1", "/api/plans").getBody()).contains(jtj);
  }

  @Clause("GB 8.2.7 b 1")
  @Test
  void aPlanNotDrilledInItsRequiredPeriodIsListedAsOverdue() throws Exception {
    Instant now = Instant.now();
    JsonNode stale = created(plan("APPLICATION_DR", "JTJ-TOCC", now.minus(Duration.ofDays(400))));
    JsonNode fresh = created(plan("APPLICATION_DR", "JTJ-TOCC", now.minus(Duration.ofDays(300))));
    assertThat(stale.get("overdue").asBoolean()).isTrue();
    assertThat(fresh.get("overdue").asBoolean()).isFalse();
    assertThat(Instant.parse(fresh.get("nextDrillDue").asText())).isAfter(now);
    String overdue = get("mgmt1", "/api/plans?overdue=true").getBody();
    assertThat(overdue).contains(stale.get("planNo").asText()).doesNotContain(fresh.get("planNo").asText());
    assertThat(get("mgmt1", "/api/plans?overdue=false").getBody()).contains(fresh.get("planNo").asText());
  }
}
