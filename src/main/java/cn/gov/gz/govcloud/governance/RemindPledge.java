package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.governance.PledgeVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.governance.StaffService.Pledge;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** While a pledge is not recorded after its due time: the ops managers are reminded (and the reminder counted). */
@Component("remindPledge")
public class RemindPledge extends ProcessStep {
  private final StaffService staff;
  private final CaseNotifier notifier;

  RemindPledge(StaffService staff, CaseNotifier notifier) {
    this.staff = staff;
    this.notifier = notifier;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = Scores.id(execution, PLEDGE_ID);
    Pledge p = staff.pledge(id);
    notifier.toGroups(List.of(Groups.OPS_MANAGER), "pledge-reminder", p.pledgeNo(), "保密协议 " + p.pledgeNo(),
        "请登记" + p.staffName() + "的" + p.kindLabel() + "保密协议",
        p.staffName() + "的" + p.kindLabel() + "保密协议应于 " + TemplateReport.time(p.dueAt())
            + "（北京时间）前签订，尚未登记签订日期（P6 7.4.1.3 c）。请签订后在任务“签订保密协议”中登记，扫描件交付文档登记。",
        "人员：" + p.staffName() + "\n类型：" + p.kindLabel());
    staff.reminded(id);
  }
}
