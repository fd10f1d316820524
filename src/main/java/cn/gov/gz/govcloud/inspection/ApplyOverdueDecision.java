package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.inspection.InspectionVariables.*;

import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The manager's answer to overdue findings (P6 7.2.3.1.4): carry the open findings over to the next inspection, or
 * set a new planned completion time (the model then waits for it).
 */
@Component("applyOverdueDecision")
class ApplyOverdueDecision extends ProcessStep {

  private final InspectionService service;
  private final InspectionFindings findings;
  private final People people;

  ApplyOverdueDecision(InspectionService service, InspectionFindings findings, People people) {
    this.service = service;
    this.findings = findings;
    this.people = people;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = inspectionId(execution);
    String decision = text(execution, OVERDUE_DECISION);
    String comment = text(execution, OVERDUE_COMMENT);
    if (comment == null) {
      throw ValidationException.of(OVERDUE_COMMENT, "请说明处理意见");
    }
    service.escalated(id);
    if (CARRY_OVER.equals(decision)) {
      String by = actor(execution);
      // the addendum shows the decision: the manager by name
      findings.carryOver(id, comment, people.name(by));
    } else if (EXTEND.equals(decision)) {
      Instant due = FormValues.moment(execution.getVariable(NEW_DUE_DATE), NEW_DUE_DATE);
      service.extendDue(id, due);
      execution.setVariable(INSPECTION_DUE, Date.from(due));
    } else {
      throw ValidationException.of(OVERDUE_DECISION, "请选择结转（CARRY_OVER）或延期（EXTEND）");
    }
  }
}
