package cn.gov.gz.govcloud.assurance;

import static cn.gov.gz.govcloud.assurance.AssuranceVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Management's confirmation of the need (P6 7.3.3.1): the period, manner and targets of the assurance as agreed, or
 * that no assurance is needed (the case ends).
 */
@Component("recordAssuranceNeed")
class RecordAssuranceNeed extends ProcessStep {
  private final AssuranceService assurances;
  private final AssuranceRequests requests;

  RecordAssuranceNeed(AssuranceService assurances, AssuranceRequests requests) {
    this.assurances = assurances;
    this.requests = requests;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = assuranceId(execution);
    Assurance a = assurances.get(id);
    String decision = text(execution, NEED_DECISION);
    decision = decision == null ? null : decision.toUpperCase(Locale.ROOT);
    List<FieldError> errors = new ArrayList<>();
    if (!"CONFIRMED".equals(decision) && !"REJECTED".equals(decision)) {
      errors.add(new FieldError(null, NEED_DECISION, "取值 CONFIRMED（确认保障需求）或 REJECTED（不需要保障）"));
    }
    boolean confirmed = "CONFIRMED".equals(decision);
    String comment = text(execution, NEED_COMMENT);
    Instant from = a.periodFrom();
    Instant to = a.periodTo();
    String manner = text(execution, MANNER);
    manner = manner == null ? null : manner.toUpperCase(Locale.ROOT);
    String targets = text(execution, TARGETS);
    if (confirmed) {
      Object f = execution.getVariable(PERIOD_FROM);
      Object t = execution.getVariable(PERIOD_TO);
      Instant[] period = requests.period(f == null ? from : f, t == null ? to : t, errors);
      from = period[0];
      to = period[1];
      if (manner == null || !Assurance.MANNERS.containsKey(manner)) {
        errors.add(new FieldError(null, MANNER, "取值 ONSITE（现场值守）、REMOTE（远程值守）、BOTH（现场与远程结合）"));
      }
      if (targets == null) {
        errors.add(new FieldError(null, TARGETS, "请确认保障目标"));
      }
    } else if ("REJECTED".equals(decision) && comment == null) {
      errors.add(new FieldError(null, NEED_COMMENT, "不需要保障时请说明原因"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    assurances.needDecided(id, confirmed, from, to, confirmed ? manner : null,
        targets == null ? a.targets() : targets, comment, actor(execution));
    execution.setVariable(NEED_CONFIRMED, confirmed);
    execution.setVariable(PERIOD_START, Date.from(from));
    execution.setVariable(PERIOD_END, Date.from(to));
  }
}
