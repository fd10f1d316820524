package cn.gov.gz.govcloud.assurance;

import static cn.gov.gz.govcloud.assurance.AssuranceVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.assurance.Assurance.Shift;
import cn.gov.gz.govcloud.engine.ProcessStep;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The watch closes the configured time after the period's end with records still missing: those shifts are marked
 * missed (the summary lists them) and the ops managers are told.
 */
@Component("closeWatch")
class CloseWatch extends ProcessStep {
  private final AssuranceService assurances;
  private final AssuranceNotices notices;

  CloseWatch(AssuranceService assurances, AssuranceNotices notices) {
    this.assurances = assurances;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = assuranceId(execution);
    List<Shift> missing = assurances.closeWatch(id);
    if (!missing.isEmpty()) {
      notices.send(assurances.get(id), List.of(), List.of(Groups.OPS_MANAGER), "standby", false, "值守记录缺失",
          "值守已结束，仍有 " + missing.size() + " 个班次未填写值守记录（第 "
              + String.join("、", missing.stream().map(s -> String.valueOf(s.seq())).toList())
              + " 班），将在保障总结中列为缺失。");
    }
  }
}
