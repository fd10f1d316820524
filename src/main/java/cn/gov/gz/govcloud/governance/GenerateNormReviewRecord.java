package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.governance.NormVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.report.DocumentLinks;
import cn.gov.gz.govcloud.report.ReportDocument;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Files the review record of the norm (P6 7.6.1.3, 7.6.1.5) and sends it to management. */
@Component("generateNormReviewRecord")
public class GenerateNormReviewRecord extends ProcessStep {
  private final NormService norms;
  private final NormReviewRecord record;
  private final CaseNotifier notifier;
  private final DocumentLinks links;

  GenerateNormReviewRecord(NormService norms, NormReviewRecord record, CaseNotifier notifier, DocumentLinks links) {
    this.norms = norms;
    this.record = record;
    this.notifier = notifier;
    this.links = links;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = Scores.id(execution, REVIEW_ID);
    ReportDocument d = record.generate(id, execution.getProcessInstanceId(), actor(execution));
    norms.filed(id, d.id());
    execution.setVariable(REPORT_ID, d.id());
    execution.setVariable(REPORT_VERSION, d.version());
    notifier.toGroups(List.of(Groups.MANAGEMENT, Groups.OPS_MANAGER), "norm-review-record", d.subjectRef(),
        "规范评审 " + d.subjectRef(), "管理规范评审记录已归档",
        "评审记录（第 " + d.version() + " 版）已生成并归档。\n" + links.line(d), d.title());
  }
}
