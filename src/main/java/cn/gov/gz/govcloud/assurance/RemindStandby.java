package cn.gov.gz.govcloud.assurance;

import static cn.gov.gz.govcloud.assurance.AssuranceVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.assurance.Assurance.Shift;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** A shift's standby record is still missing after its end: its watchers and the ops managers are reminded. */
@Component("remindStandby")
class RemindStandby extends ProcessStep {
  private final AssuranceService assurances;
  private final AssuranceNotices notices;

  RemindStandby(AssuranceService assurances, AssuranceNotices notices) {
    this.assurances = assurances;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long shiftId = ((Number) execution.getVariable(SHIFT_ID)).longValue();
    Shift s = assurances.shift(shiftId);
    if (s.recorded()) {
      return;
    }
    assurances.reminded(shiftId);
    notices.send(assurances.get(assuranceId(execution)), s.watchers(), List.of(Groups.OPS_MANAGER), "standby", true,
        "值守记录未填写", "第 " + s.seq() + " 班（" + TemplateReport.time(s.startsAt()) + " 至 " + TemplateReport.time(s.endsAt())
            + "）已结束，值守记录尚未填写，请值守人员在任务中补填。");
  }
}
