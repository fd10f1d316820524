package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.governance.TrainingVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.engine.Variables;
import cn.gov.gz.govcloud.governance.TrainingService.Plan;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Checks and saves the training plan (content, method, lecturer, time, place or link, attendees); the session waits. */
@Component("recordTrainingPlan")
public class RecordTrainingPlan extends ProcessStep {
  private final TrainingService trainings;
  private final Clock clock;

  RecordTrainingPlan(TrainingService trainings, Clock clock) {
    this.trainings = trainings;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    Instant at = Variables.moment(execution.getVariable(SESSION_AT), SESSION_AT);
    if (at == null) {
      throw ValidationException.of(SESSION_AT, "请填写培训时间");
    }
    if (at.isBefore(clock.instant().minusSeconds(86400))) {
      throw ValidationException.of(SESSION_AT, "培训时间不能早于昨天");
    }
    Plan plan = new Plan(Scores.required(text(execution, CONTENT), CONTENT, "培训内容", 4000),
        Scores.required(text(execution, METHOD), METHOD, "培训方式", 500),
        Scores.required(text(execution, LECTURER), LECTURER, "讲师", 200), at,
        Scores.required(text(execution, PLACE), PLACE, "培训地点或线上链接", 500),
        Scores.required(text(execution, ATTENDEES), ATTENDEES, "参训人员", 2000));
    trainings.plan(Scores.id(execution, TRAINING_ID), plan, actor(execution));
    execution.setVariable(SESSION_START, Date.from(at));
  }
}
