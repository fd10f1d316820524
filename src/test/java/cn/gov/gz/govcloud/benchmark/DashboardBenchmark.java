package cn.gov.gz.govcloud.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.dashboard.DashboardCaches;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.support.WebTest;
import cn.gov.gz.govcloud.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operations dashboard at the city's scale (issue 24: first paint and each refresh within 1 s on PostgreSQL):
 * 500 units, 2,000 business systems, 20,000 ledger resources and a year of history (36,500 work orders, 3,650
 * emergencies with their feedback beats and reports, 18,250 alerts, 1,825 resource applications, four quarterly
 * inspections, twelve monthly optimisation reviews of 20,000 resources each, 2,000 contingency plans, an inventory
 * snapshot), on a clock of its own (2042-06-15). Timed over HTTP with a Tasklist session, as the browser asks:
 * <ul>
 *   <li>first paint, cold: nothing kept, every panel read (live figures, statistics, seven months of KPIs), the
 *       bureau's whole city and one unit's; plus the page's own files (page, script, style, ECharts);</li>
 *   <li>refresh: the live figures read again while the statistics are kept (what every refresh within the statistics'
 *       five minutes costs), and a refresh inside the live figures' seconds (all kept);</li>
 *   <li>the list behind a figure: this month's work orders (the largest), a page of 50.</li>
 * </ul>
 * The ceiling is the bare authenticated webapp call ({@code GET /camunda/api/engine/engine/default/version}) in the same
 * run. Without {@code -Dbenchmark=true} it runs in the suite with 5 units and 30 days (smoke).
 */
class DashboardBenchmark extends WebTest {

  static final boolean FULL = Boolean.getBoolean("benchmark");
  static final int UNITS = Integer.getInteger("benchmark.units", FULL ? 500 : 5);
  static final int SYSTEMS = UNITS * 4;
  static final int RESOURCES = UNITS * 40;
  static final int DAYS = Integer.getInteger("benchmark.days", FULL ? 365 : 30);
  static final int WORK_ORDERS_PER_DAY = FULL ? 100 : 5;
  static final int EMERGENCIES_PER_DAY = FULL ? 10 : 2;
  static final int ALERTS_PER_DAY = FULL ? 50 : 5;
  static final int APPLICATIONS_PER_DAY = FULL ? 5 : 1;
  static final int REVIEWS = FULL ? 12 : 2;
  static final int ROUNDS = FULL ? 7 : 2;
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  /** Before every test's own months (2043 and later), so the other tests' latest review stays theirs. */
  static final Instant NOW = LocalDateTime.parse("2042-06-15T10:00").atZone(CHINA).toInstant();
  static final Caller ADMIN = new Caller("admin", List.of(Groups.ADMIN));

  @Autowired OrganizationService organization;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired ApplicationContext context;

