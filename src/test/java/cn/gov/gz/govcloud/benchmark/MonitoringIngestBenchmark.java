package cn.gov.gz.govcloud.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.ledger.LedgerEntry;
import cn.gov.gz.govcloud.ledger.LedgerService;
import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.support.WebTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Monitoring ingestion at the city's scale (GB/T 34077.3 8.4.3 b: at least 2,000 records/s): batches of samples for
 * 20,000 ledger resources posted to {@code POST /api/monitoring/samples} by concurrent HTTP clients over loopback
 * (validation of every row, ledger lookup, batched insert, threshold check against the cached decision, alerts),
 * side by side with the floor of the same database: a raw batched JDBC insert of the same number of rows in the same
 * run. Run with {@code ./mvnw test -Dtest=MonitoringIngestBenchmark -Dbenchmark=true}; results in
 * benchmarks/RESULTS.md. Sizes: {@code -Dbenchmark.clients=4 -Dbenchmark.seconds=20 -Dbenchmark.batch=2000
 * -Dbenchmark.resources=20000}. Without {@code -Dbenchmark=true} it runs in the suite as a smoke test (tiny sizes).
 */
class MonitoringIngestBenchmark extends WebTest {

  static final boolean FULL = Boolean.getBoolean("benchmark");
  static final int CLIENTS = Integer.getInteger("benchmark.clients", FULL ? 4 : 2);
  static final int SECONDS = Integer.getInteger("benchmark.seconds", FULL ? 20 : 1);
  static final int BATCH = Integer.getInteger("benchmark.batch", FULL ? 2000 : 50);
  static final int RESOURCES = Integer.getInteger("benchmark.resources", FULL ? 20_000 : 100);
  static final int WARM_UP = FULL ? 5 : 1;
  static final String USER = "operator1";
  static final String INSERT = "INSERT INTO monitoring_sample (resource_id, sampled_at, cpu_pct, memory_pct, "
      + "storage_pct, power_on, synced_at, sync_lag_s, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Autowired
  LedgerService ledger;

  @Autowired
  JdbcTemplate jdbc;

  final String prefix = "BMON" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
  final Instant base = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
  final AtomicLong requestNo = new AtomicLong();

  record Run(String name, long rows, int requests, int failed, double rowsPerSecond, long p50Micros,
      long p99Micros) {
    @Override
    public String toString() {
      return String.format("%-34s %9.0f samples/s  p50 %7.1f ms  p99 %7.1f ms  (%d rows, %d requests, %d failed)",
          name, rowsPerSecond, p50Micros / 1000.0, p99Micros / 1000.0, rows, requests, failed);
    }
  }

  @Test
  void restIngestionAgainstRawBatchedInsert() throws Exception {
    List<LedgerEntry> entries = new ArrayList<>();
    for (int i = 0; i < RESOURCES; i++) {
      entries.add(new LedgerEntry(resource(i), "JTJ", "JTJ-OA", null, null, ResourceType.VM, 4, 8,
          new BigDecimal(i % 3 == 0 ? "0.5" : i % 3 == 1 ? "4" : "20"), null, null, null, "B01", "10.1.1.1"));
      if (entries.size() == 5000) {
        ledger.add(entries, "benchmark");
        entries.clear();
      }
    }
    if (!entries.isEmpty()) {
      ledger.add(entries, "benchmark");
    }

    String url = "http://127.0.0.1:" + port + "/api/monitoring/samples";
    load("warm-up (REST)", url, WARM_UP);
    Run rest = load("REST POST /api/monitoring/samples", url, SECONDS);
    Run raw = rawInsert(rest.rows());

    System.out.printf("BENCHMARK monitoring ingestion, %d resources, batches of %d, %d clients, %d s:%n  %s%n  %s%n"
        + "  REST at %.0f %% of the raw insert rate (floor 2,000 samples/s)%n", RESOURCES, BATCH, CLIENTS, SECONDS,
        rest, raw, 100.0 * rest.rowsPerSecond() / raw.rowsPerSecond());
    BenchmarkReport.row("metric ingestion over REST, batches of " + BATCH + ", " + CLIENTS + " clients",
        String.format("%.0f samples/s (p99 %.0f ms per batch)", rest.rowsPerSecond(), rest.p99Micros() / 1000.0),
        String.format("raw JDBC batched insert: %.0f rows/s", raw.rowsPerSecond()),
        String.format("%.0f %% of raw; %.0f× the 2,000/s floor", 100.0 * rest.rowsPerSecond() / raw.rowsPerSecond(),
            rest.rowsPerSecond() / 2000),
        "≥ 30 % of raw; ≥ 10× 2,000/s");
    assertThat(rest.failed()).isZero();
    assertThat(rest.rows()).isPositive();
    if (FULL) {
      assertThat(rest.rowsPerSecond()).isGreaterThan(2000);
    }
  }

