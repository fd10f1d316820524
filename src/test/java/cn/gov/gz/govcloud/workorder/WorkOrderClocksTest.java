package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.gov.gz.govcloud.workorder.WorkOrderTargets.Targets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The variables {@link WorkOrderClocks} writes for the model's timers (no application, no engine): deadlines, the
 * escalation cycles that fire once per level not yet reached, and the feedback cycle.
 */
@Tag("unit")
class WorkOrderClocksTest {

  static final Instant NOW = Instant.parse("2026-03-10T02:00:00.250Z");

  final Map<String, Object> variables = new HashMap<>();
  final VariableScope scope = mock(VariableScope.class);
  final WorkOrderService service = mock(WorkOrderService.class);
  WorkOrderClocks clocks;

  @BeforeEach
  void setUp() {
    when(scope.getVariable(anyString())).thenAnswer(i -> variables.get(i.<String>getArgument(0)));
    doAnswer(i -> variables.put(i.getArgument(0), i.getArgument(1))).when(scope).setVariable(anyString(), any());
    when(service.targetsOf(any())).thenReturn(
        new Targets(Duration.ofMinutes(30), Duration.ofHours(1), "service-desk", Duration.ofHours(8), true));
    WorkOrderProperties properties = new WorkOrderProperties(List.of("ops-manager", "management", "director"),
        Duration.ofMinutes(30), null, null, null, null, null);
    clocks = new WorkOrderClocks(service, properties, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static WorkOrder order(Instant dispatchDue, Instant recoveryDue) {
    return new WorkOrder(1, "GD-1", "pi", "JTJ", "JTJ-OA", "张三", "13800000000", WorkOrderType.FAULT,
        WorkOrder.Priority.MEDIUM, 3, WorkOrder.Channel.SERVICE_DESK, null, "t", "d", WorkOrder.Status.RECEIVED,
        "service-desk", NOW, dispatchDue, null, 28800L, 0, null, null, null, 0, 0, null, null, null, null, "desk1",
        "5x8", recoveryDue);
  }

  @Test
  void deadlinesLevelGroupAndFeedbackCycle() {
    Instant dispatch = Instant.parse("2026-03-10T02:30:00Z");
    Instant recovery = Instant.parse("2026-03-10T09:30:00Z");
    clocks.apply(scope, order(dispatch, recovery));
    assertThat(variables).containsEntry(SERVICE_LEVEL, 3).containsEntry(DISPATCH_GROUP, "service-desk")
        .containsEntry(DISPATCH_DUE, Date.from(dispatch)).containsEntry(RECOVERY_DUE, Date.from(recovery))
        .containsEntry(FEEDBACK_CYCLE, "R/PT1H");
  }

  @Test
  void aCycleFiresOncePerEscalationLevelStartingAtTheDeadline() {
    clocks.apply(scope, order(Instant.parse("2026-03-10T02:30:00Z"), Instant.parse("2026-03-10T09:30:00Z")));
    // three levels: the start date fires, then R2 more
    assertThat(variables).containsEntry(DISPATCH_ESCALATION_CYCLE, "R2/2026-03-10T02:30:00Z/PT30M")
        .containsEntry(RECOVERY_ESCALATION_CYCLE, "R2/2026-03-10T09:30:00Z/PT30M");
  }

  @Test
  void levelsAlreadyReachedAreNotFiredAgain() {
    variables.put(DISPATCH_ESCALATIONS, 1);
    variables.put(RECOVERY_ESCALATIONS, 2L);
    clocks.apply(scope, order(Instant.parse("2026-03-10T02:30:00Z"), Instant.parse("2026-03-10T09:30:00Z")));
    assertThat(variables).containsEntry(DISPATCH_ESCALATION_CYCLE, "R1/2026-03-10T02:30:00Z/PT30M")
        .containsEntry(RECOVERY_ESCALATION_CYCLE, "R0/2026-03-10T09:30:00Z/PT30M");
  }

  @Test
  void aDeadlineInThePastStartsTheCycleNowSoNoLevelIsSkipped() {
    clocks.apply(scope, order(Instant.parse("2026-03-10T01:00:00Z"), Instant.parse("2026-03-09T09:30:00Z")));
    assertThat(variables).containsEntry(DISPATCH_ESCALATION_CYCLE, "R2/2026-03-10T02:00:01Z/PT30M")
        .containsEntry(RECOVERY_ESCALATION_CYCLE, "R2/2026-03-10T02:00:01Z/PT30M");
  }

  @Test
  void withEveryLevelReachedTheCycleIsParked() {
    variables.put(DISPATCH_ESCALATIONS, 3);
    variables.put(RECOVERY_ESCALATIONS, 5);
    clocks.apply(scope, order(Instant.parse("2026-03-10T02:30:00Z"), Instant.parse("2026-03-10T09:30:00Z")));
    assertThat(variables).containsEntry(DISPATCH_ESCALATION_CYCLE, "R1/" + WorkOrderClocks.PARKED + "/PT30M")
        .containsEntry(RECOVERY_ESCALATION_CYCLE, "R1/" + WorkOrderClocks.PARKED + "/PT30M");
  }
}
