package cn.gov.gz.govcloud.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.WebTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Do the response clocks keep time? 1,000 emergencies whose response deadline (Timer_ResponseDeadline) falls due in the
 * same minute, among 10,000 open emergencies, with the job executor as configured: lateness of each timer (job log
 * time minus due date) p50 / p99 / max, and every timer fired exactly once. Target: p99 within the acquisition wait
 * plus 2 s. Run with {@code ./mvnw test -Dtest=TimerAccuracyBenchmark -Dbenchmark=true} (sizes:
 * {@code -Dbenchmark.emergencies=10000 -Dbenchmark.timers=1000}). Without {@code -Dbenchmark=true} a smoke run with a
 * few emergencies runs the timers itself instead of starting the job executor, which the shared test suite keeps off.
 */
class TimerAccuracyBenchmark extends WebTest {

  static final boolean FULL = Boolean.getBoolean("benchmark");
  static final int EMERGENCIES = Integer.getInteger("benchmark.emergencies", FULL ? 10_000 : 6);
  static final int TIMERS = Integer.getInteger("benchmark.timers", FULL ? 1_000 : 3);
  static final Duration RESPONSE_WITHIN = Duration.ofMinutes(5); // an interruption (DMN emergency-classification)

  final List<String> started = Collections.synchronizedList(new ArrayList<>());

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.core.env.Environment environment;

