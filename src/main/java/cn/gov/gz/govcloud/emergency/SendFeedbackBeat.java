package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyStepSupport.*;
import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A feedback beat (P3 5.3.2.7/8: at least every 30 min / 1 h until recovered): the updates since the last beat go
 * to the stakeholders; with none, the engineers are asked for one and the managers told feedback is late. The beat
 * (due, on time or not) is recorded and the next one scheduled (in working time for 5×8 service).
 */
@Component("sendFeedbackBeat")
class SendFeedbackBeat extends ProcessStep {
  private final EmergencyService service;
  private final EmergencyNotices notices;

  SendFeedbackBeat(EmergencyService service, EmergencyNotices notices) {
    this.service = service;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = emergencyId(execution);
    Date due = (Date) execution.getVariable(NEXT_FEEDBACK_AT);
    List<EmergencyEvent> updates = service.beat(id, due.toInstant(), true);
    Emergency e = service.get(id);
    if (updates.isEmpty()) {
      notices.toGroups(e, List.of(text(execution, ON_DUTY_GROUP)), "feedback-due", "请更新处置进展",
          "已到向用户反馈进展的时间，但本反馈周期内没有进展记录，请立即在任务中记录处置进展。");
      notices.toGroups(e, List.of(Groups.OPS_MANAGER), "feedback-late", "反馈逾期",
          "应急事件在本反馈周期内没有进展更新，反馈逾期，请督办。");
      notices.toStakeholders(e, "feedback", "处置进展反馈", "事件仍在处置中，处置人员正在更新进展。");
    } else {
      StringBuilder b = new StringBuilder("最新处置进展：\n");
      updates.forEach(u -> b.append("- ").append(u.text()).append('\n'));
      notices.toStakeholders(e, "feedback", "处置进展反馈", b.toString().strip());
    }
    execution.setVariable(NEXT_FEEDBACK_AT, date(e.nextFeedbackAt()));
  }
}
