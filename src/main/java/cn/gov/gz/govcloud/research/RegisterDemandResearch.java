package cn.gov.gz.govcloud.research;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.research.ResearchVariables.*;

import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.research.ResearchService.Research;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Registers the research (P6 7.5.1.1): topic, period, method, the units asked (every registered unit, or a list), the
 * due date (the end of the given day in Beijing time, or the setting) and the reminder before it.
 */
@Component("registerDemandResearch")
public class RegisterDemandResearch extends ProcessStep {
  private final ResearchService research;
  private final ResearchProperties properties;
  private final Clock clock;

  RegisterDemandResearch(ResearchService research, ResearchProperties properties, Clock clock) {
    this.research = research;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    Instant now = clock.instant();
    String scope = text(execution, UNIT_SCOPE);
    List<String> units = ResearchInputs.codes(text(execution, UNIT_CODES));
    if ("LIST".equals(scope) && units.isEmpty()) {
      throw ValidationException.of(UNIT_CODES, "请填写调研的使用单位编码，或选择全部使用单位");
    }
    if ("ALL".equals(scope)) {
      units = List.of();
    }
    String method = text(execution, METHOD);
    LocalDate by = day(execution, ANSWER_BY);
    Instant due = by == null ? now.plus(properties.answerWithin())
        : by.plusDays(1).atStartOfDay(CityTime.ZONE).toInstant().minusSeconds(60);
    if (!due.isAfter(now)) {
      throw ValidationException.of(ANSWER_BY, "答复截止日期须晚于今天");
    }
    if (due.isAfter(now.plus(properties.longestAnswerTime()))) {
      throw ValidationException.of(ANSWER_BY, "答复截止日期不能晚于 " + properties.longestAnswerTime().toDays() + " 天后");
    }
    Research r = research.open(text(execution, TOPIC), day(execution, PERIOD_FROM), day(execution, PERIOD_TO),
        method == null ? ResearchLabels.QUESTIONNAIRE : method, units, due, execution.getProcessInstanceId(),
        actor(execution));
    Instant remindAt = due.minus(properties.remindBefore());
    execution.setVariable(RESEARCH_ID, r.id());
    execution.setVariable(RESEARCH_NO, r.researchNo());
    execution.setVariable(METHOD, r.method());
    execution.setVariable(PERIOD_FROM, r.periodFrom().toString());
    execution.setVariable(PERIOD_TO, r.periodTo().toString());
    execution.setVariable(RESEARCH_DUE, Date.from(due));
    execution.setVariable(RESEARCH_REMIND_AT, Date.from(remindAt.isAfter(now) ? remindAt : due));
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(r.researchNo());
    }
  }
}
