package cn.gov.gz.govcloud.workorder;

import cn.gov.gz.govcloud.compliance.Implements;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Work order statistics for a period (P6 7.3.2.3; DB4401/T 294.3 7.3.2): counts by type, unit and business system;
 * dispatch and recovery against their targets; satisfaction; complaint and reopen rates. Used by the KPI reports.
 */
@Implements(value = "P6 7.3.2.3", what = "工单统计分析：按类型、单位、业务系统计数，按时分派与恢复、满意度、投诉率")
@Implements(value = "P3 5.2.2.2", what = "根据工单执行情况统计分析")
@Component
class WorkOrderStatistics {

  private final WorkOrderService service;

  WorkOrderStatistics(WorkOrderService service) {
    this.service = service;
  }

  /** The figures of one period; rates are 0–1 and null where nothing could be measured. */
  public record Summary(Instant from, Instant to, int total, int closed, Map<String, Long> byType,
      Map<String, Long> byUnit, Map<String, Long> bySystem, Double dispatchedInTimeRate, Double avgDispatchMinutes,
      Double resolvedInTimeRate, Double avgResolutionMinutes, Double averageSatisfaction, int surveysAnswered,
      Double complaintRate, Double reopenRate) {}

  public Summary of(Instant from, Instant to) {
    List<WorkOrder> orders = service.receivedBetween(from, to);
    int total = orders.size();
    List<WorkOrder> dispatched = orders.stream().filter(o -> o.dispatchedAt() != null).toList();
    List<WorkOrder> resolved = orders.stream().filter(o -> o.resolvedAt() != null && o.recoveryDueAt() != null)
        .toList();
    List<WorkOrder> surveyed = orders.stream().filter(o -> o.satisfactionScore() != null).toList();
    return new Summary(from, to, total,
        (int) orders.stream().filter(o -> o.status() == WorkOrder.Status.CLOSED).count(),
        count(orders, o -> o.type().name()),
        count(orders.stream().filter(o -> o.unitCode() != null).toList(), WorkOrder::unitCode),
        count(orders.stream().filter(o -> o.businessSystemCode() != null).toList(), WorkOrder::businessSystemCode),
        rate(dispatched.stream().filter(o -> o.dispatchDueAt() == null || !o.dispatchedAt().isAfter(o.dispatchDueAt()))
            .count(), dispatched.size()),
        average(dispatched.stream().map(o -> Duration.between(o.receivedAt(), o.dispatchedAt())).toList()),
        rate(resolved.stream().filter(o -> !o.resolvedAt().isAfter(o.recoveryDueAt())).count(), resolved.size()),
        average(resolved.stream()
            .map(o -> Duration.between(o.receivedAt(), o.resolvedAt()).minusSeconds(o.pausedSeconds())).toList()),
        surveyed.isEmpty() ? null
            : surveyed.stream().mapToInt(WorkOrder::satisfactionScore).average().orElse(0),
        surveyed.size(),
        rate(orders.stream().filter(o -> o.type() == WorkOrderType.COMPLAINT).count(), total),
        rate(orders.stream().filter(o -> o.reopenCount() > 0).count(), total));
  }

  private static Map<String, Long> count(List<WorkOrder> orders, Function<WorkOrder, String> key) {
    return orders.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }

  private static Double rate(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  private static Double average(List<Duration> durations) {
    return durations.isEmpty() ? null
        : durations.stream().mapToLong(Duration::toSeconds).average().orElse(0) / 60.0;
  }
}
