package cn.gov.gz.govcloud.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.ledger.Discrepancy.Kind;
import cn.gov.gz.govcloud.ledger.InventoryRow;
import cn.gov.gz.govcloud.ledger.Reconciliation;
import cn.gov.gz.govcloud.ledger.Reconciliation.RunSummary;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.organization.Unit;
import cn.gov.gz.govcloud.support.WebTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ledger reconciliation at the city's scale (20,000 resources, DOMAIN.md §7): import an inventory snapshot with planted
 * differences and reconcile it against the ledger. Not part of the test suite; run with
 * {@code ./mvnw test -Dtest=ReconciliationBenchmark -Dbenchmark=true} (add {@code -Ppostgres-tests} for PostgreSQL).
 * Results are recorded in benchmarks/RESULTS.md.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ReconciliationBenchmark extends WebTest {

  static final int RESOURCES = 20_000;
  static final int ROUNDS = 3;
  static final Caller ADMIN = new Caller("admin", List.of(Groups.ADMIN));

  @Autowired
  Reconciliation reconciliation;

  @Autowired
  OrganizationService organization;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void reconcileTwentyThousandResources() {
    String unit = "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    organization.registerUnits(List.of(new Unit(unit, "基准测试单位" + unit, null, null, null)), ADMIN, false);
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> ledgerRows = new ArrayList<>();
    for (int i = 0; i < RESOURCES; i++) {
      ledgerRows.add(new Object[] {unit + "-" + i, unit, "VM", 8, 16, "A" + (i % 40), "10.0." + (i / 250) + "." + (i % 250),
          now, now});
    }
    long seedStart = System.nanoTime();
    jdbc.batchUpdate("INSERT INTO ledger_resource (resource_id, unit_code, type, vcpu, memory_gb, location, ip, state, "
        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)", ledgerRows);
    long seedMs = (System.nanoTime() - seedStart) / 1_000_000;

    // 1 % spec differences, 100 resources gone, 100 strays
    List<InventoryRow> inventory = new ArrayList<>();
    for (int i = 100; i < RESOURCES; i++) {
      int vcpu = i % 100 == 0 ? 16 : 8;
      inventory.add(new InventoryRow(unit + "-" + i, unit, "VM", vcpu, 16, null, null, null, "A" + (i % 40),
          "10.0." + (i / 250) + "." + (i % 250), "RUNNING", BigDecimal.valueOf(35), BigDecimal.valueOf(50)));
    }
    for (int i = 0; i < 100; i++) {
      inventory.add(new InventoryRow(unit + "-stray-" + i, unit, "VM", 4, 8, null, null, null, "C01", null, "RUNNING",
          null, null));
    }

    List<Long> totals = new ArrayList<>();
    List<Long> compares = new ArrayList<>();
    RunSummary last = null;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      last = reconciliation.importAndReconcile(inventory, "benchmark", ADMIN);
      totals.add((System.nanoTime() - start) / 1_000_000);
      compares.add(last.durationMs());
    }
    assertThat(last.counts().get(Kind.NOT_IN_LEDGER)).isGreaterThanOrEqualTo(100);
    assertThat(last.counts().get(Kind.NOT_RUNNING)).isGreaterThanOrEqualTo(100);
    assertThat(last.counts().get(Kind.SPEC_MISMATCH)).isGreaterThanOrEqualTo(199);
    totals.sort(Long::compare);
    compares.sort(Long::compare);
    System.out.printf("BENCHMARK reconciliation: ledger=%d (seeded in %d ms) inventory=%d rounds=%d "
            + "import+validate+reconcile median=%d ms (min %d, max %d); reconcile step median=%d ms; discrepancies=%s%n",
        RESOURCES, seedMs, inventory.size(), ROUNDS, totals.get(ROUNDS / 2), totals.get(0), totals.get(ROUNDS - 1),
        compares.get(ROUNDS / 2), last.counts());
  }
}
