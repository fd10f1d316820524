package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.governance.PledgeVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.governance.StaffService.Pledge;
import cn.gov.gz.govcloud.web.ValidationException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Opens the confidentiality pledge of a staff member's joining or leaving: due the configured time after that day
 * (govcloud.governance.pledge-within), with reminders at the configured interval until it is recorded.
 */
@Component("openPledge")
public class OpenPledge extends ProcessStep {
  private final StaffService staff;
  private final GovernanceProperties properties;

  OpenPledge(StaffService staff, GovernanceProperties properties) {
    this.staff = staff;
    this.properties = properties;
  }

  @Override
  protected void run(DelegateExecution execution) {
    if (!(execution.getVariable(STAFF_ID) instanceof Number id)) {
      throw ValidationException.of(STAFF_ID, "保密协议流程由人员名册发起（POST /api/staff、/api/staff/{id}/leave）");
    }
    Pledge p = staff.openPledge(id.longValue(), text(execution, PLEDGE_KIND), properties.pledgeWithin(),
        execution.getProcessInstanceId());
    execution.setVariable(PLEDGE_ID, p.id());
    execution.setVariable(PLEDGE_DUE, Date.from(p.dueAt()));
    execution.setVariable(PLEDGE_REMINDER_CYCLE, "R30/" + Date.from(p.dueAt()).toInstant() + "/"
        + properties.pledgeRemindEvery());
    execution.setProcessBusinessKey(p.pledgeNo());
  }
}
