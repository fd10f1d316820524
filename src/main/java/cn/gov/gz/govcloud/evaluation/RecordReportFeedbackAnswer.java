package cn.gov.gz.govcloud.evaluation;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.evaluation.SurveyVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.evaluation.ReportFeedbackService.Feedback;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records the provider's answer and action on a feedback and tells whoever gave it. */
@Component("recordReportFeedbackAnswer")
public class RecordReportFeedbackAnswer extends ProcessStep {
  private final ReportFeedbackService feedback;
  private final CaseNotifier notifier;

  RecordReportFeedbackAnswer(ReportFeedbackService feedback, CaseNotifier notifier) {
    this.feedback = feedback;
    this.notifier = notifier;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = id(execution, FEEDBACK_ID);
    String action = text(execution, FEEDBACK_ACTION);
    feedback.answer(id, action, text(execution, FEEDBACK_ANSWER), actor(execution));
    Feedback f = feedback.get(id);
    String group = switch (f.party()) {
      case "UNIT" -> Groups.unitGroup(f.unitCode());
      case "SUPERVISOR" -> Groups.SUPERVISOR;
      default -> Groups.MANAGEMENT;
    };
    notifier.toGroups(List.of(group), "report-feedback", "RF-" + id, "报告反馈 RF-" + id, "报告反馈已答复",
        "您对《" + f.reportTitle() + "》的反馈意见已由服务方答复（" + ReportFeedbackService.ACTIONS.get(action) + "）：\n"
            + f.answer(), "反馈意见：" + f.content());
  }
}
