package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.engine.Variables.text;
import cn.gov.gz.govcloud.engine.ProcessStep;
import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import cn.gov.gz.govcloud.web.ValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Return visit (P6 7.3.2.4; GB/T 34077.3 5.3.2 e 6): stores the user's score 1–5 and comment. */
@Component("recordSurvey")
class RecordSurvey extends ProcessStep {

  private final WorkOrderService service;

  RecordSurvey(WorkOrderService service) {
    this.service = service;
  }

  @Override
  protected void run(DelegateExecution execution) {
    Object raw = execution.getVariable(SATISFACTION_SCORE);
    if (!(raw instanceof Number score)) {
      throw ValidationException.of(SATISFACTION_SCORE, "请给出 1–5 分的评分");
    }
    int value = score.intValue();
    service.survey(workOrderId(execution), value, text(execution, SATISFACTION_COMMENT), actor(execution));
    execution.setVariable(SATISFACTION_SCORE, value);
  }
}
