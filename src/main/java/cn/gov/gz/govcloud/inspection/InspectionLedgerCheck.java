package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.inspection.InspectionVariables.inspectionId;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.ledger.Discrepancy;
import cn.gov.gz.govcloud.ledger.Reconciliation;
import cn.gov.gz.govcloud.ledger.Reconciliation.RunSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The ledger check of P3 A.1 items 3 and 8 (P6 7.2.3.1.3): reconciles order, ledger and what runs; each kind of
 * difference per unit becomes one finding. With no inventory imported yet the items are marked "not checked".
 */
@Component("inspectionLedgerCheck")
class InspectionLedgerCheck extends ProcessStep {

  private final InspectionService service;
  private final InspectionChecklists checklists;
  private final InspectionFindings findings;
  private final Reconciliation reconciliation;

  InspectionLedgerCheck(InspectionService service, InspectionChecklists checklists, InspectionFindings findings,
      Reconciliation reconciliation) {
    this.service = service;
    this.checklists = checklists;
    this.findings = findings;
    this.reconciliation = reconciliation;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = inspectionId(execution);
    Inspection inspection = service.get(id);
    if (!checklists.hasLedgerItems(id)) {
      return; // no area of this inspection has a ledger-checked item (e.g. rooms or storage only)
    }
    if (!reconciliation.hasInventory()) {
      findings.recordLedgerCheck(inspection, null, Map.of());
      return;
    }
    RunSummary run = reconciliation.reconcileLatest("inspection:" + inspection.inspectionNo());
    Caller system = new Caller("system", List.of(Groups.OPS_MANAGER));
    Map<List<String>, List<String>> groups = new LinkedHashMap<>();
    for (Discrepancy d : reconciliation.discrepancies(run.runId(), null, system, Integer.MAX_VALUE)) {
      if (!inspection.scope().units().isEmpty() && !inspection.scope().units().contains(d.unitCode())) {
        continue;
      }
      List<String> key = Arrays.asList(label(d.kind()), d.unitCode());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add("资源 " + d.resourceId() + "："
          + (d.description() == null ? d.field() + " 台账 " + d.ledgerValue() + " / 实际 " + d.actualValue()
              : d.description()));
    }
    findings.recordLedgerCheck(inspection, run.runId(), groups);
  }

  static String label(Discrepancy.Kind kind) {
    return switch (kind) {
      case NOT_IN_LEDGER -> "实际运行但未登记台账";
      case NOT_RUNNING -> "台账在用但未运行";
      case SPEC_MISMATCH -> "规格与台账不一致";
      case BRAND_MODEL_MISMATCH -> "品牌型号与台账不一致";
      case LOCATION_MISMATCH -> "位置或地址与台账不一致";
      case OWNER_MISMATCH -> "归属单位与台账不一致";
      case QUANTITY_MISMATCH -> "数量与订单不一致";
    };
  }
}
