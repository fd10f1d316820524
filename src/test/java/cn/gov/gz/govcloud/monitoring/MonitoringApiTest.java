package cn.gov.gz.govcloud.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.support.Clause;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Monitoring over REST: per-row rejection, a day of samples for the demo ledger with planted breaches, recovery,
 * roll-up, report and rights. Cases started through the engine: {@link MonitoringCasesTest}.
 */
class MonitoringApiTest extends MonitoringTestSupport {

  @Clause("P6 7.2.1.3")
  @Clause("P6 7.2.1.4")
  @Clause("P3 5.1.1")
  @Test
  void badRowsAreRejectedOneByOneWithTheirReasonAndGoodRowsStored() throws Exception {
    String p = prefix();
    String r = resource(p, "vm", "JTJ", "JTJ-OA", ResourceType.VM, "2");
    Instant t = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    List<Object> rows = new ArrayList<>();
    rows.add(ok(r, t));                                                          // 0 good
    rows.add(sample(null, t, 40, 50, 60, "ON", null));                            // 1 resourceId missing
    rows.add(sample(p + "-nowhere", t, 40, 50, 60, "ON", null));                 // 2 not in the ledger
    rows.add(sample(r, null, 40, 50, 60, "ON", null));                            // 3 sampledAt missing
    Map<String, Object> badTime = sample(r, t, 40, 50, 60, "ON", null);
    badTime.put("sampledAt", "2026/11/25 08:00");
    rows.add(badTime);                                                            // 4 sampledAt malformed
    rows.add(sample(r, Instant.now().plus(Duration.ofHours(2)), 40, 50, 60, "ON", null)); // 5 in the future
    rows.add(sample(r, t.plusSeconds(6), 120, 50, 60, "ON", null));               // 6 cpu above 100
    rows.add(sample(r, t.plusSeconds(7), 40, "abc", 60, "ON", null));             // 7 memory not a number
    rows.add(sample(r, t.plusSeconds(8), 40, 50, 60, "STANDBY", null));           // 8 power state unknown
    rows.add(sample(r, t.plusSeconds(9), null, 50, 60, "ON", null));              // 9 ON without cpu
    rows.add(sample(r, t.plusSeconds(10), 40, 50, 60, "ON", t.plus(Duration.ofHours(1)))); // 10 synced later
    rows.add(ok(r, t));                                                           // 11 duplicate of row 0
    rows.add(42);                                                                 // 12 not an object
    rows.add(sample(r, Instant.now().minus(Duration.ofDays(40)), 40, 50, 60, "ON", null)); // 13 too old
    rows.add(sample(r, t.plusSeconds(14), null, null, -1, "OFF", null));          // 14 storage negative
    rows.add(sample(r, t.plusSeconds(15), null, null, null, "OFF", null));        // 15 good: off, nothing measured

    JsonNode answer = postSamples(rows);
    assertThat(answer.get("accepted").asInt()).isEqualTo(2);
    assertThat(answer.get("rejected").asInt()).isEqualTo(14);
    Set<String> errors = new HashSet<>();
    for (JsonNode e : answer.get("errors")) {
      errors.add(e.get("row").asInt() + ":" + e.get("field").asText());
      assertThat(e.get("message").asText()).isNotBlank();
    }
    assertThat(errors).containsExactlyInAnyOrder("1:resourceId", "2:resourceId", "3:sampledAt", "4:sampledAt",
        "5:sampledAt", "6:cpuPct", "7:memoryPct", "8:powerState", "9:cpuPct", "10:syncedAt", "11:sampledAt", "12:",
        "13:sampledAt", "14:storagePct");
    assertThat(answer.toString()).contains("资源编号不在台账中", "利用率应在 0–100 之间", "电源状态应为 ON 或 OFF",
        "开机状态下必须上报该利用率", "同步时间不能晚于采样时间", "采样时间晚于当前时间", "利用率应为数字");

    // a whole request that is not a batch is refused with 400 naming the field
    ResponseEntity<String> notArray = post(OPERATOR, "/api/monitoring/samples", Map.of("resourceId", r));
    assertThat(notArray.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notArray.getBody()).contains("samples");
  }

