package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.governance.AssessmentVariables.*;

import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.governance.AssessmentService.Assessment;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Opens an assessment of every active staff member with its due date and the reminder before it. The half-yearly
 * schedule (no title, {@code assessmentScheduled} set by its call activity) names it after the half-year (KH2039H1): run twice, it ends the second time at once, as it does
 * when nobody is on the roster (BPMN error {@value AssessmentVariables#NOTHING_TO_ASSESS}).
 */
@Component("openSecurityAssessment")
public class OpenSecurityAssessment extends ProcessStep {
  private final AssessmentService assessments;
  private final GovernanceProperties properties;
  private final Clock clock;

  OpenSecurityAssessment(AssessmentService assessments, GovernanceProperties properties, Clock clock) {
    this.assessments = assessments;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    Instant now = clock.instant();
    String title = Scores.optional(text(execution, TITLE), TITLE, "考核名称", 200);
    String no = null;
    if (title == null && !Boolean.TRUE.equals(execution.getVariable(SCHEDULED))) {
      throw cn.gov.gz.govcloud.web.ValidationException.of(TITLE, "请填写考核名称");
    }
    if (title == null) {
      LocalDate today = now.atZone(CityTime.ZONE).toLocalDate();
      boolean first = today.getMonthValue() <= 6;
      no = "KH" + today.getYear() + (first ? "H1" : "H2");
      title = today.getYear() + " 年" + (first ? "上" : "下") + "半年安全意识与安全操作考核";
      if (assessments.exists(no)) {
        throw new BpmnError(NOTHING_TO_ASSESS, "本半年已开展考核: " + no);
      }
    }
    Instant due = now.plus(properties.assessmentWithin());
    Optional<Assessment> opened = assessments.open(no, title, due, properties.passScore(),
        execution.getProcessInstanceId(), actor(execution));
    if (opened.isEmpty()) {
      throw new BpmnError(NOTHING_TO_ASSESS, "人员名册中没有在岗的运维人员");
    }
    Assessment a = opened.get();
    execution.setVariable(ASSESSMENT_ID, a.id());
    execution.setVariable(ASSESSMENT_NO, a.assessmentNo());
    execution.setVariable(ASSESSMENT_DUE, Date.from(due));
    Instant remind = due.minus(properties.assessmentRemindBefore());
    execution.setVariable(ASSESSMENT_REMIND_AT, Date.from(remind.isAfter(now) ? remind : due));
    execution.setProcessBusinessKey(a.assessmentNo());
  }
}
