package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.optimization.OptimizationVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Candidates (P3 Appendix C): every resource through the decision appendix-c-candidates. */
@Component("classifyOptimizationCandidates")
class ClassifyOptimizationCandidates extends ProcessStep {
  private final CandidateClassification classification;

  ClassifyOptimizationCandidates(CandidateClassification classification) {
    this.classification = classification;
  }

  @Override
  protected void run(DelegateExecution execution) {
    execution.setVariable(CANDIDATE_COUNT, classification.classify(reviewId(execution)));
  }
}
