package cn.gov.gz.govcloud.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 26: an alert storm. The monitoring system (an Alertmanager integration, over the webhook with its bearer token)
 * sends 1,000 alerts in one minute for 50 business systems, each alert 20 times: exactly 50 cases must open, every
 * repeat must join its case (a resend of a firing alert is recorded on the alert's row, a race of two first deliveries
 * becomes an occurrence on the one case the database lets open), each alert must be answered within 1 s (p99), and no case may send more notices than a
 * case opened by a single alert. Open loop: the alerts leave on a fixed schedule (one every 60 ms) whatever the
 * answers, from up to 32 connections, as a monitoring system's retries would; before it, untimed, a warm-up of
 * 60 other systems' alerts from another integration. Run at full size with
 * {@code ./mvnw test -Dtest=AlertStormBenchmark -Dbenchmark=true}; in the suite it is a smoke run (5 systems × 4).
 */
class AlertStormBenchmark extends WebTest {

  static final boolean FULL = Boolean.getBoolean("benchmark");
  static final int SYSTEMS = Integer.getInteger("benchmark.storm.systems", FULL ? 50 : 5);
  static final int REPEATS = Integer.getInteger("benchmark.storm.repeats", FULL ? 20 : 4);
  static final Duration SPREAD = Duration.ofSeconds(Integer.getInteger("benchmark.storm.seconds", FULL ? 60 : 2));
  /**
   * Alerts of other systems, from another integration, sent before the storm and not counted: a server meets a storm
   * warm, not in its first seconds (each benchmark runs in a JVM of its own).
   */
  static final int WARM_UP = Integer.getInteger("benchmark.storm.warmUp", FULL ? 60 : 0);

  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @Test
  void aThousandAlertsInAMinuteMakeFiftyCases() throws Exception {
    String unit = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    Timestamp ts = Timestamp.from(Instant.now());
    jdbc.update("INSERT INTO org_unit (code, name, created_at, updated_at) VALUES (?, ?, ?, ?)", unit,
        "告警风暴基准单位" + unit, ts, ts);
    List<Object[]> systems = new ArrayList<>();
    for (int s = 0; s <= SYSTEMS; s++) { // one more: the single-alert baseline
      systems.add(new Object[] {unit + "-" + s, "风暴系统 " + s, unit, "IMPORTANT", 2, ts, ts});
    }
    for (int s = 0; s < WARM_UP; s++) {
      systems.add(new Object[] {unit + "-W" + s, "预热系统 " + s, unit, "IMPORTANT", 2, ts, ts});
    }
    jdbc.batchUpdate("INSERT INTO business_system (code, name, unit_code, importance, service_level, created_at, "
        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", systems);
    String id = "st-" + UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<String> client = post("admin", "/api/integrations/clients",
        Map.of("id", id, "name", "告警风暴基准", "source", "ALERTMANAGER"));
    assertThat(client.getStatusCode().value()).as(client.getBody()).isEqualTo(201);
    String token = json.readTree(client.getBody()).get("token").asText();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String uri = "http://127.0.0.1:" + port + "/api/intake/alertmanager";
    Instant startsAt = Instant.now().minusSeconds(5);

    // what one alert alone notifies, for comparison
    HttpResponse<String> single = http.send(request(uri, token, alert(unit + "-" + SYSTEMS, startsAt)),
        HttpResponse.BodyHandlers.ofString());
    assertThat(single.statusCode()).as(single.body()).isEqualTo(200);
    long singleNotices = notices(json.readTree(single.body()).get("alerts").get(0).get("caseNo").asText());

    warmUp(http, uri, unit, startsAt);

    int total = SYSTEMS * REPEATS;
    long spacingNanos = SPREAD.toNanos() / total;
    ScheduledExecutorService pool = Executors.newScheduledThreadPool(32);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Map<String, String> results = new ConcurrentHashMap<>();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger opened = new AtomicInteger();
    AtomicInteger repeated = new AtomicInteger();
    List<ScheduledFuture<?>> sent = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < total; i++) {
      String system = unit + "-" + (i % SYSTEMS);
      HttpRequest r = request(uri, token, alert(system, startsAt));
      sent.add(pool.schedule(() -> {
        long begin = System.nanoTime();
        try {
          HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());
          latencies.add((System.nanoTime() - begin) / 1000);
          if (answer.statusCode() != 200) {
            if (failed.incrementAndGet() <= 3) {
              System.out.println("storm: HTTP " + answer.statusCode() + " " + answer.body());
            }
            return;
          }
          JsonNode a = json.readTree(answer.body()).get("alerts").get(0);
          String result = a.get("result").asText();
          (result.equals("OPENED") ? opened : repeated).incrementAndGet();
          results.merge(system, a.get("caseNo").asText(), (x, y) -> x.equals(y) ? x : "DIFFERENT " + x + " " + y);
        } catch (Exception e) {
          failed.incrementAndGet();
        }
      }, i * spacingNanos, TimeUnit.NANOSECONDS));
    }
    for (ScheduledFuture<?> f : sent) {
      f.get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();

    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    long p50 = HttpLoad.percentile(sorted, 0.50);
    long p99 = HttpLoad.percentile(sorted, 0.99);
    long max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
    long cases = jdbc.queryForObject("SELECT COUNT(*) FROM emergency WHERE alert_ref LIKE ? AND business_system_code "
        + "<> ?", Long.class, id + ":%", unit + "-" + SYSTEMS);
    long alertRows = jdbc.queryForObject("SELECT COUNT(*) FROM integration_alert WHERE client_id = ? AND "
        + "business_system_code <> ? AND case_no IS NOT NULL", Long.class, id, unit + "-" + SYSTEMS);
    long mostNotices = results.values().stream().mapToLong(this::notices).max().orElse(0);
    System.out.printf("BENCHMARK alert storm: %d alerts for %d systems (%d repeats each) in %.1f s: %d cases, "
            + "%d opened, %d joined, %d failed; per alert p50 %.1f ms, p99 %.1f ms, max %.1f ms; notices per case "
            + "at most %d (single alert %d)%n", total, SYSTEMS, REPEATS, seconds, cases, opened.get(), repeated.get(),
        failed.get(), p50 / 1000.0, p99 / 1000.0, max / 1000.0, mostNotices, singleNotices);
    BenchmarkReport.row("alert storm over the Alertmanager webhook: " + total + " alerts in " + SPREAD.toSeconds()
            + " s for " + SYSTEMS + " systems (" + REPEATS + " each)",
        cases + " cases, " + repeated.get() + " joined, " + failed.get() + " failed; per alert p50 "
            + Math.round(p50 / 1000.0) + " ms, p99 " + Math.round(p99 / 1000.0) + " ms",
        "notices per case ≤ " + singleNotices + " (one alert alone)", "at most " + mostNotices + " notices per case",
        "exactly " + SYSTEMS + " cases; p99 ≤ 1 s; no duplicate notices");

    assertThat(failed.get()).isZero();
    assertThat(cases).as("one case per system's alert").isEqualTo(SYSTEMS);
    assertThat(opened.get()).isEqualTo(SYSTEMS);
    assertThat(repeated.get()).isEqualTo(total - SYSTEMS);
    assertThat(results.values()).as("every repeat joined its system's case").noneMatch(v -> v.startsWith("DIFFERENT"));
    assertThat(alertRows).as("one alert row per system's alert, linked to its case").isEqualTo(SYSTEMS);
    assertThat(mostNotices).as("no duplicate notices").isLessThanOrEqualTo(singleNotices);
  }