  /** The shared test database is left as it was found. */
  @AfterEach
  void cleanUp() {
    jdbc.update("DELETE FROM monitoring_sample WHERE resource_id LIKE ?", prefix + "%");
    jdbc.update("DELETE FROM monitoring_alert WHERE resource_id LIKE ?", prefix + "%");
    jdbc.update("DELETE FROM ledger_history WHERE resource_id LIKE ?", prefix + "%");
    jdbc.update("DELETE FROM ledger_resource WHERE resource_id LIKE ?", prefix + "%");
  }

  private String resource(int i) {
    return prefix + String.format("%05d", i);
  }

  /** One request's batch: BATCH in-range samples of consecutive resources, each request one second later. */
  private String body(long k) {
    Instant at = base.plusSeconds(k);
    String time = at.toString();
    String synced = at.minusSeconds(300).toString();
    StringBuilder b = new StringBuilder(BATCH * 190).append('[');
    for (int j = 0; j < BATCH; j++) {
      int r = (int) ((k * BATCH + j) % RESOURCES);
      if (j > 0) {
        b.append(',');
      }
      b.append("{\"resourceId\":\"").append(resource(r)).append("\",\"sampledAt\":\"").append(time)
          .append("\",\"cpuPct\":").append(20 + (r % 50)).append(".5,\"memoryPct\":").append(30 + (r % 40))
          .append(",\"storagePct\":").append(50 + (r % 30)).append(",\"powerState\":\"ON\",\"syncedAt\":\"")
          .append(synced).append("\"}");
    }
    return b.append(']').toString();
  }

  /** CLIENTS closed-loop clients over loopback for seconds, each request a batch of BATCH samples. */
  private Run load(String name, String url, int seconds) throws Exception {
    HttpLoad.Result r = HttpLoad.run(name, CLIENTS, seconds,
        i -> HttpLoad.post(url, USER, DEMO_PASSWORD, body(requestNo.getAndIncrement()), Duration.ofSeconds(120)),
        answer -> answer.statusCode() == 200 && answer.body().contains("\"rejected\":0"));
    long rows = (long) r.ok() * BATCH;
    Run run = new Run(name, rows, r.ok() + r.failed(), r.failed(), rows / r.seconds(), r.p50Micros(),
        r.p99Micros());
    System.out.println("BENCHMARK " + run);
    return run;
  }

  /** The same number of rows of the same shape, inserted by one thread in JDBC batches of 1,000 (the floor). */
  private Run rawInsert(long rowCount) {
    Timestamp received = Timestamp.from(Instant.now());
    long started = System.nanoTime();
    long k = requestNo.get() + 1_000_000;
    List<Object[]> batch = new ArrayList<>(1000);
    long done = 0;
    int statements = 0;
    while (done < rowCount) {
      Instant at = base.plusSeconds(k + done / BATCH);
      int r = (int) (done % RESOURCES);
      batch.add(new Object[] {resource(r), Timestamp.from(at), new BigDecimal(20 + (r % 50) + ".50"),
          new BigDecimal(30 + (r % 40)), new BigDecimal(50 + (r % 30)), true, Timestamp.from(at.minusSeconds(300)),
          300L, received});
      done++;
      if (batch.size() == 1000 || done == rowCount) {
        jdbc.batchUpdate(INSERT, batch);
        statements++;
        batch.clear();
      }
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    Run run = new Run("raw JDBC batchUpdate (1 thread)", rowCount, statements, 0, rowCount / elapsed, 0, 0);
    System.out.println("BENCHMARK " + run);
    return run;
  }

}
