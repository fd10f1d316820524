package cn.gov.gz.govcloud.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.WebTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.UUID;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Starting emergencies over HTTP with 32 concurrent clients on loopback, side by side with the ceiling: a bare
 * one-user-task process started over the engine REST API by the same user in the same run (issue: benchmarks).
 * At full size a second ceiling is measured in the same rounds (issue 26): the plain Camunda 7.24 application of
 * benchmarks/plain-camunda, built and started by the benchmark on its own database ({@code -Dbenchmark.noPlain=true}
 * leaves it out). Run with {@code ./mvnw test -Dtest=EmergencyStartBenchmark -Dbenchmark=true}; results in
 * benchmarks/RESULTS.md.
 * Sizes: {@code -Dbenchmark.clients=32 -Dbenchmark.seconds=20}. Without {@code -Dbenchmark=true} it runs in the test
 * suite as a smoke test (2 clients, 1 s), so the harness cannot rot.
 */
class EmergencyStartBenchmark extends WebTest {

  static final boolean FULL = Boolean.getBoolean("benchmark");
  static final int CLIENTS = Integer.getInteger("benchmark.clients", FULL ? 32 : 2);
  static final int SECONDS = Integer.getInteger("benchmark.seconds", FULL ? 20 : 1);
  static final int WARM_UP = FULL ? Math.max(3, SECONDS / 4) : 1;
  /** The start comparison alternates bare and emergency in this many rounds of SECONDS / ROUNDS each. */
  static final int ROUNDS = FULL ? 4 : 1;
  /** Whether the plain Camunda application is built, started and measured too (full size, unless turned off). */
  static final boolean PLAIN = FULL && !Boolean.getBoolean("benchmark.noPlain");
  static final String BARE = "benchmark-bare-start";
  static final String USER = "desk1";

  record Run(String name, int ok, int failed, double perSecond, long p50Micros, long p99Micros) {
    @Override
    public String toString() {
      return String.format("%-28s %7.1f /s  p50 %6.1f ms  p99 %6.1f ms  (%d ok, %d failed)", name, perSecond,
          p50Micros / 1000.0, p99Micros / 1000.0, ok, failed);
    }
  }

