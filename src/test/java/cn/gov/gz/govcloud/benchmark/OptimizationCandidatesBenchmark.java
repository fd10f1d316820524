package cn.gov.gz.govcloud.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.optimization.AppendixCRules;
import cn.gov.gz.govcloud.optimization.AppendixCRules.Classification;
import cn.gov.gz.govcloud.optimization.AppendixCRules.Figures;
import cn.gov.gz.govcloud.optimization.Candidate;
import cn.gov.gz.govcloud.optimization.CandidateClassification;
import cn.gov.gz.govcloud.optimization.OptimizationService;
import cn.gov.gz.govcloud.optimization.OptimizationService.Usage;
import cn.gov.gz.govcloud.optimization.Review;
import cn.gov.gz.govcloud.optimization.UsageMeasurement;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.organization.Unit;
import cn.gov.gz.govcloud.support.WebTest;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appendix C candidates at the city's scale (DOMAIN.md §7): a ledger of 20,000 resources with 90 days of daily
 * monitoring aggregates and planted candidates of every class; the review's statistics, costing and DMN
 * classification must find exactly the planted ones (with their targets: a resource matching two Appendix C rows has
 * two candidates). The DMN path is timed against a plain SQL + Java pass over the
 * same aggregates (the rules written in Java, for comparison only), and against the engine's DecisionService on a
 * sample. Without {@code -Dbenchmark=true} it runs in the suite with 200 resources and 20 days; run the full size with
 * {@code ./mvnw test -Dtest=OptimizationCandidatesBenchmark -Dbenchmark=true} (add {@code -Ppostgres-tests} for
 * PostgreSQL; sizes {@code -Dbenchmark.resources=20000 -Dbenchmark.days=90}). Results in benchmarks/RESULTS.md.
 */
class OptimizationCandidatesBenchmark extends WebTest {

  static final boolean FULL = Boolean.getBoolean("benchmark");
  static final int RESOURCES = Integer.getInteger("benchmark.resources", FULL ? 20_000 : 200);
  static final int DAYS = Integer.getInteger("benchmark.days", FULL ? 90 : 20);
  static final int UNITS = FULL ? 50 : 5;
  static final int DECISION_SERVICE_SAMPLE = FULL ? 2_000 : 50;
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final Caller ADMIN = new Caller("admin", List.of(Groups.ADMIN));
  static final LocalDate FROM = LocalDate.parse("2040-01-01");

  @Autowired
  OptimizationService service;

  @Autowired
  UsageMeasurement measurement;

  @Autowired
  CandidateClassification classification;

  @Autowired
  AppendixCRules rules;

  @Autowired
  OrganizationService organization;

  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** What resource i is and what it should be classified as. */
  record Plant(String type, Integer vcpu, Integer memoryGb, BigDecimal diskTb, Double cpu, Double mem, Double storage,
      int offFrom, int offDays, int missingDays, String expected) {}

