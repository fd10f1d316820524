package cn.gov.gz.govcloud.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.BooleanSupplier;

/**
 * The test model {@code reliability-timer} (fixtures): deployed over the engine REST API as the administrator, started
 * in batches whose timers fall due at given moments, and checked through history: each timer fired exactly once and
 * never before it was due.
 */
final class TimerProbe {

  static final String KEY = "reliability-timer";
  static final String TIMER = "Timer_Due";
  static final String AFTER = "Task_AfterTimer";

  /** One started instance: business key, id, when its timer is due. */
  record Instance(String businessKey, String id, Instant due) {}

  /** One fired timer as the job log records it. */
  record Fired(String processInstanceId, String jobId, String hostname, Instant at) {}

  private TimerProbe() {}

  static void deploy(Rest admin) {
    try (InputStream in = TimerProbe.class.getResourceAsStream("/fixtures/reliability-timer.bpmn")) {
      admin.deploy("reliability-timer", "reliability-timer.bpmn", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts {@code count} instances, the i-th due at {@code firstDue + i * step}, each doing {@code work} steps. */
  static List<Instance> start(Rest admin, String batch, int count, Instant firstDue, Duration step, int work) {
    List<Instance> started = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant due = firstDue.plus(step.multipliedBy(i));
      String key = batch + "-" + i;
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("dueAt", Map.of("value", restDate(due), "type", "Date"));
      variables.put("work", Map.of("value", work, "type", "Integer"));
      variables.put("unitCode", Map.of("value", "JTJ", "type", "String"));
      JsonNode answer = admin.json("/engine-rest/process-definition/key/" + KEY + "/start",
          Map.of("businessKey", key, "variables", variables), 200);
      started.add(new Instance(key, answer.get("id").asText(), due));
    }
    return started;
  }

  static String restDate(Instant instant) {
    SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    return format.format(Date.from(instant));
  }

  static Instant parseDate(String restDate) {
    try {
      SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
      return format.parse(restDate).toInstant();
    } catch (java.text.ParseException e) {
      throw new IllegalArgumentException(restDate, e);
    }
  }

  /** Successful timer executions of this model, from the job log (with the node that ran each). */
  static List<Fired> fired(Rest admin) {
    JsonNode log = admin.json("/engine-rest/history/job-log?processDefinitionKey=" + KEY
        + "&successLog=true&jobDefinitionType=timer-intermediate-transition&maxResults=100000");
    List<Fired> fired = new ArrayList<>();
    log.forEach(e -> fired.add(new Fired(e.get("processInstanceId").asText(), e.get("jobId").asText(),
        e.get("hostname").asText(), parseDate(e.get("timestamp").asText()))));
    return fired;
  }

  /** Finished timer activity instances per process instance (history). */
  static Map<String, List<Instant>> finishedTimerActivities(Rest admin, List<Instance> instances) {
    Map<String, List<Instant>> byInstance = new HashMap<>();
    String definitionId = admin.json("/engine-rest/process-definition/key/" + KEY).get("id").asText();
    JsonNode done = admin.json("/engine-rest/history/activity-instance?processDefinitionId=" + definitionId
        + "&activityId=" + TIMER + "&finished=true&maxResults=100000");
    done.forEach(a -> byInstance.computeIfAbsent(a.get("processInstanceId").asText(), k -> new ArrayList<>())
        .add(parseDate(a.get("endTime").asText())));
    byInstance.keySet().retainAll(instances.stream().map(Instance::id).toList());
    return byInstance;
  }

  /** How many of these instances wait in the task after the timer. */
  static long waitingAfterTimer(Rest admin, List<Instance> instances) {
    JsonNode tasks = admin.json("/engine-rest/task?processDefinitionKey=" + KEY + "&taskDefinitionKey=" + AFTER
        + "&maxResults=100000");
    List<String> ids = instances.stream().map(Instance::id).toList();
    long n = 0;
    for (JsonNode t : tasks) {
      n += ids.contains(t.get("processInstanceId").asText()) ? 1 : 0;
    }
    return n;
  }

  /** Every instance fired its timer exactly once, not before it was due, and now waits in the task after it. */
  static void assertEachFiredExactlyOnce(Rest admin, List<Instance> instances) {
    Map<String, List<Instant>> done = finishedTimerActivities(admin, instances);
    for (Instance i : instances) {
      assertThat(done.get(i.id())).as("completed timer activities of %s", i.businessKey()).hasSize(1);
      assertThat(done.get(i.id()).get(0)).as("%s fired not before it was due", i.businessKey())
          .isAfterOrEqualTo(i.due().minusMillis(1000));
    }
    List<String> ids = instances.stream().map(Instance::id).toList();
    List<Fired> fired = fired(admin).stream().filter(f -> ids.contains(f.processInstanceId())).toList();
    assertThat(fired).as("successful timer jobs in the job log").hasSize(instances.size());
    assertThat(fired.stream().map(Fired::processInstanceId).distinct().count()).isEqualTo(instances.size());
    assertThat(waitingAfterTimer(admin, instances)).as("instances waiting after their timer")
        .isEqualTo(instances.size());
    JsonNode timersLeft = admin.json("/engine-rest/job?processDefinitionKey=" + KEY + "&timers=true&maxResults=100000");
    for (JsonNode j : timersLeft) {
      assertThat(ids).as("no timer job left for fired instances").doesNotContain(j.get("processInstanceId").asText());
    }
  }

  /** Polls (no fixed sleeps) until the condition holds. */
  static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      Thread.sleep(500);
    }
  }
}
