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

  /** What reviewers read in their forms: urgency and every line in words. */
  static String summary(ResourceApplication a) {
    StringBuilder b = new StringBuilder(a.urgency() == ResourceApplication.Urgency.EXPEDITED ? "【加急（重要保障）】" : "【普通】");
    for (ResourceApplication.Line l : a.lines()) {
      b.append(" 第").append(l.lineNo()).append("行：").append(label(l.type()));
      if (l.vcpu() != null) {
        b.append(" ").append(l.vcpu()).append("核");
      }
      if (l.memoryGb() != null) {
        b.append(" ").append(l.memoryGb()).append("GB内存");
      }
      if (l.diskTb() != null) {
        b.append(" ").append(l.diskTb().stripTrailingZeros().toPlainString()).append("TB");
      }
      if (l.os() != null) {
        b.append(" ").append(l.os());
      }
      if (l.brand() != null) {
        b.append(" ").append(l.brand()).append(l.model() == null ? "" : " " + l.model());
      }
      b.append(" ×").append(l.quantity()).append("；");
    }
    return b.toString();
  }

  private static String label(String type) {
    try {
      return cn.gov.gz.govcloud.ledger.ResourceType.valueOf(type).label();
    } catch (IllegalArgumentException e) {
      return type;
    }
  }

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
    execution.setVariable(APPLICATION_SUMMARY, summary(a));
    if (problems.isEmpty()) {
      execution.setVariable(PROBLEMS_TEXT, null);
      execution.setVariable(REVIEW_DUE, clocks.reviewDue(a.urgency()));
      return;
    }
    String text = String.join("\n", problems);
    if (LineSlots.write(execution, a.lines())) {
      execution.removeVariable(LINES); // the correction form shows the lines in its slots
    }
    execution.setVariable(PROBLEMS_TEXT, text);
    execution.setVariable(CORRECTION_DUE, clocks.correctionDue());
    execution.setVariable(CORRECTION_REMINDER_AT, clocks.correctionReminder());
    notices.toUnit(a, "needs-correction", "请更正或补充申请", "您的资源申请需要更正或补充：\n\n" + text);
  }
}
