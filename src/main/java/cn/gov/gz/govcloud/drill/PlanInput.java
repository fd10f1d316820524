package cn.gov.gz.govcloud.drill;

import cn.gov.gz.govcloud.drill.ContingencyPlan.StageTarget;
import java.time.Instant;
import java.util.List;

/**
 * A new plan ({@code POST /api/plans}) or a revision ({@code POST /api/plans/{planNo}/versions}: only the content
 * fields, the change reason and the drill or emergency that led to it; content left out stays as it was).
 * {@code lastDrilledAt} records the last drill of a plan taken over from paper.
 */
public record PlanInput(String title, String planType, String businessSystemCode, String owner, Instant lastDrilledAt,
    String scope, String riskAssessment, String organisation, String contactChain, String resources,
    String responseProcedure, String recoveryMeasures, List<StageTarget> stageTargets, String changeReason,
    String drillNo, String emergencyNo) {}
