package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.governance.NormVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.governance.NormService.Norm;
import cn.gov.gz.govcloud.governance.NormService.Review;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Publishes the approved review (P6 7.6.1.4): a revision becomes the norm's next version; the staff of every party
 * are told what changed, so that they understand the norm's content and requirements.
 */
@Component("publishNorm")
public class PublishNorm extends ProcessStep {
  private final NormService norms;
  private final CaseNotifier notifier;

  PublishNorm(NormService norms, CaseNotifier notifier) {
    this.norms = norms;
    this.notifier = notifier;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = Scores.id(execution, REVIEW_ID);
    Norm n = norms.publish(id, actor(execution));
    Review r = norms.review(id);
    String what = Boolean.TRUE.equals(r.revise())
        ? "已修订并发布第 " + n.version() + " 版。修订内容：" + r.revisions()
        : "评审结论为维持现行第 " + n.version() + " 版。";
    notifier.toGroups(List.of(Groups.MANAGEMENT, Groups.OPS_MANAGER, Groups.OPS_ENGINEER, Groups.OPS_OPERATOR,
            Groups.SERVICE_DESK, Groups.SUPERVISOR), "norm-published", r.reviewNo(), "管理规范 " + n.code(),
        "《" + n.title() + "》评审结果发布", "《" + n.title() + "》（" + n.typeLabel() + "）" + what
            + "\n请相关人员学习并按规范执行；如需培训请在“培训”中提出。", "评审编号：" + r.reviewNo());
  }
}