  @Test
  void emergencyStartAgainstBareEngineStart() throws Exception {
    processEngine.getRepositoryService().createDeployment().name("benchmark").addModelInstance(BARE + ".bpmn",
        Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(1).startEvent().userTask("Task_Bare")
            .camundaCandidateGroups("service-desk").endEvent().done()).deploy();
    AuthorizationService authz = processEngine.getAuthorizationService();
    grant(authz, Resources.PROCESS_DEFINITION, BARE, Permissions.CREATE_INSTANCE);
    grant(authz, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);

    String base = "http://127.0.0.1:" + port;
    String emergencyBody = "{\"businessSystemCode\":\"JTJ-OA\",\"category\":\"INTERRUPTION\","
        + "\"description\":\"基准测试：系统不可用\",\"source\":\"MONITORING\",\"detectedAt\":\"%s\","
        + "\"alertRef\":\"BENCH-%s\",\"reporter\":\"基准测试\"}";
    IntFunction<HttpRequest> emergency = i -> post(base + "/api/emergencies",
        emergencyBody.formatted(Instant.now().toString(), UUID.randomUUID()));
    IntFunction<HttpRequest> bare = i -> post(base + "/engine-rest/process-definition/key/" + BARE + "/start",
        "{\"businessKey\":\"BENCH-" + UUID.randomUUID() + "\"}");
    List<Run> bareRounds = new java.util.ArrayList<>();
    List<Run> emergencyRounds = new java.util.ArrayList<>();
    List<Run> plainRounds = new java.util.ArrayList<>();

    // the second ceiling (issue 26): a plain Camunda application with default settings, at full size only
    try (PlainCamunda plain = PLAIN ? PlainCamunda.start() : null) {
      IntFunction<HttpRequest> plainStart = plain == null ? null
          : i -> plain.startRequest("BENCH-" + UUID.randomUUID());
      load("warm-up (emergency)", emergency, WARM_UP);
      load("warm-up (bare)", bare, WARM_UP);
      if (plain != null) {
        load("warm-up (plain Camunda)", plainStart, WARM_UP);
      }
      // alternate rounds, so that no side gets the quieter or the better-warmed part of the run
      for (int round = 1; round <= ROUNDS; round++) {
        bareRounds.add(load("bare engine start #" + round, bare, SECONDS / ROUNDS));
        emergencyRounds.add(load("emergency-response start #" + round, emergency, SECONDS / ROUNDS));
        if (plain != null) {
          plainRounds.add(load("plain Camunda start #" + round, plainStart, SECONDS / ROUNDS));
        }
      }
    }
    Run bareRun = combine("bare engine start", bareRounds);
    Run emergencyRun = combine("emergency-response start", emergencyRounds);
    if (!plainRounds.isEmpty()) {
      Run plainRun = combine("plain Camunda start", plainRounds);
      System.out.printf("BENCHMARK emergency start against plain Camunda 7.24 (default settings, own process), "
          + "%d clients:%n  %s%n  %s%n  ratio: throughput %.0f %% of plain (target >= 35 %%), p99 %.1fx plain "
          + "(target <= 3x)%n", CLIENTS, plainRun, emergencyRun, 100.0 * emergencyRun.perSecond() / plainRun.perSecond(),
          (double) emergencyRun.p99Micros() / Math.max(1, plainRun.p99Micros()));
      BenchmarkReport.row("start emergency-response over REST against plain Camunda, " + CLIENTS + " clients",
          String.format("%.1f starts/s, p99 %.0f ms", emergencyRun.perSecond(), emergencyRun.p99Micros() / 1000.0),
          String.format("plain Camunda 7.24 application, default settings, start → user task with a 5-minute "
              + "timer: %.1f starts/s, p99 %.0f ms", plainRun.perSecond(), plainRun.p99Micros() / 1000.0),
          String.format("%.0f %% of plain; p99 %.1f×", 100.0 * emergencyRun.perSecond() / plainRun.perSecond(),
              (double) emergencyRun.p99Micros() / Math.max(1, plainRun.p99Micros())),
          "≥ 35 %; p99 ≤ 3× (issue 26)");
      assertThat(plainRun.failed()).isZero();
    }

    System.out.printf("BENCHMARK emergency start over HTTP, %d clients, %d s each:%n  %s%n  %s%n"
        + "  ratio: throughput %.0f %% of bare (target >= 50 %%), p99 %.1fx bare (target <= 3x)%n", CLIENTS, SECONDS,
        bareRun, emergencyRun, 100.0 * emergencyRun.perSecond() / bareRun.perSecond(),
        (double) emergencyRun.p99Micros() / bareRun.p99Micros());
    // completing the respond task against completing the bare process's one user task, over the same REST API
    Queue<String> bareTasks = new ConcurrentLinkedQueue<>(benchTasks("Task_Bare"));
    Queue<String> respondTasks = new ConcurrentLinkedQueue<>(benchTasks("Task_RespondEmergency"));
    String complete = base + "/engine-rest/task/%s/complete";
    Run bareDone = load("bare task complete", i -> next(bareTasks, complete, "desk1", "{}"), SECONDS);
    Run respondDone = load("respond task complete", i -> next(respondTasks, complete, "engineer1",
        "{\"variables\": {\"firstAssessment\": {\"value\": \"基准测试：初步研判\"}}}"), SECONDS);
    System.out.printf("BENCHMARK complete over HTTP, %d clients:%n  %s%n  %s%n  ratio: %.0f %% of bare, p99 %.1fx%n",
        CLIENTS, bareDone, respondDone, 100.0 * respondDone.perSecond() / bareDone.perSecond(),
        (double) respondDone.p99Micros() / Math.max(1, bareDone.p99Micros()));
    BenchmarkReport.row("complete the respond task over REST, " + CLIENTS + " clients",
        String.format("%.1f completions/s, p99 %.0f ms", respondDone.perSecond(), respondDone.p99Micros() / 1000.0),
        String.format("bare one-task completion: %.1f/s, p99 %.0f ms", bareDone.perSecond(),
            bareDone.p99Micros() / 1000.0),
        String.format("%.0f %% of bare; p99 %.1f×", 100.0 * respondDone.perSecond() / bareDone.perSecond(),
            (double) respondDone.p99Micros() / Math.max(1, bareDone.p99Micros())), "—");
    assertThat(respondDone.failed()).isZero();
    assertThat(bareDone.failed()).isZero();
    assertThat(respondDone.ok()).isPositive();

    BenchmarkReport.row("start emergency-response over REST, " + CLIENTS + " clients",
        String.format("%.1f starts/s, p50 %.0f ms, p99 %.0f ms", emergencyRun.perSecond(),
            emergencyRun.p50Micros() / 1000.0, emergencyRun.p99Micros() / 1000.0),
        String.format("bare one-task process: %.1f starts/s, p99 %.0f ms", bareRun.perSecond(),
            bareRun.p99Micros() / 1000.0),
        String.format("%.0f %% of bare; p99 %.1f×", 100.0 * emergencyRun.perSecond() / bareRun.perSecond(),
            (double) emergencyRun.p99Micros() / Math.max(1, bareRun.p99Micros())),
        "≥ 50 %; p99 ≤ 3×");
    assertThat(emergencyRun.failed()).isZero();
    assertThat(bareRun.failed()).isZero();
    assertThat(emergencyRun.ok()).isPositive();
    assertThat(bareRun.ok()).isPositive();
  }

