package cn.gov.gz.govcloud.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * The work order's clocks through the real model, with the engine clock moved across the night, the lunch break and
 * the weekend: a 5×8 order (service level 3–4, GB/T 34077.3 5.3.6; performance degraded, P3 5.3.2.8 b) escalates and
 * is fed back in working time; a business interruption (P3 5.3.2.7 b) runs 7×24 whatever the system's level.
 */
class WorkOrderWorkingTimeTest extends WorkOrderTestSupport {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  static Instant china(String local) {
    return LocalDateTime.parse(local).atZone(CHINA).toInstant();
  }

  void at(String chinaTime) {
    now = china(chinaTime);
    ClockUtil.setCurrentTime(Date.from(now));
  }

  Instant due(ProcessInstance pi, String timer) {
    return timer(pi, timer).getDuedate().toInstant();
  }

  @Clause("GB 5.3.6")
  @Clause("GB 5.3.2 e 4")
  @Clause("P3 5.3.2.8 b")
  @Test
  void aFiveByEightDispatchDeadlineEscalatesLevelByLevelInWorkingTime() {
    // Monday 30 Nov 2026 11:20, a degraded level-3 system: 30 working minutes to dispatch
    at("2026-11-30T11:20:00");
    ProcessInstance pi = start(intake("FAULT", "MEDIUM", "JTJ", "JTJ-OA", "公文系统检索缓慢"));
    assertThat(order(pi).workingHoursOnly()).isTrue();
    assertThat(due(pi, "Timer_DispatchDeadline")).isEqualTo(china("2026-11-30T11:50:00"));
    fire(pi, "Timer_DispatchDeadline");
    assertThat(order(pi).escalationLevel()).isEqualTo(1);
    assertThat(due(pi, "Timer_DispatchDeadline")).as("30 working minutes later: 10 before lunch, 20 after")
        .isEqualTo(china("2026-11-30T14:20:00"));
    fire(pi, "Timer_DispatchDeadline");
    assertThat(order(pi).escalationLevel()).isEqualTo(2);
    assertThat(timers(pi, "Timer_DispatchDeadline")).as("every level once").isEmpty();
    assertThat(pi).hasPassed("EndEvent_DispatchEscalated").isWaitingAt("Task_ClassifyWorkOrder");
  }

  @Clause("GB 5.3.3 e")
  @Clause("P3 5.3.2.8 c")
  @Test
  void aFiveByEightOrderIsFedBackHourlyInWorkingTimeOverTheWeekend() {
    // Friday 27 Nov 2026 17:40, dispatched at 17:50
    at("2026-11-27T17:40:00");
    ProcessInstance pi = start(intake("FAULT", "MEDIUM", "JTJ", "JTJ-OA", "公文系统附件上传缓慢"));
    at("2026-11-27T17:50:00");
    classifyAndDispatch(pi);
    complete(pi, "Task_HandleWorkOrder", "progressNote", "已扩容附件存储", "handlingOutcome", "IN_PROGRESS");
    assertThat(due(pi, "Timer_FeedbackDue")).as("10 min on Friday, 50 min on Monday")
        .isEqualTo(china("2026-11-30T09:20:00"));
    fire(pi, "Timer_FeedbackDue");
    assertThat(workOrders.notes(order(pi).id())).anyMatch(n -> n.kind().equals("FEEDBACK")
        && n.text().contains("已扩容附件存储"));
    assertThat(due(pi, "Timer_FeedbackDue")).isEqualTo(china("2026-11-30T10:20:01"));
    assertThat(due(pi, "Timer_RecoveryDeadline")).as("the recovery deadline: 8 working hours")
        .isEqualTo(order(pi).recoveryDueAt()).isEqualTo(china("2026-12-01T08:40:00"));
  }

  @Clause("P3 5.3.2.7 b")
  @Clause("P3 5.3.2.7 c")
  @Test
  void aBusinessInterruptionRunsSevenByTwentyFourEvenOnAFiveByEightSystem() {
    at("2026-11-27T17:40:00");
    ProcessInstance pi = start(intake("FAULT", "HIGH", "JTJ", "JTJ-OA", "公文系统无法登录"));
    WorkOrder order = order(pi);
    assertThat(order.workingHoursOnly()).isFalse();
    assertThat(order.dispatchDueAt()).isEqualTo(china("2026-11-27T18:10:00"));
    assertThat(order.recoveryDueAt()).as("level 3: 8 hours, on the wall clock").isEqualTo(china("2026-11-28T01:40:00"));
    at("2026-11-27T17:50:00");
    classifyAndDispatch(pi);
    assertThat(due(pi, "Timer_FeedbackDue")).as("every 30 min through the night")
        .isEqualTo(china("2026-11-27T18:20:00"));
    fire(pi, "Timer_FeedbackDue");
    assertThat(due(pi, "Timer_FeedbackDue")).isEqualTo(china("2026-11-27T18:50:01"));
  }
}