  String prefix;
  List<String> units;
  List<String> systems;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    DashboardCaches.forgetAll(context);
  }

  @Test
  void firstPaintAndRefreshAtTheCitysScale() throws Exception {
    ClockUtil.setCurrentTime(java.util.Date.from(NOW));
    long seedStart = System.nanoTime();
    DashboardCity city = new DashboardCity(jdbc, organization);
    city.seed();
    prefix = city.prefix;
    units = city.units;
    systems = city.systems;
    long seeded = (System.nanoTime() - seedStart) / 1_000_000;
    // a database in service has the planner's statistics (autovacuum); a freshly bulk-loaded one not yet
    if ("PostgreSQL".equalsIgnoreCase(jdbc.execute((java.sql.Connection c) -> c.getMetaData()
        .getDatabaseProductName()))) {
      jdbc.execute("ANALYZE");
    }
    String unitUser = prefix.toLowerCase() + "user";
    User u = processEngine.getIdentityService().newUser(unitUser);
    u.setPassword(DEMO_PASSWORD);
    u.setFirstName("基准");
    u.setLastName("单位用户");
    processEngine.getIdentityService().saveUser(u);
    processEngine.getIdentityService().createMembership(unitUser, Groups.UNIT_USER);
    processEngine.getIdentityService().createMembership(unitUser, Groups.unitGroup(units.get(0)));

    WebappSession bureau = WebappSession.login(port, "tasklist", "mgmt1", DEMO_PASSWORD);
    WebappSession unit = WebappSession.login(port, "tasklist", unitUser, DEMO_PASSWORD);
    String api = "/camunda/api/govcloud/dashboard";

    // warm-up: the JIT and the connection pool, not the dashboard's own keeping
    for (int i = 0; i < 2; i++) {
      DashboardCaches.forgetAll(context);
      get(bureau, api);
    }
    List<Long> bare = time(ROUNDS * 3, () -> { }, () -> bureau.engineGet("version").statusCode());
    List<Long> cold = time(ROUNDS, () -> DashboardCaches.forgetAll(context), () -> get(bureau, api));
    List<Long> coldUnit = time(ROUNDS, () -> DashboardCaches.forgetAll(context), () -> get(unit, api));
    get(bureau, api);
    List<Long> liveRefresh = time(ROUNDS, () -> DashboardCaches.forgetLive(context), () -> get(bureau, api));
    List<Long> kept = time(ROUNDS, () -> { }, () -> get(bureau, api));
    String month = YearMonth.from(NOW.atZone(CHINA)).toString();
    List<Long> list = time(ROUNDS, () -> { }, () -> get(bureau, api + "/lists/work-orders?received=" + month));
    long assets = assets();

    // the answer holds the city: every unit's cost, seven months of KPIs, this quarter's inspection
    JsonNode s = json.readTree(bureau.getBytes(api, "application/json").body());
    assertThat(s.at("/sections/evaluation/data/months").size()).isEqualTo(7);
    assertThat(s.at("/sections/inspection/data/areas").asLong()).isEqualTo(40);
    assertThat(s.at("/sections/resources/data/total/value").asLong()).isGreaterThanOrEqualTo(RESOURCES * 95L / 100);
    JsonNode mine = json.readTree(unit.getBytes(api, "application/json").body());
    assertThat(mine.at("/sections/resources/data/total/value").asLong()).isEqualTo(RESOURCES / UNITS);
    if (FULL) {
      // in the suite another test's review of a later month may be the latest; alone, the benchmark's is
      assertThat(s.at("/sections/costs/data/units").asInt()).isEqualTo(UNITS);
      assertThat(mine.at("/sections/costs/data/units").asInt()).isEqualTo(1);
    }

    String sizes = UNITS + " units, " + SYSTEMS + " systems, " + RESOURCES + " resources, " + DAYS + " days";
    System.out.printf("BENCHMARK dashboard: %s seeded in %d ms (%d work orders, %d emergencies, %d alerts, %d reviews "
            + "x %d resources); %d rounds each%n", sizes, seeded, DAYS * WORK_ORDERS_PER_DAY,
        DAYS * EMERGENCIES_PER_DAY, DAYS * ALERTS_PER_DAY, REVIEWS, RESOURCES, ROUNDS);
    System.out.printf("BENCHMARK   first paint, cold (bureau, whole city)   %s%n", stats(cold));
    System.out.printf("BENCHMARK   first paint, cold (one unit)             %s%n", stats(coldUnit));
    System.out.printf("BENCHMARK   refresh, live figures read again       %s%n", stats(liveRefresh));
    System.out.printf("BENCHMARK   refresh, within the live figures' TTL  %s%n", stats(kept));
    System.out.printf("BENCHMARK   list behind a figure (month's work orders, page of 50) %s%n", stats(list));
    System.out.printf("BENCHMARK   page files (page, script, style, ECharts 1 MB) %d ms%n", assets);
    System.out.printf("BENCHMARK   bare authenticated webapp call          %s%n", stats(bare));
    BenchmarkReport.row("dashboard first paint at city scale (" + sizes + " of history), over HTTP with a session",
        "bureau cold p50 " + p(cold, 50) + " ms, max " + max(cold) + " ms; one unit cold p50 " + p(coldUnit, 50)
            + " ms; page files " + assets + " ms",
        "bare session call p50 " + p(bare, 50) + " ms", "cold max + files = " + (max(cold) + assets) + " ms",
        "≤ 1,000 ms (issue 24)");
    BenchmarkReport.row("dashboard refresh at city scale",
        "live figures read again p50 " + p(liveRefresh, 50) + " ms, max " + max(liveRefresh) + " ms; kept "
            + p(kept, 50) + " ms; list page p50 " + p(list, 50) + " ms",
        "bare session call p50 " + p(bare, 50) + " ms", "—", "≤ 1,000 ms (issue 24)");
  }

  // ---- measuring

  String get(WebappSession session, String path) {
    HttpResponse<byte[]> r = session.getBytes(path, "application/json");
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return null;
  }

  static List<Long> time(int rounds, Runnable before, Supplier<?> work) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      before.run();
      long t = System.nanoTime();
      work.get();
      out.add((System.nanoTime() - t) / 1_000_000);
    }
    out.sort(Long::compare);
    return out;
  }

  static long p(List<Long> sorted, int percentile) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
  }

  static long max(List<Long> sorted) {
    return sorted.get(sorted.size() - 1);
  }

  static String stats(List<Long> sorted) {
    return String.format("p50 %5d ms  max %5d ms  min %5d ms", p(sorted, 50), max(sorted), sorted.get(0));
  }

  /** The page's own files, fetched one after another as a browser without a cache would. */
  long assets() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long t = System.nanoTime();
    for (String path : List.of("/dashboard/", "/dashboard/dashboard.css", "/dashboard/dashboard.js",
        "/webjars/echarts/5.3.1/dist/echarts.min.js")) {
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).as(path).isEqualTo(200);
    }
    return (System.nanoTime() - t) / 1_000_000;
  }
}
