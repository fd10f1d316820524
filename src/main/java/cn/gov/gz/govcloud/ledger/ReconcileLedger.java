package cn.gov.gz.govcloud.ledger;

import cn.gov.gz.govcloud.ledger.Reconciliation.RunSummary;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Ledger check for any process (e.g. an inspection, P3 Appendix A.1 items 3 and 8): reconciles against the latest
 * inventory snapshot and leaves {@code reconciliationRunId} and {@code discrepancyCount} for the model to decide on.
 */
@Component("reconcileLedger")
class ReconcileLedger implements JavaDelegate {

  static final String RECONCILIATION_RUN_ID = "reconciliationRunId";
  static final String DISCREPANCY_COUNT = "discrepancyCount";

  private final Reconciliation reconciliation;

  ReconcileLedger(Reconciliation reconciliation) {
    this.reconciliation = reconciliation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RunSummary run = reconciliation.reconcileLatest("process:" + execution.getProcessDefinitionId());
    execution.setVariable(RECONCILIATION_RUN_ID, run.runId());
    execution.setVariable(DISCREPANCY_COUNT, run.counts().values().stream().mapToLong(Long::longValue).sum());
  }
}
