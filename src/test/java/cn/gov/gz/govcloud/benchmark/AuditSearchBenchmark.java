package cn.gov.gz.govcloud.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.audit.AuditBenchmarkAccess;
import cn.gov.gz.govcloud.audit.AuditEvent;
import cn.gov.gz.govcloud.support.WebTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fuzzy search over the audit log at the standard's scale (GB/T 34077.3 8.4.3 b 6: 2,000,000 log records, a fuzzy
 * query within 10 s; our aim: 1 s on PostgreSQL): fills {@code audit_event} with 2,000,000 rows shaped like the ones
 * the filter writes (2,000 users over 13 months, task and process-instance ids, Chinese descriptions), then times
 * {@code GET /api/audit} over HTTP as a supervisor for several kinds of query, each several times (median). Run with
 * {@code ./mvnw test -Dtest=AuditSearchBenchmark -Dbenchmark=true} (add {@code -Ppostgres-tests} for PostgreSQL);
 * sizes: {@code -Dbenchmark.rows=2000000 -Dbenchmark.repeat=5}. Without {@code -Dbenchmark=true}: a smoke run with
 * 2,000 rows in the suite.
 */
class AuditSearchBenchmark extends WebTest {

  static final boolean FULL = Boolean.getBoolean("benchmark");
  static final int ROWS = Integer.getInteger("benchmark.rows", FULL ? 2_000_000 : 2_000);
  static final int REPEAT = Integer.getInteger("benchmark.repeat", FULL ? 5 : 1);
  static final String CHANNEL = "benchmark";
  static final String[][] ACTIONS = {
      {"POST", "task.claim", "/claim", "认领任务"}, {"POST", "task.complete", "/complete", "完成任务"},
      {"POST", "task.assignee", "/assignee", "转派任务"}, {"PUT", "task.variables", "/variables/note", "修改任务变量 note"},
      {"DELETE", "process-instance.delete", "", "取消（删除）流程实例"}, {"POST", "ledger.inventory", "", "导入资产清单并校核台账"},
      {"GET", "reports.content", "/content", "下载报告"}, {"POST", "login.failure", "", "HTTP Basic 认证失败"}};

  @Autowired
  JdbcTemplate jdbc;

  String needleTask;
  String needleUser;

  @Test
  void fuzzySearchOverTwoMillionRows() {
    long t0 = System.nanoTime();
    fill();
    double fillSeconds = (System.nanoTime() - t0) / 1e9;
    String db = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    if ("PostgreSQL".equalsIgnoreCase(db)) {
      jdbc.execute("ANALYZE audit_event");
    }
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Integer.class);
    System.out.printf("BENCHMARK audit search on %s: %,d rows in audit_event (%,d generated in %.1f s, %.0f rows/s)%n",
        db, count, ROWS, fillSeconds, ROWS / fillSeconds);

    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("q = one task id (1 hit)", "q=" + needleTask);
    queries.put("q = part of a task id (8 hex)", "q=" + needleTask.substring(9, 17));
    queries.put("q = Chinese word, many hits (转派)", "q=转派");
    queries.put("q = no hit (full scan)", "q=没有这个-zzzq");
    queries.put("user + action + q", "user=" + needleUser + "&action=task&q=claim");
    queries.put("q + one month", "q=ledger&from=2026-03-01&to=2026-03-31");
    queries.put("page 10 of a common q", "q=task&page=10&size=50");

