package cn.gov.gz.govcloud.drill;

import java.time.Instant;
import java.util.List;

/**
 * A contingency plan (P6 7.4.2.1): scope (a business system, or the whole platform when none), type, owner, current
 * version, when it was last drilled, when the next drill is due by the required frequency, and whether that is past.
 */
public record ContingencyPlan(long id, String planNo, String title, PlanType planType, String unitCode,
    String businessSystemCode, String owner, String status, int currentVersion, Instant lastDrilledAt,
    Instant createdAt, Instant updatedAt, Instant nextDrillDue, boolean overdue) {

  /** A stage of the response with its target time in minutes (GB/T 34077.3 8.2.7 c 4). */
  public record StageTarget(String stage, Integer minutes) {}

  /**
   * One version of a plan's content: risk types and impact assessment, organisation and roles, contact chain,
   * resources, response procedure, recovery measures, stage targets; who changed it, when, why, and the drill or
   * emergency that led to the change.
   */
  public record Version(int version, String scope, String riskAssessment, String organisation, String contactChain,
      String resources, String responseProcedure, String recoveryMeasures, List<StageTarget> stageTargets,
      String changeReason, String changedBy, Instant changedAt, String drillNo, String emergencyNo) {}
}
