package cn.gov.gz.govcloud.ledger;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.ledger.Reconciliation.RunSummary;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Ledger check for any process a process owner models (e.g. a special inspection, P3 Appendix A.1 items 3 and 8):
 * reconciles against the latest inventory snapshot and leaves {@code reconciliationRunId} and
 * {@code discrepancyCount} for the model to decide on. With no snapshot imported yet there is nothing to compare
 * with: a business outcome the model reacts to with an error boundary event on {@link #NO_INVENTORY}, not an
 * incident.
 */
@Component("reconcileLedger")
class ReconcileLedger extends ProcessStep {

  static final String RECONCILIATION_RUN_ID = "reconciliationRunId";
  static final String DISCREPANCY_COUNT = "discrepancyCount";
  /** Error code thrown when no inventory snapshot has been imported (documented in the element template). */
  static final String NO_INVENTORY = "LEDGER_NO_INVENTORY";

  private final Reconciliation reconciliation;

  ReconcileLedger(Reconciliation reconciliation) {
    this.reconciliation = reconciliation;
  }

  @Override
  protected void run(DelegateExecution execution) {
    if (!reconciliation.hasInventory()) {
      throw new BpmnError(NO_INVENTORY, "尚未导入资源清单（数据对接 P6 7.2.1），无法核对台账");
    }
    RunSummary run = reconciliation.reconcileLatest("process:" + execution.getProcessInstanceId());
    execution.setVariable(RECONCILIATION_RUN_ID, run.runId());
    execution.setVariable(DISCREPANCY_COUNT, run.counts().values().stream().mapToLong(Long::longValue).sum());
  }
}
