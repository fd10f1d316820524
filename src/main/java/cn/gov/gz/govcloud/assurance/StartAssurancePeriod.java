package cn.gov.gz.govcloud.assurance;

import static cn.gov.gz.govcloud.assurance.AssuranceVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The period begins (P6 7.3.3.3): the assurance is active, the desk and the ops managers are told, and the watch
 * closes at the latest the configured time after the period's end.
 */
@Component("startAssurancePeriod")
class StartAssurancePeriod extends ProcessStep {
  private final AssuranceService assurances;
  private final AssuranceNotices notices;
  private final AssuranceProperties properties;

  StartAssurancePeriod(AssuranceService assurances, AssuranceNotices notices, AssuranceProperties properties) {
    this.assurances = assurances;
    this.notices = notices;
    this.properties = properties;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = assuranceId(execution);
    assurances.status(id, "ACTIVE");
    Assurance a = assurances.get(id);
    execution.setVariable(RECORDS_CLOSED_AT, Date.from(a.periodTo().plus(properties.recordsClosedAfter())));
    notices.send(a, List.of(), List.of(Groups.SERVICE_DESK, Groups.OPS_MANAGER, Groups.MANAGEMENT), "active", true,
        "重要保障期开始", "重要保障期已开始：7×24 小时值守，范围内业务系统的报障立即启动应急响应流程，资源申请按加急办理。");
  }
}
