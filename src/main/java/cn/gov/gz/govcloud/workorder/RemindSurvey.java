package cn.gov.gz.govcloud.workorder;

import cn.gov.gz.govcloud.engine.ProcessStep;
import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Reminds the user of an unanswered satisfaction survey. */
@Component("remindSurvey")
class RemindSurvey extends ProcessStep {

  private final WorkOrderService service;
  private final WorkOrderNotices notices;

  RemindSurvey(WorkOrderService service, WorkOrderNotices notices) {
    this.service = service;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    notices.toUnit(service.get(workOrderId(execution)), "survey-reminder", "请评价本次服务",
        "您的工单已关闭，请在任务中心对本次服务进行满意度评价（1–5 分）。");
  }
}
