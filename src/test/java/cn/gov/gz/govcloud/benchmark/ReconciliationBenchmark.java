package cn.gov.gz.govcloud.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.ledger.Discrepancy.Kind;
import cn.gov.gz.govcloud.ledger.InventoryRow;
import cn.gov.gz.govcloud.ledger.LedgerService;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ledger reconciliation at the city's scale (20,000 and 200,000 resources, DOMAIN.md §7): import an inventory snapshot
 * with planted differences and reconcile it against the ledger, then the same comparison as plain SQL in the same run.
 * Run with {@code ./mvnw test -Dtest=ReconciliationBenchmark -Dbenchmark=true} (add {@code -Ppostgres-tests} for
 * PostgreSQL); without {@code -Dbenchmark=true} it runs in the suite with 1,000 resources so the harness cannot rot.
 * Results are recorded in benchmarks/RESULTS.md.
 */
class ReconciliationBenchmark extends WebTest {

  /** Ledger sizes, e.g. {@code -Dbenchmark.reconcile.sizes=20000,200000} (linear from 20,000 to 200,000?). */
  static final boolean FULL = Boolean.getBoolean("benchmark");
  static final String SIZES = System.getProperty("benchmark.reconcile.sizes", FULL ? "20000,200000" : "1000");
  static final int ROUNDS = 3;
  static final Caller ADMIN = new Caller("admin", List.of(Groups.ADMIN));

  @Autowired
  Reconciliation reconciliation;

  @Autowired
  LedgerService ledger;

  @Autowired
  OrganizationService organization;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void reconcileAtTheCitysScaleAgainstOneSqlPass() {
    for (String size : SIZES.split(",")) {
      reconcile(Integer.parseInt(size.strip()));
    }
  }

  void reconcile(int resources) {
    String[] created = new String[1];
    try {
      measure(resources, created);
    } finally {
      if (created[0] != null) {
        cleanUp(created[0]);
      }
    }
  }

  private RunSummary storeAndReconcile(List<InventoryRow> inventory) {
    ledger.storeSnapshot(inventory, "benchmark", ADMIN.userId());
    return reconciliation.reconcileLatest(ADMIN.userId());
  }

  private void measure(int resources, String[] created) {
    String unit = "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    organization.registerUnits(List.of(new Unit(unit, "基准测试单位" + unit, null, null, null)), ADMIN, false);
    created[0] = unit;
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> ledgerRows = new ArrayList<>();
    for (int i = 0; i < resources; i++) {
      ledgerRows.add(new Object[] {unit + "-" + i, unit, "VM", 8, 16, "A" + (i % 40), "10.0." + (i / 250) + "." + (i % 250),
          now, now});
    }
    long seedStart = System.nanoTime();
    jdbc.batchUpdate("INSERT INTO ledger_resource (resource_id, unit_code, type, vcpu, memory_gb, location, ip, state, "
        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)", ledgerRows);
    long seedMs = (System.nanoTime() - seedStart) / 1_000_000;

    // 1 % spec differences, 100 resources gone, 100 strays
    List<InventoryRow> inventory = new ArrayList<>();
    for (int i = 100; i < resources; i++) {
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
      // above the REST import limit (100,000 rows a request) the snapshot is stored as several imports would
      last = inventory.size() <= 100_000 ? reconciliation.importAndReconcile(inventory, "benchmark", ADMIN)
          : storeAndReconcile(inventory);
      totals.add((System.nanoTime() - start) / 1_000_000);
      compares.add(last.durationMs());
    }
    assertThat(last.counts().get(Kind.NOT_IN_LEDGER)).isGreaterThanOrEqualTo(100);
    assertThat(last.counts().get(Kind.NOT_RUNNING)).isGreaterThanOrEqualTo(100);
    assertThat(last.counts().get(Kind.SPEC_MISMATCH)).isGreaterThanOrEqualTo((resources - 100) / 100);
    totals.sort(Long::compare);
    compares.sort(Long::compare);
    List<Long> sql = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      sqlCeiling(last.importId(), round);
      sql.add((System.nanoTime() - start) / 1_000_000);
    }
    sql.sort(Long::compare);
    long ours = compares.get(ROUNDS / 2);
    long ceiling = Math.max(1, sql.get(ROUNDS / 2));
    System.out.printf("BENCHMARK reconciliation: ledger=%d (seeded in %d ms) inventory=%d rounds=%d "
            + "import+validate+reconcile median=%d ms (min %d, max %d); reconcile step median=%d ms; "
            + "SQL ceiling median=%d ms; discrepancies=%s%n",
        resources, seedMs, inventory.size(), ROUNDS, totals.get(ROUNDS / 2), totals.get(0), totals.get(ROUNDS - 1),
        ours, ceiling, last.counts());
    BenchmarkReport.row("ledger reconciliation, " + resources + " resources", ours + " ms (reconcile step; "
        + totals.get(ROUNDS / 2) + " ms with import)", ceiling + " ms (SQL anti-joins and comparisons)",
        String.format("%.1f×", (double) ours / ceiling), "≤ 3× the SQL pass, linear in size");
  }

  /** The shared test database is left as it was found: this run's snapshots, their results and the unit's ledger. */
  private void cleanUp(String unit) {
    String imports = "SELECT id FROM inventory_import WHERE source = 'benchmark'";
    jdbc.update("DELETE FROM ledger_discrepancy WHERE run_id IN (SELECT id FROM reconciliation_run WHERE import_id IN ("
        + imports + "))");
    jdbc.update("DELETE FROM reconciliation_run WHERE import_id IN (" + imports + ")");
    jdbc.update("DELETE FROM inventory_item WHERE import_id IN (" + imports + ")");
    jdbc.update("DELETE FROM inventory_import WHERE source = 'benchmark'");
    jdbc.update("DELETE FROM ledger_history WHERE resource_id LIKE ?", unit + "-%");
    jdbc.update("DELETE FROM ledger_resource WHERE unit_code = ?", unit);
  }

  /**
   * The raw work in the database: every active ledger resource against the snapshot (missing, or spec, location,
   * address, owner differing) and every snapshot row missing from the ledger.
   */
  private void sqlCeiling(long importId, int round) {
    // "l.id > -round" is always true; a different parameter each round keeps H2 from answering from its result cache
    jdbc.queryForObject("SELECT COUNT(*) FROM ledger_resource l LEFT JOIN inventory_item i "
        + "ON i.import_id = ? AND i.resource_id = l.resource_id WHERE l.state <> 'RELEASED' AND (i.id IS NULL "
        + "OR COALESCE(i.vcpu, -1) <> COALESCE(l.vcpu, -1) OR COALESCE(i.memory_gb, -1) <> COALESCE(l.memory_gb, -1) "
        + "OR COALESCE(i.disk_tb, -1) <> COALESCE(l.disk_tb, -1) OR COALESCE(i.location, '') <> COALESCE(l.location, '') "
        + "OR COALESCE(i.ip, '') <> COALESCE(l.ip, '') OR COALESCE(i.unit_code, l.unit_code) <> l.unit_code "
        + "OR (l.state = 'ACTIVE' AND i.power_state <> 'RUNNING')) AND l.id > ?", Long.class, importId, -round - 1);
    jdbc.queryForObject("SELECT COUNT(*) FROM inventory_item i WHERE i.import_id = ? AND NOT EXISTS "
        + "(SELECT 1 FROM ledger_resource l WHERE l.resource_id = i.resource_id) AND i.id > ?", Long.class, importId,
        -round - 1);
  }
}
