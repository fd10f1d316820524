package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.governance.AssessmentVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.report.DocumentLinks;
import cn.gov.gz.govcloud.report.ReportDocument;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Files the assessment record (scores, retakes, results, chart of the scores) and sends it to management. */
@Component("generateAssessmentRecord")
public class GenerateAssessmentRecord extends ProcessStep {
  private final AssessmentService assessments;
  private final AssessmentRecord record;
  private final CaseNotifier notifier;
  private final DocumentLinks links;

  GenerateAssessmentRecord(AssessmentService assessments, AssessmentRecord record, CaseNotifier notifier,
      DocumentLinks links) {
    this.assessments = assessments;
    this.record = record;
    this.notifier = notifier;
    this.links = links;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = Scores.id(execution, ASSESSMENT_ID);
    ReportDocument d = record.generate(id, execution.getProcessInstanceId(), actor(execution));
    assessments.filed(id, d.id());
    execution.setVariable(REPORT_ID, d.id());
    execution.setVariable(REPORT_VERSION, d.version());
    notifier.toGroups(List.of(Groups.MANAGEMENT, Groups.OPS_MANAGER), "assessment-record", d.subjectRef(),
        "考核 " + d.subjectRef(), "安全意识与操作考核记录已归档",
        "考核记录（第 " + d.version() + " 版）已生成并归档。\n" + links.line(d), "考核：" + assessments.get(id).title());
  }
}
