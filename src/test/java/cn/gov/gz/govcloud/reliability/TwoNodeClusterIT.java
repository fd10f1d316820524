package cn.gov.gz.govcloud.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.gz.govcloud.benchmark.BenchmarkReport;
import cn.gov.gz.govcloud.benchmark.HttpLoad;
import cn.gov.gz.govcloud.reliability.TimerProbe.Fired;
import cn.gov.gz.govcloud.reliability.TimerProbe.Instance;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two nodes, one PostgreSQL (issue 12, item 2): two processes of the packaged application on different ports share
 * one database, each with the job executor on and its own engine host name. Both serve REST and the webapps; timers
 * fire exactly once, on one node or the other, and both nodes run jobs; a node killed with SIGKILL while holding due
 * jobs leaves them to the other node, which runs them once their lock has expired. Start throughput of one node and of
 * two nodes is measured and printed. PostgreSQL only: an H2 file database belongs to one process.
 */
class TwoNodeClusterIT extends NodeTest {

  /** Job lock time for the test: a dead node's jobs are taken over after this. */
  static final int LOCK_MILLIS = 20_000;

  private AppNode startNode(String hostname, int jobsPerAcquisition, int threads) throws Exception {
    // the cluster settings README "Cluster" documents: not deployment-aware, a distinct host name per node (the job log
    // names it), a lock time longer than the longest job, prompt acquisition
    return startNode(hostname, List.of("camunda.bpm.job-execution.deployment-aware=false",
        "camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
        "camunda.bpm.job-execution.max-jobs-per-acquisition=" + jobsPerAcquisition,
        "camunda.bpm.job-execution.core-pool-size=" + threads,
        "camunda.bpm.job-execution.max-pool-size=" + threads,
        "camunda.bpm.job-execution.queue-capacity=" + Math.max(jobsPerAcquisition, 3)));
  }

