package cn.gov.gz.govcloud.assurance;

import static cn.gov.gz.govcloud.assurance.AssuranceVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The period is over and the watch closed: the assurance leaves {@code rv_assurance_active}; the summary is due. */
@Component("endAssurancePeriod")
class EndAssurancePeriod extends ProcessStep {
  private final AssuranceService assurances;

  EndAssurancePeriod(AssuranceService assurances) {
    this.assurances = assurances;
  }

  @Override
  protected void run(DelegateExecution execution) {
    assurances.status(assuranceId(execution), "SUMMARY");
  }
}
