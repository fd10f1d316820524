package cn.gov.gz.govcloud.resourceapplication;

import static cn.gov.gz.govcloud.resourceapplication.ApplicationVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The unit confirmed receipt: the delivered resources enter the ledger (P6 7.2.2.4) in this step's transaction.
 */
@Component("createLedgerEntries")
class CreateLedgerEntries extends ProcessStep {

  private final ResourceApplicationService service;
  private final ApplicationNotices notices;

  CreateLedgerEntries(ResourceApplicationService service, ApplicationNotices notices) {
    this.service = service;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = applicationId(execution);
    int entered = service.enterLedger(id, actor(execution));
    execution.setVariable(OUTCOME, "DELIVERED");
    notices.toUnit(service.get(id), "in-ledger", "资源已登记入台账", "您确认收到的 " + entered + " 项资源已登记入云资源台账。");
  }

}