  /** The shared test database is left as it was found: the started instances (and their tasks) are deleted. */
  @AfterEach
  void deleteStartedInstances() {
    var runtime = processEngine.getRuntimeService();
    List<String> ids = runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("BENCH-%").list().stream()
        .map(pi -> pi.getId()).toList();
    if (!ids.isEmpty()) {
      runtime.deleteProcessInstances(ids, "基准测试结束", true, true);
    }
  }

  /** The open tasks of this benchmark's instances at one activity, oldest first. */
  private List<String> benchTasks(String activityId) {
    return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKeyLike("BENCH-%")
        .taskDefinitionKey(activityId).orderByTaskCreateTime().asc().list().stream().map(t -> t.getId()).toList();
  }

  /** A request completing the next task of the queue, or null when none is left. */
  private static HttpRequest next(Queue<String> tasks, String uriPattern, String user, String body) {
    String id = tasks.poll();
    return id == null ? null
        : HttpLoad.post(uriPattern.formatted(id), user, DEMO_PASSWORD, body, Duration.ofSeconds(30));
  }

  private HttpRequest post(String uri, String body) {
    return HttpLoad.post(uri, USER, DEMO_PASSWORD, body, Duration.ofSeconds(30));
  }

  /** Rounds taken together: throughput over all of them, p50 and p99 the median of the rounds'. */
  private static Run combine(String name, List<Run> rounds) {
    int ok = rounds.stream().mapToInt(Run::ok).sum();
    int failed = rounds.stream().mapToInt(Run::failed).sum();
    double seconds = rounds.stream().mapToDouble(r -> r.perSecond() == 0 ? 0 : r.ok() / r.perSecond()).sum();
    Run run = new Run(name + " (" + rounds.size() + " rounds)", ok, failed, seconds == 0 ? 0 : ok / seconds,
        median(rounds.stream().mapToLong(Run::p50Micros).toArray()),
        median(rounds.stream().mapToLong(Run::p99Micros).toArray()));
    System.out.println("BENCHMARK " + run);
    return run;
  }

  private static long median(long[] values) {
    java.util.Arrays.sort(values);
    return values.length % 2 == 1 ? values[values.length / 2]
        : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
  }

  /** CLIENTS closed-loop clients over loopback for seconds; an answer 2xx counts as a start. */
  private Run load(String name, IntFunction<HttpRequest> request, int seconds) throws Exception {
    HttpLoad.Result r = HttpLoad.run(name, CLIENTS, seconds, request, answer -> answer.statusCode() / 100 == 2);
    Run run = new Run(name, r.ok(), r.failed(), r.ok() / r.seconds(), r.p50Micros(), r.p99Micros());
    System.out.println("BENCHMARK " + run);
    return run;
  }


  private static void grant(AuthorizationService authz, Resources resource, String id, Permissions permission) {
    if (authz.createAuthorizationQuery().userIdIn(USER).resourceType(resource).resourceId(id)
        .hasPermission(permission).count() > 0) {
      return; // a database kept from an earlier run
    }
    Authorization a = authz.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setUserId(USER);
    a.setResource(resource);
    a.setResourceId(id);
    a.addPermission(permission);
    authz.saveAuthorization(a);
  }
}