  @Test
  void responseTimersFallingDueInTheSameMinuteFireOnTimeAndOnce() throws Exception {
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    JobExecutor executor = config.getJobExecutor();
    // the suite keeps the job executor off; give it the acquisition settings the application is configured with
    executor.setWaitTimeInMillis(environment.getProperty("camunda.bpm.job-execution.wait-time-in-millis", Integer.class,
        executor.getWaitTimeInMillis()));
    executor.setMaxWait(environment.getProperty("camunda.bpm.job-execution.max-wait", Long.class,
        executor.getMaxWait()));
    executor.setMaxJobsPerAcquisition(environment.getProperty("camunda.bpm.job-execution.max-jobs-per-acquisition",
        Integer.class, executor.getMaxJobsPerAcquisition()));
    if (executor instanceof org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor pool) {
      pool.setCorePoolSize(environment.getProperty("camunda.bpm.job-execution.core-pool-size", Integer.class, 3));
      pool.setMaxPoolSize(environment.getProperty("camunda.bpm.job-execution.max-pool-size", Integer.class, 6));
      pool.setQueueSize(environment.getProperty("camunda.bpm.job-execution.queue-capacity", Integer.class, 6));
    }
    long waitMs = executor.getWaitTimeInMillis();
    long maxWaitMs = executor.getMaxWait();
    long interval = Math.max(waitMs, maxWaitMs); // the longest an idle acquisition sleeps

    // the others: open emergencies of 5×8 service whose deadlines lie beyond the measured minute
    long t0 = System.nanoTime();
    startEmergencies(EMERGENCIES - TIMERS, i -> Instant.now(), "DEGRADATION", "JTJ-OA");
    // the measured ones: due spread over one minute that starts 60 s after they are all created
    Instant minute = Instant.now().plus(Duration.ofSeconds(60 + TIMERS / 40)).truncatedTo(ChronoUnit.SECONDS);
    List<String> measured = startEmergencies(TIMERS,
        i -> minute.minus(RESPONSE_WITHIN).plusMillis(i * 60_000L / TIMERS), "INTERRUPTION", "JTJ-TOCC");
    long setupMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(responseTimers(measured)).hasSize(TIMERS);

    if (FULL) {
      executor.start();
      try {
        Instant until = minute.plus(Duration.ofSeconds(60)).plusMillis(waitMs).plusSeconds(15);
        while (Instant.now().isBefore(until)) {
          Thread.sleep(1000);
        }
      } finally {
        executor.shutdown();
      }
    } else {
      // smoke: run the due timers as the executor would, at their due time
      for (Job job : responseTimers(measured)) {
        long wait = job.getDuedate().getTime() - System.currentTimeMillis();
        if (wait > 0) {
          org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 200));
        }
        processEngine.getManagementService().executeJob(job.getId());
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
      }
    }

    Map<String, List<HistoricJobLog>> fired = new HashMap<>();
    for (HistoricJobLog log : processEngine.getHistoryService().createHistoricJobLogQuery().successLog()
        .activityIdIn("Timer_ResponseDeadline").list()) {
      if (measured.contains(log.getProcessInstanceId())) {
        fired.computeIfAbsent(log.getProcessInstanceId(), k -> new ArrayList<>()).add(log);
      }
    }
    List<Long> lateness = new ArrayList<>();
    int twice = 0;
    for (List<HistoricJobLog> logs : fired.values()) {
      // a cycle timer fires once per escalation level; within the minute only the first level falls due
      long firstDue = logs.stream().mapToLong(l -> l.getJobDueDate().getTime()).min().orElseThrow();
      List<HistoricJobLog> first = logs.stream().filter(l -> l.getJobDueDate().getTime() == firstDue).toList();
      twice += first.size() > 1 ? 1 : 0;
      lateness.add(first.get(0).getTimestamp().getTime() - firstDue);
    }
    Collections.sort(lateness);
    long p50 = HttpLoad.percentile(lateness, 0.50);
    long p99 = HttpLoad.percentile(lateness, 0.99);
    long max = lateness.isEmpty() ? 0 : lateness.get(lateness.size() - 1);
    System.out.printf("BENCHMARK timer accuracy: %d open emergencies (set up in %d ms), %d response timers due in one "
            + "minute; fired %d, twice %d; lateness p50 %d ms, p99 %d ms, max %d ms; job executor wait %d ms (idle "
            + "back-off up to %d ms), %s%n", EMERGENCIES, setupMs, TIMERS, fired.size(), twice, p50, p99, max, waitMs,
        maxWaitMs,
        FULL ? "executor as configured (" + executor.getMaxJobsPerAcquisition() + " jobs per acquisition, "
            + executor.getClass().getSimpleName() + ")" : "smoke: timers run by the test");
    BenchmarkReport.row("timer accuracy: " + TIMERS + " response timers due in one minute, " + EMERGENCIES
            + " open emergencies", String.format("lateness p50 %d ms, p99 %d ms, max %d ms; %d of %d fired, %d twice",
            p50, p99, max, fired.size(), TIMERS, twice),
        "acquisition interval " + interval + " ms (wait " + waitMs + " ms, idle back-off ≤ " + maxWaitMs + " ms)",
        String.format("p99 = interval + %.1f s", (p99 - interval) / 1000.0),
        "p99 ≤ interval + 2 s; none twice, none lost");
    assertThat(twice).as("timers fired twice").isZero();
    assertThat(fired).as("timers fired").hasSize(TIMERS);
  }

  /** The pending response timers of these instances (the engine's job query cannot combine both filters). */
  private List<Job> responseTimers(List<String> instances) {
    java.util.Set<String> wanted = new java.util.HashSet<>(instances);
    return processEngine.getManagementService().createJobQuery().activityId("Timer_ResponseDeadline").list().stream()
        .filter(j -> wanted.contains(j.getProcessInstanceId())).toList();
  }

  interface DetectedAt {
    Instant of(int i);
  }

  private List<String> startEmergencies(int count, DetectedAt detectedAt, String category, String system)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(FULL ? 4 : 1);
    List<Future<String>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = i;
      futures.add(pool.submit(() -> {
        Map<String, Object> v = new HashMap<>();
        v.put("businessSystemCode", system);
        v.put("category", category);
        v.put("description", "基准测试：响应时钟");
        v.put("source", "MONITORING");
        v.put("detectedAt", Date.from(detectedAt.of(n)));
        String id = processEngine.getRuntimeService()
            .startProcessInstanceByKey("emergency-response", "BENCH-TIMER-" + n + "-" + category, v).getId();
        started.add(id);
        return id;
      }));
    }
    List<String> ids = new ArrayList<>();
    for (Future<String> f : futures) {
      ids.add(f.get());
    }
    pool.shutdown();
    return ids;
  }

  /** The shared test database is left as it was found: the started emergencies are deleted. */
  @AfterEach
  void deleteStarted() {
    List<String> ids = new ArrayList<>(started);
    for (int i = 0; i < ids.size(); i += 1000) {
      processEngine.getRuntimeService().deleteProcessInstancesIfExists(ids.subList(i, Math.min(ids.size(), i + 1000)),
          "基准测试结束", true, true, false);
    }
  }
}