  @Test
  void twoNodesShareTheWorkAndTheSurvivorTakesOverTheJobsOfAKilledOne() throws Exception {
    assumeTrue(TestDatabase.postgresSuite(),
        "two nodes need a shared server database: runs on the PostgreSQL suite (./mvnw verify -Ppostgres-tests); "
            + "an H2 file database belongs to one process");
    database = TestDatabase.create("cluster", dataDir);
    long t0 = System.nanoTime();
    // one after the other: the first creates the schema and deploys, the second finds both done
    AppNode a = startNode("node-a", 3, 3);
    // node B takes big batches into a single thread, so that it holds many locked jobs when it is killed
    AppNode b = startNode("node-b", 40, 1);
    System.out.printf("[cluster] both nodes up after %.1f s%n", (System.nanoTime() - t0) / 1e9);
    Rest adminA = new Rest(a, "admin", adminPassword);
    Rest adminB = adminA.on(b);

    // both serve REST and the webapps, on the same data
    for (Rest admin : List.of(adminA, adminB)) {
      assertThat(admin.json("/engine-rest/version").get("version").asText()).startsWith("7.24");
      assertThat(admin.page("/camunda/app/tasklist/")).as("Tasklist on " + admin.node.name).isEqualTo(200);
      assertThat(admin.page("/camunda/app/cockpit/")).as("Cockpit on " + admin.node.name).isEqualTo(200);
      assertThat(admin.as("desk1", DEMO).json("/api/units")).isNotEmpty();
    }
    String started = adminA.as("desk1", DEMO).json("/api/emergencies", Map.of("businessSystemCode", "JTJ-TOCC",
        "category", "INTERRUPTION", "description", "双节点测试", "alertRef", "CLUSTER-" + UUID.randomUUID()), 201)
        .get("emergencyNo").asText();
    assertThat(adminB.json("/api/emergencies/" + started).get("emergency").get("emergencyNo").asText())
        .as("a case started on node A is read on node B").isEqualTo(started);

    measureStartThroughput(a, b);

    // 100 timers due within a few seconds: each fires exactly once, and both nodes run some
    TimerProbe.deploy(adminA);
    List<Instance> spread = TimerProbe.start(adminA, "CLUSTER-SPREAD", 100, Instant.now().plusSeconds(15),
        Duration.ofMillis(60), 1);
    TimerProbe.await("100 timers fired", Duration.ofMinutes(3),
        () -> TimerProbe.waitingAfterTimer(adminA, spread) == spread.size());
    TimerProbe.assertEachFiredExactlyOnce(adminA, spread);
    List<String> spreadIds = spread.stream().map(Instance::id).toList();
    Map<String, Long> byNode = TimerProbe.fired(adminA).stream().filter(f -> spreadIds.contains(f.processInstanceId()))
        .collect(Collectors.groupingBy(Fired::hostname, TreeMap::new, Collectors.counting()));
    System.out.println("[cluster] 100 timers fired, by node: " + byNode);
    assertThat(byNode.keySet()).as("nodes that ran timer jobs").containsExactlyInAnyOrder("node-a", "node-b");

    // 100 heavy timer jobs (80 steps each) due at once: more than node A runs before node B's next acquisition;
    // node B grabs a batch of 40 into its single thread and is killed while it holds it
    List<Instance> takeover = TimerProbe.start(adminA, "CLUSTER-TAKEOVER", 100, Instant.now().plusSeconds(15),
        Duration.ZERO, 80);
    List<String> takeoverIds = takeover.stream().map(Instance::id).toList();
    TimerProbe.await("node B ran a job of the batch (else node A ran them all before node B acquired any)",
        Duration.ofMinutes(2), () -> TimerProbe.fired(adminA).stream()
        .anyMatch(f -> takeoverIds.contains(f.processInstanceId()) && f.hostname().equals("node-b")));
    Instant killedAt = Instant.now();
    b.kill();
    long doneAtKill = TimerProbe.fired(adminA).stream().filter(f -> takeoverIds.contains(f.processInstanceId()))
        .count();
    System.out.printf("[cluster] node B killed; %d of %d timers done at that moment%n", doneAtKill, takeover.size());
    assertThat(doneAtKill).as("jobs still due when node B died").isLessThan(takeover.size());

    TimerProbe.await("node A finished every timer of the batch", Duration.ofMillis(LOCK_MILLIS).plusMinutes(3),
        () -> TimerProbe.waitingAfterTimer(adminA, takeover) == takeover.size());
    TimerProbe.assertEachFiredExactlyOnce(adminA, takeover);
    List<Fired> afterKill = TimerProbe.fired(adminA).stream()
        .filter(f -> takeoverIds.contains(f.processInstanceId()) && f.at().isAfter(killedAt)).toList();
    assertThat(afterKill).as("jobs run after the kill").isNotEmpty()
        .allSatisfy(f -> assertThat(f.hostname()).isEqualTo("node-a"));
    Instant lastTaken = afterKill.stream().map(Fired::at).max(Instant::compareTo).orElseThrow();
    System.out.printf("[cluster] node A ran %d jobs after the kill, the last %.1f s after it (lock time %d s)%n",
        afterKill.size(), Duration.between(killedAt, lastTaken).toMillis() / 1000.0, LOCK_MILLIS / 1000);
    assertThat(lastTaken).as("the jobs node B held were taken over only when their lock had expired")
        .isAfter(killedAt.plusMillis(LOCK_MILLIS / 2));
    assertThat(adminA.page("/camunda/app/tasklist/")).as("node A still serves Tasklist").isEqualTo(200);
    System.out.printf("[cluster] whole test %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  /** Emergency starts over REST (8 closed-loop clients) against node A alone, then spread over both nodes. */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private void measureStartThroughput(AppNode a, AppNode b) throws Exception {
    int clients = Integer.getInteger("cluster.clients", 8);
    int seconds = Integer.getInteger("cluster.seconds", 10);
    String body = "{\"businessSystemCode\":\"JTJ-TOCC\",\"category\":\"DEGRADATION\",\"source\":\"MONITORING\","
        + "\"description\":\"双节点吞吐测试\"}";
    List<AppNode> both = List.of(a, b);
    IntFunction<HttpRequest> alone = n -> HttpLoad.post(a.url("/api/emergencies"), "desk1", DEMO, body, TIMEOUT);
    IntFunction<HttpRequest> spread = n -> HttpLoad.post(both.get(n % 2).url("/api/emergencies"), "desk1", DEMO,
        body, TIMEOUT);
    Predicate<HttpResponse<String>> created = answer -> answer.statusCode() == 201;
    HttpLoad.run("warm-up", clients, 3, spread, created);
    HttpLoad.Result one = HttpLoad.run("one node", clients, seconds, alone, created);
    HttpLoad.Result two = HttpLoad.run("two nodes", clients, seconds, spread, created);
    System.out.printf("[cluster] emergency starts over REST, %d clients x %d s, %d cores: one node %.1f/s "
        + "(p50 %d ms, p99 %d ms), two nodes %.1f/s (p50 %d ms, p99 %d ms), ratio %.2f%n", clients, seconds,
        Runtime.getRuntime().availableProcessors(), one.perSecond(), one.p50Micros() / 1000, one.p99Micros() / 1000,
        two.perSecond(), two.p50Micros() / 1000, two.p99Micros() / 1000, two.perSecond() / one.perSecond());
    int cores = Runtime.getRuntime().availableProcessors();
    BenchmarkReport.row("two nodes on one PostgreSQL: emergency starts over REST, " + clients + " clients × "
            + seconds + " s, both nodes, the database and the load on " + cores + " vCPU",
        String.format("two nodes %.1f/s (p50 %d ms, p99 %d ms)", two.perSecond(), two.p50Micros() / 1000,
            two.p99Micros() / 1000),
        String.format("one node %.1f/s (p50 %d ms, p99 %d ms)", one.perSecond(), one.p50Micros() / 1000,
            one.p99Micros() / 1000),
        String.format("%.2f×", two.perSecond() / one.perSecond()),
        "≥ 1.5× (on separate hosts; on one small host, report)");
    assertThat(one.failed() + two.failed()).as("failed starts").isZero();
    assertThat(two.ok()).as("starts on two nodes").isPositive();
  }
}
