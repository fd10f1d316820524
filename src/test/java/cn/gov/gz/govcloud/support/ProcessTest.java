package cn.gov.gz.govcloud.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the process tests that move time: the engine clock starts at now (whole seconds) and is reset after each
 * test; timers are run as the job executor would, at their due time.
 */
public abstract class ProcessTest extends WebTest {

  protected static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  protected Instant now;

  private java.util.Set<String> fromTheFutureBefore = java.util.Set.of();

  @BeforeEach
  void fixClock() {
    fromTheFutureBefore = java.util.Set.copyOf(startedInTheFuture());
    setClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * Process instances this test started with the engine clock moved years ahead are deleted when it ends: their
   * tasks, created "in the future", would otherwise head every later test's Tasklist lists (newest first) in this JVM.
   * What other tests seeded that way before (shared fixtures) stays.
   */
  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    java.util.List<String> ids = startedInTheFuture().stream().filter(id -> !fromTheFutureBefore.contains(id)).toList();
    if (!ids.isEmpty()) {
      processEngine.getRuntimeService().deleteProcessInstancesIfExists(ids, "test clean-up", true, true, true);
    }
  }

  private java.util.List<String> startedInTheFuture() {
    java.util.Date soon = java.util.Date.from(Instant.now().plusSeconds(600));
    return processEngine.getHistoryService().createHistoricProcessInstanceQuery().unfinished().startedAfter(soon)
        .list().stream().map(h -> h.getId()).toList();
  }

  protected void setClock(Instant t) {
    now = t;
    ClockUtil.setCurrentTime(Date.from(t));
  }

  /** A local date-time in China, e.g. {@code china("2026-02-13T17:55:00")}. */
  protected static Instant china(String local) {
    return LocalDateTime.parse(local).atZone(CHINA).toInstant();
  }

  protected Job job(ProcessInstance pi, String activityId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(activityId).singleResult();
  }

  /** Runs the timer at exactly its due time (moving the clock there when it lies ahead), as the job executor would. */
  protected void fire(ProcessInstance pi, String activityId) {
    Job j = job(pi, activityId);
    assertThat(j).as(activityId).isNotNull();
    if (j.getDuedate().toInstant().isAfter(now)) {
      setClock(j.getDuedate().toInstant().plusSeconds(1));
    }
    processEngine.getManagementService().executeJob(j.getId());
  }
}
