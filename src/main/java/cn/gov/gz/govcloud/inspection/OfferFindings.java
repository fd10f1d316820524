package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.inspection.InspectionVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Hands every finding not yet closed to a work order (P6 7.2.3.1.4, 7.2.3.2.5): the open ones after the areas are
 * done, and, each time the work orders of a round have ended, those whose order was cancelled. Sets
 * {@code openFindings}; {@code reported} once the report was written on carrying the findings over.
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
    boolean reported = service.get(id).reportId() != null;
    if (!reported) {
      service.status(id, Inspection.Status.FOLLOW_UP);
    }
    execution.setVariable(OPEN_FINDINGS, (long) findings.offer(id));
    execution.setVariable(REPORTED, reported);
  }
}
