package cn.gov.gz.govcloud.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.ledger.LedgerEntry;
import cn.gov.gz.govcloud.ledger.LedgerService;
import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Base of the monitoring Spring Boot tests: resources in the ledger, samples posted over REST, and readers of alerts.
 */
abstract class MonitoringTestSupport extends WebTest {

  static final String OPERATOR = "operator1";

  @Autowired
  LedgerService ledger;

  @Autowired
  ObjectMapper json;

  @Autowired
  MonitoringStats stats;

  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Resources of the demo units' business systems, under a fresh prefix so runs do not meet. */
  String resource(String prefix, String suffix, String unit, String system, ResourceType type, String diskTb) {
    String id = prefix + "-" + suffix;
    ledger.add(List.of(new LedgerEntry(id, unit, system, null, null, type, 8, 16,
        diskTb == null ? null : new BigDecimal(diskTb), "麒麟 V10", null, null, "A01", "10.20.30.40")), "test");
    return id;
  }

  static String prefix() {
    return "MT" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
  }

  static Map<String, Object> sample(String resourceId, Instant at, Object cpu, Object memory, Object storage,
      String power, Instant syncedAt) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("resourceId", resourceId);
    m.put("sampledAt", at == null ? null : at.toString());
    m.put("cpuPct", cpu);
    m.put("memoryPct", memory);
    m.put("storagePct", storage);
    m.put("powerState", power);
    m.put("syncedAt", syncedAt == null ? null : syncedAt.toString());
    return m;
  }

  static Map<String, Object> ok(String resourceId, Instant at) {
    return sample(resourceId, at, 40, 50, 60, "ON", at.minus(Duration.ofMinutes(5)));
  }

  JsonNode postSamples(List<?> rows) throws Exception {
    ResponseEntity<String> r = post(OPERATOR, "/api/monitoring/samples", rows);
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(r.getBody());
  }

  List<Alert> alertsOf(String prefix) throws Exception {
    ResponseEntity<String> r = get("manager1", "/api/monitoring/alerts?size=500");
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode page = json.readTree(r.getBody());
    List<Alert> found = new ArrayList<>();
    for (JsonNode n : page.get("items")) {
      if (n.get("resourceId").asText().startsWith(prefix)) {
        found.add(json.treeToValue(n, Alert.class));
      }
    }
    return found;
  }

  static Instant dayStart(int daysAgo) {
    return LocalDate.now(MonitoringStats.CHINA).minusDays(daysAgo).atStartOfDay(MonitoringStats.CHINA).toInstant();
  }

}
