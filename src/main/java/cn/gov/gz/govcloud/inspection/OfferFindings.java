package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.inspection.InspectionVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Hands every finding not yet closed to a work order (P6 7.2.3.1.4, 7.2.3.2.5): the open ones after the areas are
 * done, and, each time the work orders of a round have ended, those whose order was cancelled. Sets
 * {@code openFindings}, {@code hadFindings} (nothing to follow up nor to add to the report without findings) and
 * {@code addendumWritten} (the addendum went out on carrying the findings over).
 */
@Component("offerInspectionFindings")
class OfferFindings extends ProcessStep {

  private final InspectionService service;
  private final InspectionFindings findings;

  OfferFindings(InspectionService service, InspectionFindings findings) {
    this.service = service;
    this.findings = findings;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = inspectionId(execution);
    Inspection inspection = service.get(id);
    boolean addendum = inspection.addendumId() != null;
    if (!addendum && inspection.status() != Inspection.Status.COMPLETED) {
      service.status(id, Inspection.Status.FOLLOW_UP);
    }
    execution.setVariable(OPEN_FINDINGS, (long) findings.offer(id));
    execution.setVariable(HAD_FINDINGS, !findings.findings(id).isEmpty());
    execution.setVariable(ADDENDUM_WRITTEN, addendum);
  }
}
