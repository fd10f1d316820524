package cn.gov.gz.govcloud.inspection;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A quarterly inspection with nothing to inspect (no active machine room, no active resource checklist item; P3
 * 5.1.3.1–2): the ops managers are told to enter the rooms and templates; the quarter's inspection is started again
 * once they have.
 */
@Component("reportNothingToInspect")
class ReportNothingToInspect extends ProcessStep {

  private final CaseNotifier notifier;
  private final Clock clock;

  ReportNothingToInspect(CaseNotifier notifier, Clock clock) {
    this.notifier = notifier;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String quarter = InspectionService.quarterOf(clock.instant());
    notifier.toGroups(List.of(Groups.OPS_MANAGER), "inspection-nothing-to-inspect", quarter,
        "季度全面巡检 " + quarter, "没有可巡检的机房或资源类别",
        "本季度全面巡检未能安排：没有启用的机房，也没有启用的云资源巡检项。",
        "请在巡检管理中登记机房、启用巡检项（附录 A），然后补发本季度全面巡检。");
  }
}
