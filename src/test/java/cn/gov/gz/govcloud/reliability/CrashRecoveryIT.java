package cn.gov.gz.govcloud.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.reliability.TimerProbe.Instance;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Crash safety (issue 12, item 1): the packaged application runs as a process of its own on the embedded H2 file
 * database (or, on the PostgreSQL suite, a PostgreSQL database), with emergencies, a work order, resource applications
 * at different steps and 40 instances of a timer model in flight, and is killed with SIGKILL while timers are pending
 * and requests are arriving. Restarted on the same database it must show every instance where it was, fire every
 * pending timer exactly once, keep the notification outbox without losses or duplicates, and hold no half-written case
 * or ledger change.
 */
class CrashRecoveryIT extends NodeTest {

  @Test
  void aKilledNodeRestartsWithEveryCaseClockNoticeAndLedgerChangeIntact() throws Exception {
    database = TestDatabase.create("crash", dataDir);
    long t0 = System.nanoTime();
    AppNode first = startNode("crash-1", List.of());
    System.out.printf("[crash] first start: %.1f s (%s)%n", (System.nanoTime() - t0) / 1e9,
        database.postgres() ? "PostgreSQL" : "H2 file");
    Rest admin = new Rest(first, "admin", adminPassword);
    Rest desk = admin.as("desk1", DEMO);

    // in flight: emergencies, a work order, resource applications at three different steps (one fully delivered)
    List<String> emergencies = new ArrayList<>();
    String[][] emergencyInput = {{"JTJ-TOCC", "INTERRUPTION"}, {"WJW-HIS", "DATA_LOSS"}, {"JTJ-OA", "DEGRADATION"},
        {"WJW-WEB", "OTHER"}, {"JTJ-TOCC", "SECURITY"}};
    Map<String, String> instanceOf = new TreeMap<>();
    for (String[] e : emergencyInput) {
      JsonNode answer = desk.json("/api/emergencies", Map.of("businessSystemCode", e[0], "category", e[1],
          "source", "MONITORING", "description", "崩溃测试：" + e[1], "alertRef", "CRASH-" + UUID.randomUUID()), 201);
      emergencies.add(answer.get("emergencyNo").asText());
      instanceOf.put(answer.get("emergencyNo").asText(), answer.get("processInstanceId").asText());
    }
    JsonNode order = desk.json("/api/work-orders", Map.of("unitCode", "JTJ", "businessSystemCode", "JTJ-TOCC",
        "contactName", "陈先生", "contactPhone", "020-83330001", "type", "FAULT", "priority", "HIGH",
        "channel", "HOTLINE", "title", "崩溃测试工单", "description", "平台无法访问"), 201);
    instanceOf.put(order.get("orderNo").asText(), order.get("processInstanceId").asText());
    Applications apps = new Applications(admin);
    String delivered = apps.apply("CRASH-RA-1");
    apps.walkTo(delivered, "DELIVERED");
    String toConfirm = apps.apply("CRASH-RA-2");
    apps.walkTo(toConfirm, "Task_ConfirmReceipt");
    String confirmedDuringCrash = apps.apply("CRASH-RA-3");
    apps.walkTo(confirmedDuringCrash, "Task_ConfirmReceipt");
    String inReview = apps.apply("CRASH-RA-4");
    for (String no : List.of(delivered, toConfirm, confirmedDuringCrash, inReview)) {
      instanceOf.put(no, apps.instance(no));
    }

    // a short-timer model: 40 timers falling due 20-40 s from now, all pending when the node is killed
    TimerProbe.deploy(admin);
    Instant firstDue = Instant.now().plusSeconds(20);
    List<Instance> timers = TimerProbe.start(admin, "CRASH-TIMER-" + UUID.randomUUID().toString().substring(0, 6),
        40, firstDue, Duration.ofMillis(500), 1);

    // quiet: nothing of ours due now (async steps done), then the picture before the crash
    Rest adminBeforeCrash = admin;
    Applications appsBeforeCrash = apps;
    TimerProbe.await("no due job of the cases in flight", Duration.ofMinutes(2),
        () -> dueJobs(adminBeforeCrash, instanceOf.values()) == 0);
    Map<String, Set<String>> before = activities(admin);
    Map<String, Map<String, Integer>> noticesBefore = notices(admin, instanceOf.keySet());
    Map<String, JsonNode> appsBefore = new HashMap<>();
    for (String no : List.of(delivered, toConfirm, confirmedDuringCrash, inReview)) {
      appsBefore.put(no, apps.detail(no));
    }
    assertThat(TimerProbe.finishedTimerActivities(admin, timers)).as("no timer fired before the crash").isEmpty();
    int ledgerBefore = admin.json("/api/ledger?unitCode=JTJ").size();

    // requests arriving while the process dies: emergency starts and the receipt that writes the ledger
    AtomicBoolean stop = new AtomicBoolean();
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    List<String> confirmAnswer = Collections.synchronizedList(new ArrayList<>());
    ExecutorService burst = Executors.newFixedThreadPool(3);
    for (int c = 0; c < 2; c++) {
      burst.submit(() -> {
        while (!stop.get()) {
          try {
            var r = desk.post("/api/emergencies", Map.of("businessSystemCode", "WJW-HIS", "category", "INTERRUPTION",
                "description", "崩溃时到达的告警", "alertRef", "CRASH-BURST-" + UUID.randomUUID()));
            if (r.statusCode() == 201) {
              JsonNode a = Rest.JSON.readTree(r.body());
              acknowledged.put(a.get("emergencyNo").asText(), a.get("processInstanceId").asText());
            }
          } catch (Exception connectionLost) {
            return null;
          }
        }
        return null;
      });
    }
    Thread.sleep(1500);
    burst.submit(() -> {
      try {
        confirmAnswer.add(String.valueOf(appsBeforeCrash.complete(confirmedDuringCrash, "Task_ConfirmReceipt", "jtj1",
            Map.of("receiptDecision", Map.of("value", "CONFIRMED", "type", "String")))));
      } catch (Exception connectionLost) {
        confirmAnswer.add("lost: " + connectionLost.getMessage());
      }
      return null;
    });
    Thread.sleep(150);
    Instant killedAt = Instant.now();
    first.kill();
    stop.set(true);
    burst.shutdown();
    assertThat(burst.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    assertThat(killedAt).as("the node was killed before the first timer was due").isBefore(firstDue);
    System.out.printf("[crash] killed with SIGKILL; %d emergency starts acknowledged during the burst; receipt: %s%n",
        acknowledged.size(), confirmAnswer);

    // stay down until the first timers are overdue, so that some fall due while the node is down, some after
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), firstDue.plusSeconds(3)).toMillis()));
    long restart = System.nanoTime();
    AppNode second = startNode("crash-2", List.of());
    System.out.printf("[crash] restart: %.1f s%n", (System.nanoTime() - restart) / 1e9);
    Instant restartedAt = Instant.now();
    admin = admin.on(second);
    apps = new Applications(admin);

    // every instance is where it was (timer instances where they were, or past the timer)
    Map<String, Set<String>> after = activities(admin);
    for (Map.Entry<String, String> c : instanceOf.entrySet()) {
      if (c.getKey().equals(confirmedDuringCrash)) {
        continue;
      }
      assertThat(after.get(c.getValue())).as("activities of %s after the crash", c.getKey())
          .isEqualTo(before.get(c.getValue()));
    }
    for (Instance t : timers) {
      Set<String> now = after.get(t.id());
      assertThat(now).as("timer instance %s after the crash", t.businessKey()).isNotNull();
      if (!now.contains(TimerProbe.TIMER)) {
        assertThat(now).as("%s moved only past its timer", t.businessKey()).containsExactly(TimerProbe.AFTER);
      }
    }

    // every pending timer fires exactly once, after the restart
    Rest restarted = admin;
    TimerProbe.await("all 40 timers fired after the restart", Duration.ofMinutes(3),
        () -> TimerProbe.waitingAfterTimer(restarted, timers) == timers.size());
    TimerProbe.assertEachFiredExactlyOnce(admin, timers);
    TimerProbe.finishedTimerActivities(admin, timers).values().forEach(ends ->
        assertThat(ends.get(0)).as("fired after the restart").isAfter(killedAt));
    long lateAtRestart = timers.stream().filter(t -> t.due().isBefore(restartedAt)).count();
    System.out.printf("[crash] %d of %d timers fell due while the node was down; all fired once%n", lateAtRestart,
        timers.size());

    // notifications: the ones before the crash unchanged (none lost, none repeated); one per task created by a timer
    Map<String, Map<String, Integer>> noticesAfter = notices(admin, instanceOf.keySet());
    for (String caseRef : noticesBefore.keySet()) {
      if (caseRef.equals(confirmedDuringCrash)) {
        assertThat(noticesAfter.get(caseRef)).containsAllEntriesOf(noticesBefore.get(caseRef));
        continue;
      }
      assertThat(noticesAfter.get(caseRef)).as("notices of %s", caseRef).isEqualTo(noticesBefore.get(caseRef));
    }
    JsonNode managerNotices = admin.json("/api/notifications?recipient=manager1&limit=500");
    for (Instance t : timers) {
      int n = 0;
      for (JsonNode notice : managerNotices) {
        n += "task".equals(notice.get("kind").asText())
            && notice.get("body").asText().contains("业务编号：" + t.businessKey() + "\n") ? 1 : 0;
      }
      assertThat(n).as("task notices to manager1 for %s", t.businessKey()).isEqualTo(1);
    }

    // no half-written case: every emergency row has its process instance and every instance its row; every start
    // acknowledged before the kill is there
    Set<String> caseInstances = new TreeSet<>();
    for (int page = 0; ; page++) {
      JsonNode cases = admin.json("/api/emergencies?size=200&page=" + page);
      cases.forEach(c -> caseInstances.add(c.get("processInstanceId").asText()));
      if (cases.size() < 200) {
        break;
      }
    }
    Set<String> processInstances = new TreeSet<>();
    admin.json("/engine-rest/history/process-instance?processDefinitionKey=emergency-response&maxResults=100000")
        .forEach(p -> processInstances.add(p.get("id").asText()));
    assertThat(caseInstances).as("emergency rows vs emergency-response instances").isEqualTo(processInstances);
    assertThat(caseInstances).as("acknowledged emergency starts").containsAll(acknowledged.values());
    for (String no : acknowledged.keySet()) {
      assertThat(admin.json("/api/notifications?caseRef=" + no + "&limit=500")).as("notices of " + no).isNotEmpty();
    }

    // no half-written ledger change: a delivered application has all its lines in the ledger, any other none
    for (String no : List.of(delivered, toConfirm, inReview)) {
      JsonNode now = apps.detail(no);
      assertThat(now.get("application").get("status")).isEqualTo(appsBefore.get(no).get("application").get("status"));
      assertThat(now.get("ledger")).isEqualTo(appsBefore.get(no).get("ledger"));
      assertThat(now.get("deliveries")).isEqualTo(appsBefore.get(no).get("deliveries"));
    }
    JsonNode racing = apps.detail(confirmedDuringCrash);
    String racingStatus = racing.get("application").get("status").asText();
    if ("DELIVERED".equals(racingStatus)) {
      assertThat(racing.get("ledger")).as("ledger of the application delivered at the crash").hasSize(1);
    } else {
      assertThat(racing.get("ledger")).as("ledger of the application not yet delivered at the crash").isEmpty();
      assertThat(confirmAnswer).as("a receipt acknowledged before the kill is kept").doesNotContain("204");
      apps.complete(confirmedDuringCrash, "Task_ConfirmReceipt", "jtj1",
          Map.of("receiptDecision", Map.of("value", "CONFIRMED", "type", "String")));
      assertThat(apps.detail(confirmedDuringCrash).get("ledger")).hasSize(1);
    }
    apps.complete(toConfirm, "Task_ConfirmReceipt", "jtj1",
        Map.of("receiptDecision", Map.of("value", "CONFIRMED", "type", "String")));
    assertThat(apps.detail(toConfirm).get("application").get("status").asText()).isEqualTo("DELIVERED");
    assertThat(apps.detail(toConfirm).get("ledger")).hasSize(1);
    JsonNode ledger = admin.json("/api/ledger?unitCode=JTJ");
    assertThat(ledger).as("ledger rows: those before the crash and the two receipts after it")
        .hasSize(ledgerBefore + 2);
    System.out.printf("[crash] racing receipt ended %s; whole test %.1f s%n", racingStatus,
        (System.nanoTime() - t0) / 1e9);
  }

  /** Due, executable jobs of the given process instances. */
  private static long dueJobs(Rest admin, java.util.Collection<String> instances) {
    JsonNode jobs = admin.json("/engine-rest/job?executable=true&maxResults=100000");
    long n = 0;
    for (JsonNode j : jobs) {
      n += instances.contains(j.path("processInstanceId").asText()) ? 1 : 0;
    }
    return n;
  }

  /** The activities each process instance is in (unfinished activity instances, from history). */
  private static Map<String, Set<String>> activities(Rest admin) {
    Map<String, Set<String>> byInstance = new HashMap<>();
    admin.json("/engine-rest/history/activity-instance?unfinished=true&maxResults=100000").forEach(a ->
        byInstance.computeIfAbsent(a.get("processInstanceId").asText(), k -> new TreeSet<>())
            .add(a.get("activityId").asText()));
    return byInstance;
  }

  /** The outbox per case: notification id (with recipient and kind) → merged count. */
  private static Map<String, Map<String, Integer>> notices(Rest admin, Set<String> caseRefs) {
    Map<String, Map<String, Integer>> byCase = new TreeMap<>();
    for (String ref : caseRefs) {
      Map<String, Integer> rows = new TreeMap<>();
      admin.json("/api/notifications?caseRef=" + ref + "&limit=500").forEach(n -> rows.put(
          n.get("id").asText() + "/" + n.get("recipient").asText() + "/" + n.get("kind").asText(),
          n.get("mergedCount").asInt()));
      byCase.put(ref, rows);
    }
    return byCase;
  }

  /** Resource applications of unit JTJ over REST, walked through their tasks by the demo users. */
  static final class Applications {
    private final Rest admin;

    Applications(Rest admin) {
      this.admin = admin;
    }

    String apply(String ref) {
      return admin.as("jtj1", DEMO).json("/api/resource-applications", Map.of("externalRef", ref + "-"
          + UUID.randomUUID(), "businessSystemCode", "JTJ-OA", "purpose", "崩溃测试资源申请", "urgency", "NORMAL",
          "lines", List.of(Map.of("type", "VM", "vcpu", 4, "memoryGb", 8, "os", "麒麟 V10", "quantity", 1))), 201)
          .get("applicationNo").asText();
    }

    JsonNode detail(String no) {
      return admin.json("/api/resource-applications/" + no);
    }

    String instance(String no) {
      return detail(no).get("application").get("processInstanceId").asText();
    }

    int complete(String no, String taskKey, String user, Map<String, Object> variables) {
      Rest as = admin.as(user, DEMO);
      JsonNode tasks = as.json("/engine-rest/task?processInstanceId=" + instance(no) + "&taskDefinitionKey=" + taskKey);
      assertThat(tasks).as(user + " sees " + taskKey + " of " + no).hasSize(1);
      var answer = as.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
          Map.of("variables", variables));
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
      return answer.statusCode();
    }

    /** Walks the application through review, approval and delivery, and the receipt if the target is DELIVERED. */
    void walkTo(String no, String target) {
      complete(no, "Task_TechnicalReview", "engineer1", Map.of("reviewDecision", str("APPROVE")));
      complete(no, "Task_ManagementApproval", "mgmt1", Map.of("approvalDecision", str("APPROVE")));
      complete(no, "Task_DeliverResources", "operator1", Map.of("deliveries", Map.of("type", "Json", "value",
          "[{\"lineNo\":1,\"resourceId\":\"ecs-" + UUID.randomUUID().toString().substring(0, 8)
              + "\",\"ip\":\"10.20.30.40\",\"location\":\"B02-11\"}]")));
      if ("DELIVERED".equals(target)) {
        complete(no, "Task_ConfirmReceipt", "jtj1", Map.of("receiptDecision", str("CONFIRMED")));
      }
    }

    static Map<String, Object> str(String v) {
      return Map.of("value", v, "type", "String");
    }
  }
}
