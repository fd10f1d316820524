package cn.gov.gz.govcloud.kpi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The KPIs of one period (DB4401/T 294.3 7.3.2; P6 Appendix B), computed from Camunda history and our tables. Rates
 * are 0–1; a null figure means the period has nothing to measure it by. {@code definitions} says, per figure (by its
 * place in this JSON, e.g. {@code efficiency.emergencyRespondedInTime}), what counts: the same text the documents
 * print as footnotes ({@link Kpi}).
 */
public record KpiReport(LocalDate from, LocalDate to, Efficiency efficiency, Quality quality,
    Satisfaction satisfaction, Compliance compliance, List<Staff> staff, List<Team> teams,
    Map<String, Kpi.Definition> definitions) {

  /** Response timeliness by level, completion time, inspection completion. */
  public record Efficiency(Double emergencyRespondedInTime, Map<String, Double> emergencyRespondedInTimeBySeverity,
      EmergencyResponses emergencyResponses, Double workOrderDispatchedInTime,
      Map<Integer, Double> workOrderDispatchedInTimeByLevel, Double workOrderResolvedInTime,
      Double workOrderAverageResolutionMinutes, Double feedbackBeatsOnTime, Double inspectionCompletionRate) {}

  /**
   * The emergencies received in the period (drills excluded) behind {@code emergencyRespondedInTime}: received,
   * responded, responded within the deadline, and those not yet responded, of which past their deadline, at the
   * moment of computing. {@code respondedInTime / responded} is the rate.
   */
  public record EmergencyResponses(long received, long responded, long respondedInTime, long notResponded,
      long notRespondedOverdue) {}

  /** Completion of resource orders and work orders, utilisation, what is overdue now. */
  public record Quality(Double resourceOrderCompletionRate, Double workOrderCompletionRate,
      Double averageCpuUtilisation, long openWorkOrdersOverdue, long openEmergenciesNotResponded) {}

  /** Survey average and distribution (scores 1–5), complaint rate. */
  public record Satisfaction(Double average, Map<Integer, Long> distribution, long answered, Double complaintRate) {}

  /** Instances ended without a recorded reason; emergency reports delivered by the end of the next day. */
  public record Compliance(long instancesCancelledWithoutReason, Double reportsOnTime) {}

  /** One person's tasks in the period (P6 Appendix B.1): completed, on time where a due date was set. */
  public record Staff(String userId, long tasksCompleted, Double onTimeRate) {}

  /** One handler group's work orders in the period: handled, recovered in time, reopened by the user. */
  public record Team(String group, long workOrders, Double resolvedInTime, Double reopenRate) {}
}
