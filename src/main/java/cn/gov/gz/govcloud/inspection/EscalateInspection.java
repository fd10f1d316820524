package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.inspection.InspectionVariables.inspectionId;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.inspection.InspectionService.Area;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** An inspection not done by its due date (P3 5.1.3.2): the ops managers are told, and the KPI shows it. */
@Component("escalateInspection")
class EscalateInspection extends ProcessStep {

  private final InspectionService service;
  private final CaseNotifier notifier;

  EscalateInspection(InspectionService service, CaseNotifier notifier) {
    this.service = service;
    this.notifier = notifier;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = inspectionId(execution);
    Inspection inspection = service.get(id);
    service.escalated(id);
    List<String> pending = service.areas(id).stream().filter(a -> a.status() != Area.Status.DONE)
        .map(a -> a.name() + "（" + (a.inspector() == null ? "未指定" : a.inspector()) + "）").toList();
    notifier.toGroups(List.of(Groups.OPS_MANAGER), "inspection-overdue", inspection.inspectionNo(),
        "巡检 " + inspection.inspectionNo(), "巡检逾期未完成",
        "巡检已超过计划完成时间 " + CityTime.minute(inspection.dueAt()) + "，请督促完成。",
        "未完成区域：" + String.join("、", pending));
  }
}
