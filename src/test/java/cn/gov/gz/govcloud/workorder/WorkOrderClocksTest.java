package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.gov.gz.govcloud.sla.TestCalendars;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.workorder.WorkOrderTargets.Targets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link WorkOrderClocks} without the application or the engine, on the State Council calendar: the deadlines it
 * writes, and the dates the model's timers ask it for — feedback and escalation intervals in working time for a 5×8
 * order (across the lunch break, the night and the weekend), in wall-clock time for a 7×24 order.
 */
@Tag("unit")
class WorkOrderClocksTest {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  final Map<String, Object> variables = new HashMap<>();
  final VariableScope scope = mock(VariableScope.class);
  final WorkOrderService service = mock(WorkOrderService.class);
  final WorkOrderProperties properties = new WorkOrderProperties(List.of("ops-manager", "management", "director"),
      Duration.ofMinutes(30), null, null, null, null, null);

  static Instant china(String local) {
    return LocalDateTime.parse(local).atZone(CHINA).toInstant();
  }

  WorkOrderClocks at(String chinaNow, WorkOrder order) {
    when(scope.getVariable(anyString())).thenAnswer(i -> variables.get(i.<String>getArgument(0)));
    doAnswer(i -> variables.put(i.getArgument(0), i.getArgument(1))).when(scope).setVariable(anyString(), any());
    when(service.get(anyLong())).thenReturn(order);
    when(service.targetsOf(any())).thenReturn(
        new Targets(Duration.ofMinutes(30), Duration.ofHours(1), "service-desk", Duration.ofHours(8), true));
    return new WorkOrderClocks(service, properties, TestCalendars.stateCouncil(),
        Clock.fixed(china(chinaNow), ZoneOffset.UTC));
  }

  static WorkOrder order(String hours, Instant dispatchDue, Instant recoveryDue) {
    return new WorkOrder(1, "GD-1", "pi", "JTJ", "JTJ-OA", "张三", "13800000000", WorkOrderType.FAULT,
        WorkOrder.Priority.MEDIUM, 3, WorkOrder.Channel.SERVICE_DESK, null, "t", "d", WorkOrder.Status.RECEIVED,
        "service-desk", dispatchDue, dispatchDue, null, 28800L, 0, null, null, null, 0, 0, null, null, null, null,
        "desk1", hours, recoveryDue);
  }

  @Test
  void deadlinesLevelAndGroupForTheTasks() {
    Instant dispatch = china("2026-03-10T10:30:00");
    Instant recovery = china("2026-03-10T17:30:00");
    at("2026-03-10T10:00:00", order("5x8", dispatch, recovery)).apply(scope, order("5x8", dispatch, recovery));
    assertThat(variables).containsEntry(SERVICE_LEVEL, 3).containsEntry(DISPATCH_GROUP, "service-desk")
        .containsEntry(DISPATCH_DUE, Date.from(dispatch)).containsEntry(RECOVERY_DUE, Date.from(recovery));
  }

  @Clause("GB 5.3.3 e")
  @Clause("P3 5.3.2.8 b")
  @Test
  void aFiveByEightOrderIsFedBackInWorkingTime() {
    WorkOrder o = order("5x8", china("2026-11-27T17:00:00"), china("2026-11-30T17:00:00"));
    // Friday 17:30 + 1 h of working time: 30 min on Friday, 30 min from Monday 08:30
    assertThat(at("2026-11-27T17:30:00", o).nextFeedbackAt(1L).toInstant()).isEqualTo(china("2026-11-30T09:00:00"));
    // 11:40 + 1 h: 20 min before lunch, 40 min after
    assertThat(at("2026-11-30T11:40:00", o).nextFeedbackAt(1L).toInstant()).isEqualTo(china("2026-11-30T14:40:00"));
  }

  @Clause("P3 5.3.2.7 b")
  @Test
  void aSevenByTwentyFourOrderIsFedBackOnTheWallClock() {
    WorkOrder o = order("7x24", china("2026-11-27T17:00:00"), china("2026-11-30T17:00:00"));
    assertThat(at("2026-11-27T17:30:00", o).nextFeedbackAt(1L).toInstant()).isEqualTo(china("2026-11-27T18:30:00"));
  }

  @Clause("GB 5.3.2 e 4")
  @Test
  void escalationLevelsAreOneIntervalApartOnTheOrdersCalendar() {
    Instant dispatch = china("2026-11-30T11:50:00");
    WorkOrder fiveByEight = order("5x8", dispatch, china("2026-12-01T10:00:00"));
    WorkOrderClocks clocks = at("2026-11-30T11:00:00", fiveByEight);
    assertThat(clocks.nextEscalationAt(1L, "DISPATCH", 0).toInstant()).isEqualTo(dispatch);
    assertThat(clocks.nextEscalationAt(1L, "DISPATCH", 1).toInstant()).as("10 min before lunch, 20 after")
        .isEqualTo(china("2026-11-30T14:20:00"));
    assertThat(clocks.nextEscalationAt(1L, "RECOVERY", 2).toInstant()).isEqualTo(china("2026-12-01T11:00:00"));

    WorkOrder sevenByTwentyFour = order("7x24", dispatch, china("2026-12-01T10:00:00"));
    assertThat(at("2026-11-30T11:00:00", sevenByTwentyFour).nextEscalationAt(1L, "DISPATCH", 1).toInstant())
        .isEqualTo(china("2026-11-30T12:20:00"));
  }

  @Test
  void aLevelWhoseTimeHasPassedFiresASecondFromNowAndNoLevelIsSkipped() {
    WorkOrder o = order("7x24", china("2026-03-10T09:00:00"), china("2026-03-10T09:30:00"));
    WorkOrderClocks clocks = at("2026-03-10T10:00:00", o);
    assertThat(clocks.nextEscalationAt(1L, "RECOVERY", 0).toInstant()).isEqualTo(china("2026-03-10T10:00:01"));
    assertThat(clocks.nextEscalationAt(1L, "RECOVERY", 1).toInstant()).isEqualTo(china("2026-03-10T10:00:01"));
    assertThat(clocks.nextEscalationAt(1L, "RECOVERY", 2).toInstant()).isEqualTo(china("2026-03-10T10:30:00"));
  }

  @Test
  void everyConfiguredLevelIsEscalatedOnce() {
    WorkOrderClocks clocks = at("2026-03-10T10:00:00", order("7x24", Instant.EPOCH, Instant.EPOCH));
    assertThat(clocks.moreEscalations(0)).isTrue();
    assertThat(clocks.moreEscalations(2L)).isTrue();
    assertThat(clocks.moreEscalations(3)).isFalse();
    assertThat(clocks.moreEscalations(null)).isTrue();
  }
}
