package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.optimization.OptimizationVariables.*;

import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.optimization.OptimizationService.Decision;
import cn.gov.gz.govcloud.web.ValidationException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Management's review (P6 7.5.4.1): decisions per row, then "accept all" or "reject all" for the rest; every
 * candidate must be decided, a rejection needs a reason.
 */
@Component("applyOptimizationDecisions")
class ApplyOptimizationDecisions extends ProcessStep {
  private final OptimizationService service;
  private final OptimizationDecisions decisions;
  private final JsonVariables json;

  ApplyOptimizationDecisions(OptimizationService service, OptimizationDecisions decisions, JsonVariables json) {
    this.service = service;
    this.decisions = decisions;
    this.json = json;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = reviewId(execution);
    List<CandidateRow> rows = json.read(execution, CANDIDATES, new TypeReference<List<CandidateRow>>() {});
    List<Decision> given = new ArrayList<>();
    for (CandidateRow row : rows == null ? List.<CandidateRow>of() : rows) {
      if (row != null && row.decision() != null && !row.decision().isBlank()) {
        given.add(new Decision(row.candidateId(), row.decision(), row.decisionReason()));
      }
    }
    String bulk = text(execution, BULK_DECISION);
    String all = "ACCEPT_ALL".equals(bulk) ? "ACCEPT" : "REJECT_ALL".equals(bulk) ? "REJECT" : null;
    if (bulk != null && !List.of("ACCEPT_ALL", "REJECT_ALL", "PER_ROW").contains(bulk)) {
      throw ValidationException.of(BULK_DECISION, "取值 PER_ROW（逐条决定）、ACCEPT_ALL（其余全部接受）或 REJECT_ALL（其余全部拒绝）");
    }
    Map<String, Long> counts = decisions.decide(id, given, all, text(execution, REVIEW_REASON),
        actor(execution));
    if (counts.get("PENDING") > 0) {
      throw ValidationException.of(BULK_DECISION, "尚有 " + counts.get("PENDING")
          + " 条建议未决定：请逐条选择，或选择其余全部接受/全部拒绝");
    }
    long accepted = counts.get("ACCEPTED");
    execution.setVariable(ACCEPTED_COUNT, accepted);
    service.status(id, accepted == 0 ? Review.Status.CLOSED : Review.Status.ACTING);
    service.event(id, null, "REVIEWED", "管理方审核：接受 " + accepted + " 项，拒绝 " + counts.get("REJECTED") + " 项",
        actor(execution));
  }
}
