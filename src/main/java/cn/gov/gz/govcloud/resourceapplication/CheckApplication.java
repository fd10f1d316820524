package cn.gov.gz.govcloud.resourceapplication;

import static cn.gov.gz.govcloud.resourceapplication.ApplicationVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Completeness and compliance check (P6 7.2.2.2). Problems go back to the unit in its own words, with a correction
 * due date in working days (P6 7.2.2.5); a clean application goes to technical review.
 */
@Component("checkApplication")
class CheckApplication extends ProcessStep {

  private final ResourceApplicationService service;
  private final ApplicationClocks clocks;
  private final ApplicationNotices notices;

  CheckApplication(ResourceApplicationService service, ApplicationClocks clocks, ApplicationNotices notices) {
    this.service = service;
    this.clocks = clocks;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = applicationId(execution);
    List<String> problems = service.check(id);
    execution.setVariable(PROBLEM_COUNT, problems.size());
    ResourceApplication a = service.get(id);
    if (problems.isEmpty()) {
      execution.setVariable(PROBLEMS_TEXT, null);
      execution.setVariable(REVIEW_DUE, clocks.reviewDue(a.urgency()));
      return;
    }
    String text = String.join("\n", problems);
    execution.setVariable(PROBLEMS_TEXT, text);
    execution.setVariable(CORRECTION_DUE, clocks.correctionDue());
    execution.setVariable(CORRECTION_REMINDER_AT, clocks.correctionReminder());
    notices.toUnit(a, "needs-correction", "请更正或补充申请", "您的资源申请需要更正或补充：\n\n" + text);
  }
}
