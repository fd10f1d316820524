package cn.gov.gz.govcloud.evaluation;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.evaluation.SurveyVariables.*;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.evaluation.ReportFeedbackService.Feedback;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records the feedback of a unit, management or the supervisor on a report and opens the provider's answer. */
@Component("registerReportFeedback")
public class RegisterReportFeedback extends ProcessStep {
  private final ReportFeedbackService feedback;
  private final CurrentUser currentUser;
  private final EvaluationProperties properties;
  private final Clock clock;

  RegisterReportFeedback(ReportFeedbackService feedback, CurrentUser currentUser, EvaluationProperties properties,
      Clock clock) {
    this.feedback = feedback;
    this.currentUser = currentUser;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    Caller caller = currentUser.get().orElseThrow(() -> ValidationException.of("reportId", "请登录后提出反馈意见"));
    Feedback f;
    try {
      f = feedback.register(id(execution, "reportId"), text(execution, FEEDBACK_CONTENT), caller,
          execution.getProcessInstanceId());
    } catch (AccessDeniedException e) {
      throw ValidationException.of("reportId", e.getMessage());
    }
    execution.setVariable(FEEDBACK_ID, f.id());
    execution.setVariable(FEEDBACK_SUMMARY, ReportFeedbackService.PARTIES.get(f.party()) + "（" + caller.userId()
        + "）对《" + f.reportTitle() + "》的反馈意见：\n" + f.content());
    execution.setVariable(FEEDBACK_ANSWER_DUE, Date.from(clock.instant().plus(properties.feedbackAnswerWithin())));
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey("RF-" + f.id());
    }
  }
}
