package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.optimization.OptimizationVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.optimization.OptimizationService.FollowUp;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Follow-up (P6 7.5.4.4): the review is closed; management is told what was done and saved. */
@Component("closeOptimizationReview")
class CloseOptimizationReview extends ProcessStep {
  private final OptimizationService service;
  private final CaseNotifier notifier;

  CloseOptimizationReview(OptimizationService service, CaseNotifier notifier) {
    this.service = service;
    this.notifier = notifier;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = reviewId(execution);
    Review r = service.get(id);
    if (r.status() != Review.Status.NOTHING_TO_DO) {
      service.status(id, Review.Status.CLOSED);
    }
    FollowUp f = service.followUp(id);
    notifier.toGroups(List.of(Groups.MANAGEMENT, Groups.OPS_MANAGER), "optimization-closed", r.reviewNo(),
        "资源优化 " + r.reviewNo(), "资源优化评审已完成", ReportFigures.followUpText(f)
            .replace("上期评审", "评审"), "统计周期：" + r.periodFrom() + " 至 " + r.periodTo());
  }
}
