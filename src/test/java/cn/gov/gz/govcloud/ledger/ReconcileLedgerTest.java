package cn.gov.gz.govcloud.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gov.gz.govcloud.ledger.Reconciliation.RunSummary;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The ledger-check delegate alone: a business failure is a BPMN error the model can catch, not an incident. */
@Tag("unit")
class ReconcileLedgerTest {

  final Reconciliation reconciliation = mock(Reconciliation.class);
  final DelegateExecution execution = mock(DelegateExecution.class);
  final ReconcileLedger step = new ReconcileLedger(reconciliation);

  @Test
  void withoutAnInventoryTheModelGetsTheErrorCodeAndNothingIsReconciled() {
    when(reconciliation.hasInventory()).thenReturn(false);

    assertThatThrownBy(() -> step.execute(execution)).isInstanceOfSatisfying(BpmnError.class,
        e -> assertThat(e.getErrorCode()).isEqualTo(ReconcileLedger.NO_INVENTORY));
    verify(reconciliation, never()).reconcileLatest(anyString());
    verify(execution, never()).setVariable(anyString(), org.mockito.ArgumentMatchers.any());
  }

  @Test
  void withAnInventoryTheRunAndTheNumberOfDiscrepanciesAreLeftForTheModel() {
    when(reconciliation.hasInventory()).thenReturn(true);
    when(execution.getProcessInstanceId()).thenReturn("4711");
    RunSummary run = new RunSummary(42L, 7L, 10, 11, 5L,
        Map.of(Discrepancy.Kind.NOT_IN_LEDGER, 2L, Discrepancy.Kind.OWNER_MISMATCH, 1L));
    when(reconciliation.reconcileLatest("process:4711")).thenReturn(run);

    step.execute(execution);

    verify(execution).setVariable(ReconcileLedger.RECONCILIATION_RUN_ID, 42L);
    verify(execution).setVariable(ReconcileLedger.DISCREPANCY_COUNT, 3L);
  }
}