    List<Long> medians = new ArrayList<>();
    for (Map.Entry<String, String> q : queries.entrySet()) {
      long[] ms = new long[REPEAT];
      int items = 0;
      for (int i = 0; i < REPEAT; i++) {
        long s = System.nanoTime();
        ResponseEntity<String> r = get("supervisor1", "/api/audit?" + q.getValue());
        ms[i] = (System.nanoTime() - s) / 1_000_000;
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        items = r.getBody().split("\"action\"", -1).length - 1;
      }
      Arrays.sort(ms);
      long median = ms[ms.length / 2];
      medians.add(median);
      System.out.printf("BENCHMARK   %-36s median %,6d ms  (min %,d, max %,d; %d rows on the page)%n", q.getKey(),
          median, ms[0], ms[ms.length - 1], items);
    }
    long worst = medians.stream().mapToLong(Long::longValue).max().orElse(0);
    System.out.printf("BENCHMARK   slowest median %,d ms (standard: 10,000 ms)%n", worst);
    BenchmarkReport.row("fuzzy search over " + String.format("%,d", ROWS) + " audit records (" + db + ")",
        String.format("slowest median %,d ms over %d kinds of query", worst, medians.size()), null, null,
        "standard ≤ 10 s; aim ≤ 1 s on PostgreSQL");
    if (FULL) {
      assertThat(worst).isLessThan(10_000);
    }
  }

  /** Rows of the benchmark only (channel "benchmark"); the rest of the test database is left as it was. */
  @AfterEach
  void cleanUp() {
    int n;
    do {
      n = jdbc.update("DELETE FROM audit_event WHERE id IN (SELECT id FROM audit_event WHERE channel = ? "
          + "FETCH FIRST 100000 ROWS ONLY)", CHANNEL);
    } while (n > 0);
  }

  private void fill() {
    Random random = new Random(42);
    Instant end = Instant.parse("2026-11-25T00:00:00Z");
    long span = Duration.ofDays(396).toSeconds();
    String[] users = new String[2000];
    for (int u = 0; u < users.length; u++) {
      users[u] = (u % 10 == 0 ? "unit" : "staff") + String.format("%04d", u);
    }
    needleUser = users[7];
    List<Object[]> batch = new ArrayList<>(1000);
    String[] instances = new String[5000];
    for (int i = 0; i < instances.length; i++) {
      instances[i] = new UUID(random.nextLong(), random.nextLong()).toString();
    }
    int needleAt = ROWS / 2;
    for (int i = 0; i < ROWS; i++) {
      String[] a = ACTIONS[random.nextInt(ACTIONS.length)];
      String user = i == needleAt ? needleUser : users[random.nextInt(users.length)];
      Instant at = end.minusSeconds((long) (random.nextDouble() * span));
      String path;
      String type;
      String id;
      switch (a[1]) {
        case "process-instance.delete" -> {
          id = instances[random.nextInt(instances.length)];
          type = "process-instance";
          path = "/engine-rest/process-instance/" + id;
        }
        case "ledger.inventory" -> {
          id = null;
          type = "ledger";
          path = "/api/ledger/inventory";
        }
        case "reports.content" -> {
          id = String.valueOf(random.nextInt(100_000));
          type = "reports";
          path = "/api/reports/" + id + "/content";
        }
        case "login.failure" -> {
          id = user;
          type = "user";
          path = "/engine-rest/version";
        }
        default -> {
          id = new UUID(random.nextLong(), random.nextLong()).toString();
          type = "task";
          path = (random.nextBoolean() ? "/engine-rest" : "/camunda/api/engine/engine/default") + "/task/" + id + a[2];
        }
      }
      String action = a[1];
      if (i == needleAt) {
        action = "task.claim";
        type = "task";
        id = new UUID(random.nextLong(), random.nextLong()).toString();
        path = "/engine-rest/task/" + id + "/claim";
        needleTask = id;
      }
      int status = random.nextInt(50) == 0 ? 403 : a[0].equals("GET") ? 200 : 204;
      batch.add(AuditBenchmarkAccess.insertParams(new AuditEvent(null, at, user, action, CHANNEL, a[0], path, type,
          id, status, status == 403 ? "denied" : "success", "10.20." + random.nextInt(256) + "." + random.nextInt(256),
          a[3], null)));
      if (batch.size() == 1000 || i == ROWS - 1) {
        jdbc.batchUpdate(AuditBenchmarkAccess.INSERT, batch);
        batch.clear();
      }
    }
  }
}