  /** Each warm-up system's alert twice (an opening and a resend), four at a time, untimed. */
  private void warmUp(HttpClient http, String uri, String unit, Instant startsAt) throws Exception {
    if (WARM_UP == 0) {
      return;
    }
    ResponseEntity<String> client = post("admin", "/api/integrations/clients",
        Map.of("id", "sw-" + UUID.randomUUID().toString().substring(0, 8), "name", "告警风暴基准预热",
            "source", "ALERTMANAGER"));
    assertThat(client.getStatusCode().value()).as(client.getBody()).isEqualTo(201);
    String token = json.readTree(client.getBody()).get("token").asText();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        for (int s = 0; s < WARM_UP; s++) {
          HttpRequest r = request(uri, token, alert(unit + "-W" + s, startsAt));
          answers.add(pool.submit(() -> http.send(r, HttpResponse.BodyHandlers.ofString())));
        }
      }
      for (Future<HttpResponse<String>> a : answers) {
        assertThat(a.get().statusCode()).as(a.get().body()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
  }

  long notices(String caseNo) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE case_ref = ?", Long.class, caseNo);
  }

  /** One firing alert of an Alertmanager group for {@code system}; the fingerprint is the system's, so repeats join. */
  String alert(String system, Instant startsAt) {
    String fingerprint = Integer.toHexString(system.hashCode());
    return """
        {"receiver":"govcloud-ops","status":"firing","alerts":[{"status":"firing","labels":{"alertname":
        "BusinessSystemDown","business_system":"%s","category":"availability","severity":"critical"},
        "annotations":{"summary":"%s 首页无法访问"},"startsAt":"%s","endsAt":"0001-01-01T00:00:00Z",
        "fingerprint":"%s"}],"groupLabels":{"alertname":"BusinessSystemDown","business_system":"%s"},
        "commonLabels":{"business_system":"%s"},"version":"4","groupKey":"{}:{business_system=\\"%s\\"}"}
        """.formatted(system, system, startsAt, fingerprint, system, system, system);
  }

  static HttpRequest request(String uri, String token, String body) {
    return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
  }
}