  static Plant plant(int i) {
    int v = 4 + (i % 4) * 4;
    return switch (i % 100) {
      case 0 -> new Plant("VM", v, v * 4, new BigDecimal("0.5"), 3.0, 5.0, 55.0, 0, 0, 0, "SCALE_DOWN/CPU_MEMORY");
      case 1 -> new Plant("VM", v, v * 4, null, 30.0, 40.0, null, Math.max(0, DAYS - 20), 16, 0, "REVOKE/ALL");
      case 2 -> new Plant("VM", v, v * 4, null, 95.0, 60.0, null, 0, 0, 0, "SCALE_UP/CPU");
      case 3 -> new Plant("VM", v, v * 4, null, null, null, null, 0, 0, DAYS, "PLUGIN_ABNORMAL/PLUGIN");
      case 4 -> new Plant("VM", v, v * 4, new BigDecimal("1"), 40.0, 50.0, 25.0, 0, 0, 0, "SCALE_DOWN/STORAGE");
      case 5 -> new Plant("STORAGE", null, null, new BigDecimal("10"), null, null, 29.0, 0, 0, 0, "SCALE_DOWN/STORAGE");
      case 6 -> new Plant("PHYSICAL", 32, 256, null, 3.0, 5.0, null, 0, 0, 0, "REVOKE/ALL");
      case 7 -> new Plant("PHYSICAL", 32, 256, new BigDecimal("2"), 30.0, 40.0, 60.0, 0, 0, 5, "PLUGIN_ABNORMAL/PLUGIN");
      // two rows of one resource: two candidates; a revocation supersedes the array's scale-down
      case 12 -> new Plant("VM", v, v * 4, new BigDecimal("0.5"), 3.0, 5.0, 10.0, 0, 0, 0,
          "SCALE_DOWN/CPU_MEMORY+SCALE_DOWN/STORAGE");
      case 13 -> new Plant("PHYSICAL", 32, 256, new BigDecimal("2"), 3.0, 5.0, 10.0, 0, 0, 0, "REVOKE/ALL");
      // near misses that must be kept
      case 8 -> new Plant("VM", v, v * 4, null, 30.0, 40.0, null, Math.max(0, DAYS - 16), 14, 0, "KEEP");
      case 9 -> new Plant("VM", v, v * 4, null, 8.0, 9.0, null, 0, 0, 0, "KEEP");
      case 10 -> new Plant("STORAGE", null, null, new BigDecimal("10"), null, null, 35.0, 0, 0, 0, "KEEP");
      case 11 -> new Plant("VM", v, v * 4, null, 90.0, 50.0, null, 0, 0, 2, "KEEP");
      default -> switch (i % 7) {
        // utilisation with two decimals, thousands of distinct values as real data has
        case 0, 1, 2 -> new Plant("VM", v, v * 4, new BigDecimal("0.5"), 20 + (i * 7919L % 5000) / 100.0,
            30 + (i * 104729L % 4000) / 100.0, 50 + (i * 1299709L % 3000) / 100.0, 0, 0, 0, "KEEP");
        case 3 -> new Plant("PHYSICAL", 32, 256, new BigDecimal("4"), 30.0, 40.0, 60.0, 0, 0, 0, "KEEP");
        case 4 -> new Plant("STORAGE", null, null, new BigDecimal("20"), null, null, 65.0, 0, 0, 0, "KEEP");
        case 5 -> new Plant("DATABASE", 8, 32, null, 2.0, 3.0, null, 0, 0, 0, "KEEP");
        default -> new Plant("OTHER", null, null, null, 35.0, 45.0, null, 0, 0, 0, "KEEP");
      };
    };
  }

