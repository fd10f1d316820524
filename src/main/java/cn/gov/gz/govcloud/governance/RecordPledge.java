package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.governance.PledgeVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records the day the confidentiality pledge was signed (the scan goes to the deliverables register). */
@Component("recordPledge")
public class RecordPledge extends ProcessStep {
  private final StaffService staff;

  RecordPledge(StaffService staff) {
    this.staff = staff;
  }

  @Override
  protected void run(DelegateExecution execution) {
    staff.signed(Scores.id(execution, PLEDGE_ID), execution.getVariable(SIGNED_ON), text(execution, PLEDGE_NOTE),
        actor(execution));
  }
}
