package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.governance.AssessmentVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.governance.AssessmentService.Assessment;
import cn.gov.gz.govcloud.governance.AssessmentService.Result;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Before the due date: the ops managers are reminded of a staff member not assessed yet (and it is counted). */
@Component("remindAssessment")
public class RemindAssessment extends ProcessStep {
  private final AssessmentService assessments;
  private final CaseNotifier notifier;

  RemindAssessment(AssessmentService assessments, CaseNotifier notifier) {
    this.assessments = assessments;
    this.notifier = notifier;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = Scores.id(execution, ASSESSMENT_ID);
    long staffId = Scores.id(execution, ASSESSED_STAFF_ID);
    Assessment a = assessments.get(id);
    Result r = assessments.result(id, staffId);
    notifier.toGroups(List.of(Groups.OPS_MANAGER), "assessment-reminder", a.assessmentNo() + "-" + staffId,
        "考核 " + a.assessmentNo(), "请记录" + r.name() + "的考核成绩",
        r.name() + "的" + a.title() + "成绩尚未记录，截止时间 " + TemplateReport.time(a.dueAt())
            + "（北京时间）；逾期记为缺考。", "考核编号：" + a.assessmentNo());
    assessments.reminded(id, staffId);
  }
}
