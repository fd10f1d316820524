package cn.gov.gz.govcloud.assurance;

import static cn.gov.gz.govcloud.assurance.AssuranceVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A shift's standby record (值守记录; P6 7.3.3.3 a, 7.3.3.4; DB4401/T 294.3 Appendix D.1 item 13): how the watch went,
 * what happened and was done, and what is handed over to the next shift.
 */
@Component("recordStandby")
class RecordStandby extends ProcessStep {
  static final Set<String> SITUATIONS = Set.of("NORMAL", "EVENTS");

  private final AssuranceService assurances;

  RecordStandby(AssuranceService assurances) {
    this.assurances = assurances;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long shiftId = ((Number) execution.getVariable(SHIFT_ID)).longValue();
    String situation = text(execution, SITUATION);
    situation = situation == null ? null : situation.toUpperCase(Locale.ROOT);
    String note = text(execution, STANDBY_NOTE);
    List<FieldError> errors = new ArrayList<>();
    if (situation == null || !SITUATIONS.contains(situation)) {
      errors.add(new FieldError(null, SITUATION, "取值 NORMAL（运行平稳）或 EVENTS（有事件发生）"));
    }
    if (note == null) {
      errors.add(new FieldError(null, STANDBY_NOTE, "请填写值守情况：巡查、告警、报障及处置"));
    } else if (note.length() > 4000) {
      errors.add(new FieldError(null, STANDBY_NOTE, "最长 4000 字"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    assurances.standby(shiftId, situation, note, text(execution, HANDOVER), actor(execution));
  }
}
