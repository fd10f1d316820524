package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.optimization.OptimizationVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** A unit that has not answered is reminded (and the reminder recorded). */
@Component("remindOptimizationUnit")
class RemindOptimizationUnit extends ProcessStep {
  private final OptimizationService service;
  private final CaseNotifier notifier;

  RemindOptimizationUnit(OptimizationService service, CaseNotifier notifier) {
    this.service = service;
    this.notifier = notifier;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = reviewId(execution);
    String unit = unit(execution);
    String no = text(execution, REVIEW_NO);
    notifier.toGroups(List.of(Groups.unitGroup(unit)), "optimization-reminder", no + "-" + unit, "资源优化 " + no,
        "请确认资源优化建议", "贵单位尚未确认或答复资源优化建议，请在任务中心办理。",
        "评审编号：" + no + "\n使用单位：" + unit);
    service.event(id, unit, "REMINDED", "催办：提醒使用单位确认优化建议", "system");
  }
}