  @Test
  void candidatesAreExactlyThePlantedOnes() {
    String prefix = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
    List<Unit> units = new ArrayList<>();
    for (int u = 0; u < UNITS; u++) {
      units.add(new Unit(prefix + u, "基准单位" + prefix + u, null, null, null));
    }
    organization.registerUnits(units, ADMIN, true);
    LocalDate to = FROM.plusDays(DAYS - 1L);
    Timestamp created = Timestamp.from(FROM.minusDays(30).atStartOfDay(CHINA).toInstant());

    long seedStart = System.nanoTime();
    List<Object[]> ledger = new ArrayList<>();
    Map<String, String> expected = new HashMap<>();
    for (int i = 0; i < RESOURCES; i++) {
      Plant p = plant(i);
      String id = prefix + "-" + i;
      ledger.add(new Object[] {id, prefix + (i % UNITS), p.type(), p.vcpu(), p.memoryGb(), p.diskTb(), created,
          created});
      if (!"KEEP".equals(p.expected())) {
        expected.put(id, p.expected());
      }
    }
    jdbc.batchUpdate("INSERT INTO ledger_resource (resource_id, unit_code, type, vcpu, memory_gb, disk_tb, state, "
        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)", ledger);
    int chunk = 200;
    long dailyRows = 0;
    for (int start = 0; start < RESOURCES; start += chunk) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = start; i < Math.min(RESOURCES, start + chunk); i++) {
        Plant p = plant(i);
        for (int d = p.missingDays(); d < DAYS; d++) {
          boolean off = d >= p.offFrom() && d < p.offFrom() + p.offDays();
          rows.add(new Object[] {prefix + "-" + i, FROM.plusDays(d), p, off});
        }
      }
      dailyRows += rows.size();
      insertDaily(rows);
    }
    long seedMs = (System.nanoTime() - seedStart) / 1_000_000;

    ClockUtil.setCurrentTime(java.util.Date.from(LocalDateTime.of(to.plusDays(1), java.time.LocalTime.of(9, 0))
        .atZone(CHINA).toInstant()));
    // warm-up, untimed: one read of the fresh rows, so that the first path timed does not pay alone for the cold
    // cache (and, on PostgreSQL, for setting the hint bits of 1.8 million new rows on their first read); its statements
    // are marked so that H2 does not answer the timed pass from the result it keeps for an unchanged cached statement
    plainPass(to, "/* warm-up */ ");
    // the DMN path, as the process runs it: statistics, costing, classification with the decision
    long t0 = System.nanoTime();
    Review review = service.create(FROM, to, null, null, "benchmark");
    int resources = measurement.computeUsage(review.id()).resources();
    long t1 = System.nanoTime();
    measurement.computeCosts(review.id());
    long t2 = System.nanoTime();
    classification.classify(review.id());
    long t3 = System.nanoTime();
    Review classified = service.get(review.id());

    Map<String, String> found = service.candidates(review.id(), null, null, null, null, Integer.MAX_VALUE).stream()
        .filter(c -> c.resourceId().startsWith(prefix + "-"))
        .collect(Collectors.groupingBy(Candidate::resourceId, Collectors.mapping(c -> c.action() + "/" + c.target(),
            Collectors.collectingAndThen(Collectors.toList(), l -> String.join("+", l.stream().sorted().toList())))));
    assertThat(found).as("candidates are exactly the planted ones").isEqualTo(expected);

    // the same classification, rules in Java, over the same aggregates read by plain SQL
    long j0 = System.nanoTime();
    Map<String, String> plain = plainPass(to, "");
    long j1 = System.nanoTime();
    Map<String, String> plainMine = plain.entrySet().stream().filter(e -> e.getKey().startsWith(prefix + "-"))
        .filter(e -> !"KEEP".equals(e.getValue())).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(plainMine).as("the plain pass agrees").isEqualTo(expected);

    // classification alone, in memory, on the same figures: DMN vs Java, and a sample through the DecisionService
    List<Figures> figures = service.usage(review.id()).stream().map(OptimizationCandidatesBenchmark::figures)
        .toList();
    rules.classify(figures.subList(0, Math.min(1000, figures.size()))); // warm-up
    long d0 = System.nanoTime();
    List<List<Classification>> dmn = rules.classify(figures);
    long d1 = System.nanoTime();
    List<String> java = figures.stream().map(OptimizationCandidatesBenchmark::javaRules).toList();
    long d2 = System.nanoTime();
    for (int i = 0; i < figures.size(); i++) {
      String got = String.join("+", dmn.get(i).stream().map(c -> c.action() + "/" + c.target()).sorted().toList());
      assertThat(got.isEmpty() ? "KEEP" : got).isEqualTo(java.get(i));
    }
    List<Figures> sample = figures.subList(0, Math.min(DECISION_SERVICE_SAMPLE, figures.size()));
    long s0 = System.nanoTime();
    rules.classifyThroughDecisionService(sample);
    long s1 = System.nanoTime();

    System.out.printf("BENCHMARK optimization-candidates: resources=%d (ledger total in period %d) days=%d "
            + "dailyRows=%d seeded in %d ms; DMN path: statistics %d ms + costing %d ms + classification %d ms "
            + "(DMN evaluation %d ms) = %d ms; plain SQL+Java pass %d ms; in memory on %d figures: DMN %d ms, "
            + "Java %d ms; DecisionService with history %d evaluations in %d ms (%.2f ms each); candidates=%d%n",
        RESOURCES, resources, DAYS, dailyRows, seedMs, ms(t0, t1), ms(t1, t2), ms(t2, t3), classified.classifyMs(),
        ms(t0, t3), ms(j0, j1), figures.size(), ms(d0, d1), ms(d1, d2), sample.size(), ms(s0, s1),
        (s1 - s0) / 1e6 / Math.max(1, sample.size()), expected.size());
    BenchmarkReport.row("Appendix C candidates, " + RESOURCES + " resources × " + DAYS + " days",
        ms(t0, t3) + " ms (statistics, costing, DMN classification; " + expected.size() + " found = planted)",
        ms(j0, j1) + " ms (same SQL, rules in Java)", String.format("%.1f×", (double) ms(t0, t3) / Math.max(1,
            ms(j0, j1))), "≤ 3× the plain pass");
  }

  static long ms(long a, long b) {
    return (b - a) / 1_000_000;
  }

  static Figures figures(Usage u) {
    return new Figures(u.type(), u.daysInPeriod(), u.monitoredDays(), u.offDaysRun(), u.cpuAvg(), u.memoryAvg(),
        u.diskTb(), u.storageAvg());
  }

  private void insertDaily(List<Object[]> rows) {
    jdbc.batchUpdate("INSERT INTO monitoring_daily (resource_id, sample_day, sample_count, cpu_sum, cpu_count, cpu_max, "
        + "cpu_min, memory_sum, memory_count, memory_max, memory_min, storage_sum, storage_count, storage_max, "
        + "storage_min, sync_count, power_off_count, last_sampled_at, last_power_on) "
        + "VALUES (?, ?, 288, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)", new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            Object[] r = rows.get(i);
            Plant p = (Plant) r[2];
            boolean off = (Boolean) r[3];
            LocalDate day = (LocalDate) r[1];
            ps.setString(1, (String) r[0]);
            ps.setDate(2, Date.valueOf(day));
            metric(ps, 3, off ? null : p.cpu());
            metric(ps, 7, off ? null : p.mem());
            metric(ps, 11, off ? null : p.storage());
            ps.setInt(15, off ? 288 : 0);
            ps.setTimestamp(16, Timestamp.from(day.atTime(23, 55).atZone(CHINA).toInstant()));
            ps.setBoolean(17, !off);
          }

          @Override
          public int getBatchSize() {
            return rows.size();
          }
        });
  }

  private static void metric(PreparedStatement ps, int at, Double v) throws SQLException {
    if (v == null) {
      ps.setNull(at, Types.DECIMAL);
      ps.setInt(at + 1, 0);
      ps.setNull(at + 2, Types.DECIMAL);
      ps.setNull(at + 3, Types.DECIMAL);
    } else {
      ps.setBigDecimal(at, BigDecimal.valueOf(v * 288));
      ps.setInt(at + 1, 288);
      ps.setBigDecimal(at + 2, BigDecimal.valueOf(v + 1));
      ps.setBigDecimal(at + 3, BigDecimal.valueOf(Math.max(0, v - 1)));
    }
  }

  /** The comparison: one GROUP BY over the daily aggregates, the off days, and the Appendix C rules in Java. */
  private Map<String, String> plainPass(LocalDate to, String mark) {
    Map<String, Object[]> ledger = new HashMap<>();
    jdbc.query(mark + "SELECT resource_id, type, disk_tb FROM ledger_resource WHERE state <> 'RELEASED'", rs -> {
      ledger.put(rs.getString(1), new Object[] {rs.getString(2), rs.getBigDecimal(3)});
    });
    Map<String, BigDecimal[]> agg = new HashMap<>();
    Map<String, Integer> monitored = new HashMap<>();
    jdbc.query(mark + "SELECT resource_id, COUNT(*), SUM(cpu_sum) / NULLIF(SUM(cpu_count), 0), "
        + "SUM(memory_sum) / NULLIF(SUM(memory_count), 0), SUM(storage_sum) / NULLIF(SUM(storage_count), 0) "
        + "FROM monitoring_daily WHERE sample_day >= ? AND sample_day <= ? AND sample_count > 0 GROUP BY resource_id",
        rs -> {
          monitored.put(rs.getString(1), rs.getInt(2));
          agg.put(rs.getString(1), new BigDecimal[] {rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)});
        }, Date.valueOf(FROM), Date.valueOf(to));
    Map<String, TreeSet<LocalDate>> off = new HashMap<>();
    jdbc.query(mark + "SELECT resource_id, sample_day FROM monitoring_daily WHERE sample_day >= ? AND sample_day <= ? "
        + "AND sample_count > 0 AND power_off_count >= sample_count", rs -> {
          off.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getDate(2).toLocalDate());
        }, Date.valueOf(FROM), Date.valueOf(to));
    Map<String, String> out = new HashMap<>();
    for (var e : ledger.entrySet()) {
      BigDecimal[] a = agg.getOrDefault(e.getKey(), new BigDecimal[3]);
      int run = 0;
      int best = 0;
      LocalDate prev = null;
      for (LocalDate d : off.getOrDefault(e.getKey(), new TreeSet<>())) {
        run = prev != null && prev.plusDays(1).equals(d) ? run + 1 : 1;
        best = Math.max(best, run);
        prev = d;
      }
      out.put(e.getKey(), javaRules(new Figures((String) e.getValue()[0], DAYS, monitored.getOrDefault(e.getKey(), 0),
          best, a[0], a[1], (BigDecimal) e.getValue()[1], a[2])));
    }
    return out;
  }

  /**
   * Appendix C written in Java: only the benchmark's baseline; the application evaluates the DMN. Every matching row is
   * a recommendation ("ACTION/TARGET", sorted, joined by "+"), KEEP when none.
   */
  static String javaRules(Figures f) {
    double cpu = f.cpuAvg() == null ? Double.NaN : f.cpuAvg().doubleValue();
    double mem = f.memoryAvg() == null ? Double.NaN : f.memoryAvg().doubleValue();
    double sto = f.storageAvg() == null ? Double.NaN : f.storageAvg().doubleValue();
    double disk = f.diskTb() == null ? Double.NaN : f.diskTb().doubleValue();
    String t = f.resourceType();
    boolean compute = "VM".equals(t) || "PHYSICAL".equals(t);
    boolean array = compute || "STORAGE".equals(t);
    if (f.monitoredDays() == 0 || f.daysInPeriod() - f.monitoredDays() >= 3) {
      return "PLUGIN_ABNORMAL/PLUGIN";
    }
    if (f.offDaysRun() >= 15 || "PHYSICAL".equals(t) && cpu < 5 && mem < 10) {
      return "REVOKE/ALL";
    }
    List<String> out = new ArrayList<>();
    if (compute && cpu > 90) {
      out.add("SCALE_UP/CPU");
    }
    if (compute && mem > 90) {
      out.add("SCALE_UP/MEMORY");
    }
    if (sto > 90) {
      out.add("SCALE_UP/STORAGE");
    }
    if ("VM".equals(t) && cpu < 8 && mem < 10) {
      out.add("SCALE_DOWN/CPU_MEMORY");
    }
    if (array && (disk < 1 && sto < 20 || disk >= 1 && disk <= 10 && sto < 30 || disk > 10 && sto < 40)) {
      out.add("SCALE_DOWN/STORAGE");
    }
    return out.isEmpty() ? "KEEP" : String.join("+", out.stream().sorted().toList());
  }
}
