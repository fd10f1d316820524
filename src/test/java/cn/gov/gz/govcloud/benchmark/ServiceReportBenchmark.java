package cn.gov.gz.govcloud.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.kpi.ServiceReport;
import cn.gov.gz.govcloud.support.WebTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monthly service report at the city's scale: 2,000 business systems (GB/T 34077.3 8.4.3: large reports within
 * 15 s). Run with {@code ./mvnw test -Dtest=ServiceReportBenchmark -Dbenchmark=true}; results in
 * benchmarks/RESULTS.md. Without {@code -Dbenchmark=true} it runs in the suite with 20 systems (smoke).
 */
class ServiceReportBenchmark extends WebTest {

  static final boolean FULL = Boolean.getBoolean("benchmark");
  static final int SYSTEMS = Integer.getInteger("benchmark.systems", FULL ? 2_000 : 20);

  @Autowired
  ServiceReport report;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void serviceReportForTwoThousandBusinessSystems() {
    String unit = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("INSERT INTO org_unit (code, name, created_at, updated_at) VALUES (?, ?, ?, ?)", unit,
        "报表基准单位" + unit, now, now);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < SYSTEMS; i++) {
      rows.add(new Object[] {unit + "-" + i, "业务系统 " + i, unit, "GENERAL", 1 + i % 4, now, now});
    }
    jdbc.batchUpdate("INSERT INTO business_system (code, name, unit_code, importance, service_level, created_at, "
        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
    LocalDate to = LocalDate.now();
    LocalDate from = to.minusDays(29);
    List<Long> millis = new ArrayList<>();
    int size = 0;
    for (int round = 0; round < 3; round++) {
      long start = System.nanoTime();
      size = report.generate(from, to, "基准测试", null, "benchmark").checksumSha256().length();
      millis.add((System.nanoTime() - start) / 1_000_000);
    }
    millis.sort(Long::compare);
    assertThat(size).isEqualTo(64);
    System.out.printf("BENCHMARK service report: %d+ business systems, 3 charts; generate+archive median=%d ms "
        + "(min %d, max %d); standard: <= 15000 ms%n", SYSTEMS, millis.get(1), millis.get(0), millis.get(2));
    BenchmarkReport.row("service report, " + SYSTEMS + "+ business systems", millis.get(1) + " ms", "—", "—",
        "≤ 15,000 ms (GB/T 34077.3 8.4.3)");
  }
}