  @Clause("GB 8.4.2 i")
  @Test
  void unitUsersMayNotPostSamplesAndSeeOnlyTheirOwnAlerts() throws Exception {
    String p = prefix();
    String r = resource(p, "vm", "JTJ", "JTJ-OA", ResourceType.VM, "2");
    Instant t = Instant.now().minus(Duration.ofHours(1));
    ResponseEntity<String> denied = post("jtj1", "/api/monitoring/samples", List.of(ok(r, t)));
    assertThat(denied.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("supervisor1", "/api/monitoring/samples", List.of(ok(r, t))).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("admin", "/api/monitoring/samples", List.of(ok(r, t))).getStatusCode()).isEqualTo(HttpStatus.OK);

    postSamples(List.of(sample(r, t.plusSeconds(60), 95, 50, 60, "ON", null)));
    assertThat(get("jtj1", "/api/monitoring/alerts?open=true&resourceId=" + r).getBody()).contains(r);
    assertThat(get("wjw1", "/api/monitoring/alerts?open=true&resourceId=" + r).getBody()).doesNotContain(r);
    assertThat(get("wjw1", "/api/monitoring/resources/" + r + "/stats?from=2020-01-01&to=2099-01-01")
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("jtj1", "/api/monitoring/resources/" + r + "/stats?from=2020-01-01&to=2099-01-01")
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  /**
   * A day of samples every 15 minutes for a demo ledger (both demo units, all four business systems, every storage
   * tier), with planted breaches: exactly those become alerts, and none lasts long enough for a case.
   */
  @Clause("P6 7.2.3.3.2")
  @Clause("P3 5.1.3.3")
  @Clause("P3 5.1.3.4")
  @Clause("P6 7.2.3.3.5")
  @Clause("P3 5.1.3.6")
  @Clause("P3 附录 D.1 第 12 项")
  @Clause("GB 8.4.4 c")
  @Test
  void aDayOfSamplesForTheDemoLedgerYieldsAlertsForExactlyThePlantedBreaches() throws Exception {
    String p = prefix();
    String cpu = resource(p, "tocc-app", "JTJ", "JTJ-TOCC", ResourceType.VM, "0.5");
    String mem = resource(p, "tocc-db", "JTJ", "JTJ-TOCC", ResourceType.DATABASE, "1");
    String sto10 = resource(p, "oa-san", "JTJ", "JTJ-OA", ResourceType.STORAGE, "10");
    String stoSmall = resource(p, "oa-app", "JTJ", "JTJ-OA", ResourceType.VM, "0.8");
    String sync = resource(p, "his-app", "WJW", "WJW-HIS", ResourceType.VM, "5");
    String off = resource(p, "his-phy", "WJW", "WJW-HIS", ResourceType.PHYSICAL, "12");
    String big = resource(p, "web-san", "WJW", "WJW-WEB", ResourceType.STORAGE, "20");
    String web = resource(p, "web-app", "WJW", "WJW-WEB", ResourceType.VM, null);
    List<String> all = List.of(cpu, mem, sto10, stoSmall, sync, off, big, web);

    Instant day = dayStart(2);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int slot = 0; slot < 96; slot++) {
      Instant at = day.plus(Duration.ofMinutes(15L * slot));
      for (String r : all) {
        Map<String, Object> s = ok(r, at);
        if (r.equals(big)) {
          s.put("storagePct", 45); // > 10 TB: 40–90, in range
        }
        if (r.equals(cpu) && (slot == 40 || slot == 41)) {
          s.put("cpuPct", 95); // 15 minutes above 90 %: an alert, not yet sustained
        }
        if (r.equals(mem) && slot >= 10 && slot < 14) {
          s.put("memoryPct", 5); // an hour below 10 %: an alert; low breaches do not escalate
        }
        if (r.equals(sto10) && slot == 50) {
          s.put("storagePct", 25); // 10 TB is in the 1–10 TB tier: below 30 %
        }
        if (r.equals(stoSmall)) {
          s.put("storagePct", 25); // 0.8 TB: 20–90, in range all day
        }
        if (r.equals(sync) && slot == 60) {
          s.put("syncedAt", at.minus(Duration.ofMinutes(20)).toString()); // name/IP not synced for 20 min
        }
        if (r.equals(off) && slot >= 20 && slot < 40) {
          s.put("powerState", "OFF"); // powered off: no CPU or memory alerts
          s.put("cpuPct", 0);
          s.put("memoryPct", 0);
        }
        rows.add(s);
      }
    }
    for (int from = 0; from < rows.size(); from += 200) {
      JsonNode answer = postSamples(rows.subList(from, Math.min(rows.size(), from + 200)));
      assertThat(answer.get("rejected").asInt()).as(answer.toString()).isZero();
      assertThat(answer.get("casesStarted").asInt()).isZero();
    }

    List<Alert> alerts = alertsOf(p);
    Set<String> found = new HashSet<>();
    alerts.forEach(a -> found.add(a.resourceId() + " " + a.problem() + " " + a.status()));
    assertThat(found).containsExactlyInAnyOrder(cpu + " CPU_HIGH CLOSED", mem + " MEMORY_LOW CLOSED",
        sto10 + " STORAGE_LOW CLOSED", sync + " SYNC_HIGH CLOSED");
    Alert cpuAlert = alerts.stream().filter(a -> a.resourceId().equals(cpu)).findFirst().orElseThrow();
    assertThat(cpuAlert.sampleCount()).isEqualTo(2);
    assertThat(cpuAlert.worstValue()).isEqualByComparingTo("95");
    assertThat(cpuAlert.recoveredValue()).isEqualByComparingTo("40");
    assertThat(cpuAlert.caseInstanceId()).isNull();
    Alert memAlert = alerts.stream().filter(a -> a.resourceId().equals(mem)).findFirst().orElseThrow();
    assertThat(memAlert.sampleCount()).isEqualTo(4);
    assertThat(memAlert.caseInstanceId()).isNull();
    Alert syncAlert = alerts.stream().filter(a -> a.resourceId().equals(sync)).findFirst().orElseThrow();
    assertThat(syncAlert.worstValue()).isEqualByComparingTo("20");
    assertThat(syncAlert.problemLabel()).isEqualTo("名称与政务外网 IP 同步超时");

    // the stats of the day: average / peak / trough
    JsonNode s = json.readTree(get("manager1", "/api/monitoring/resources/" + cpu + "/stats?from="
        + LocalDate.ofInstant(day, MonitoringStats.CHINA) + "&to=" + LocalDate.ofInstant(day, MonitoringStats.CHINA))
        .getBody());
    assertThat(s.get("samples").asInt()).isEqualTo(96);
    assertThat(s.at("/metrics/cpu/peak").decimalValue()).isEqualByComparingTo("95");
    assertThat(s.at("/metrics/cpu/trough").decimalValue()).isEqualByComparingTo("40");
    assertThat(s.at("/metrics/cpu/average").decimalValue()).isEqualByComparingTo("41.15"); // (94*40 + 2*95) / 96
    assertThat(s.at("/metrics/sync/average").decimalValue()).isEqualByComparingTo("5");
    JsonNode o = json.readTree(get("manager1", "/api/monitoring/resources/" + off + "/stats?from="
        + LocalDate.ofInstant(day, MonitoringStats.CHINA) + "&to=" + LocalDate.ofInstant(day, MonitoringStats.CHINA))
        .getBody());
    assertThat(o.get("poweredOffSamples").asInt()).isEqualTo(20);
    assertThat(o.get("lastPowerState").asText()).isEqualTo("ON");

    // the monitoring report of that day lists the alerts and the utilisation per resource type
    ResponseEntity<String> rep = post("manager1", "/api/monitoring/reports?from="
        + LocalDate.ofInstant(day, MonitoringStats.CHINA) + "&to=" + LocalDate.ofInstant(day, MonitoringStats.CHINA),
        null);
    assertThat(rep.getStatusCode()).as(rep.getBody()).isEqualTo(HttpStatus.CREATED);
    long reportId = json.readTree(rep.getBody()).get("id").asLong();
    ResponseEntity<byte[]> doc = rest.exchange("/api/reports/" + reportId + "/content",
        org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(basicAuth("manager1")),
        byte[].class);
    assertThat(doc.getStatusCode()).isEqualTo(HttpStatus.OK);
    String text;
    try (var d = new XWPFDocument(new ByteArrayInputStream(doc.getBody()));
        var extractor = new XWPFWordExtractor(d)) {
      text = extractor.getText();
      assertThat(d.getCharts()).hasSize(1);
    }
    assertThat(text).contains("政务云资源监控报告", "告警统计", "CPU 利用率高于上限", "内存利用率低于下限", "云主机", "存储",
        cpuAlert.alertNo(), syncAlert.alertNo());
    assertThat(post("jtj1", "/api/monitoring/reports?from=2026-01-01&to=2026-01-31", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // the manager's analysis goes into the report; one beyond 4,000 characters is refused, naming the field
    ResponseEntity<String> tooLong = post("manager1", "/api/monitoring/reports?from=2026-01-01&to=2026-01-31",
        java.util.Map.of("analysis", "长".repeat(4001)));
    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooLong.getBody()).contains("analysis");
  }

  @Clause("GB 8.2.2 e")
  @Clause("P3 5.1.3.4")
  @Test
  void theRollUpKeepsTheStatisticsIdentical() throws Exception {
    String p = prefix();
    String r = resource(p, "vm", "WJW", "WJW-WEB", ResourceType.VM, "3");
    Instant day = dayStart(3);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int slot = 0; slot < 3 * 48; slot++) { // three days, every 30 minutes
      Instant at = day.plus(Duration.ofMinutes(30L * slot));
      Map<String, Object> s = sample(r, at, new BigDecimal("30.17").add(BigDecimal.valueOf(slot % 7)),
          new BigDecimal("55.5").add(BigDecimal.valueOf(slot % 5)), new BigDecimal("60.01"), "ON",
          at.minus(Duration.ofSeconds(60 + slot)));
      if (slot % 11 == 0) {
        s.put("powerState", "OFF");
        s.put("cpuPct", null);
        s.put("memoryPct", null);
      }
      rows.add(s);
    }
    postSamples(rows);
    String period = "from=" + LocalDate.ofInstant(day, MonitoringStats.CHINA).minusDays(1) + "&to="
        + LocalDate.ofInstant(day, MonitoringStats.CHINA).plusDays(3);
    JsonNode before = json.readTree(get("manager1", "/api/monitoring/resources/" + r + "/stats?" + period).getBody());
    assertThat(before.get("samples").asInt()).isEqualTo(144);

    // 40 days later every raw sample of those days is older than the raw retention (31 days)
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().plus(Duration.ofDays(40))));
    MonitoringStats.RollupResult rolled = stats.rollUp();
    assertThat(rolled.days()).isGreaterThanOrEqualTo(3);
    assertThat(stats.rollUp().days()).isZero(); // nothing left: running again (another node) changes nothing
    JsonNode after = json.readTree(get("manager1", "/api/monitoring/resources/" + r + "/stats?" + period).getBody());
    assertThat(after).isEqualTo(before);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_sample WHERE resource_id = ?").param(r).query(Long.class)
        .single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_daily WHERE resource_id = ?").param(r).query(Long.class)
        .single()).isEqualTo(3);
  }
}
