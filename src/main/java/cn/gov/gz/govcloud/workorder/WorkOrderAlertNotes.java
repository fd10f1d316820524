package cn.gov.gz.govcloud.workorder;

import cn.gov.gz.govcloud.engine.CaseNotes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * News of an external alert on a work order's notes (kind {@code ALERT}, "告警状态"): a repeat of the alert or its
 * recovery. It is not progress for the feedback to the user and closes nothing.
 */
@Component
class WorkOrderAlertNotes implements CaseNotes {

  static final String KIND = "ALERT";

  private final WorkOrderService service;
  private final WorkOrderRepository repository;

  WorkOrderAlertNotes(WorkOrderService service, WorkOrderRepository repository) {
    this.service = service;
    this.repository = repository;
  }

  @Override
  public boolean handles(String processDefinitionKey) {
    return WorkOrderVariables.PROCESS_KEY.equals(processDefinitionKey);
  }

  @Override
  @Transactional
  public boolean alertNote(String caseNo, String author, String text) {
    var order = repository.findByNo(caseNo);
    order.ifPresent(o -> service.note(o.id(), KIND, author, text));
    return order.isPresent();
  }
}
