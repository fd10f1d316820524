package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.DrillVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Training not confirmed by its due time: the organiser (and the ops managers) learn who, the laggards are told. */
@Component("escalateTraining")
class EscalateTraining extends ProcessStep {
  private final DrillService drills;
  private final DrillNotices notices;

  EscalateTraining(DrillService drills, DrillNotices notices) {
    this.drills = drills;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = drillId(execution);
    List<String> missing = drills.escalateUnconfirmed(id);
    if (missing.isEmpty()) {
      return;
    }
    Drill d = drills.get(id);
    notices.send(d, List.of(d.organiser()), List.of(Groups.OPS_MANAGER), "training-escalation", "培训确认逾期",
        "以下参演人员在培训确认时限前仍未确认：" + String.join("、", missing) + "。请督促其在演练前完成培训确认。");
    notices.send(d, missing, List.of(), "training-reminder", "请尽快确认演练培训",
        "您的演练培训确认已逾期，请立即阅读应急预案和演练方案并在任务中确认。");
  }
}
