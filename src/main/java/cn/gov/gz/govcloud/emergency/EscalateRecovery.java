package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.engine.ProcessStep;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The recovery deadline passed and service is not back: the whole escalation chain and the stakeholders are told,
 * and the miss is on the case's record. A timer fired before the deadline, or after recovery, does nothing.
 */
@Implements(value = "GB 5.3.6", what = "应急事件按服务级别计算故障恢复时限，超时升级")
@Component("escalateRecovery")
class EscalateRecovery extends ProcessStep {
  private final EmergencyService service;
  private final RecoveryClock recovery;
  private final EmergencyProperties properties;
  private final EmergencyNotices notices;
  private final Clock clock;

  EscalateRecovery(EmergencyService service, RecoveryClock recovery, EmergencyProperties properties, EmergencyNotices notices, Clock clock) {
    this.service = service;
    this.recovery = recovery;
    this.properties = properties;
    this.notices = notices;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = emergencyId(execution);
    Emergency e = service.get(id);
    if (e.recoveryDueAt() == null || e.recoveredAt() != null || clock.instant().isBefore(e.recoveryDueAt())) {
      return;
    }
    String groups = String.join("、", properties.escalationGroups());
    recovery.recoveryOverdue(id, groups);
    String body = "应急事件超过恢复时限（" + CityTime.minute(e.recoveryDueAt()) + "）业务仍未恢复，请督办处置并向使用单位说明。";
    Set<String> told = new LinkedHashSet<>(properties.escalationGroups());
    told.addAll(properties.stakeholderGroups());
    if (e.unitCode() != null) {
      told.add(Groups.unitGroup(e.unitCode()));
    }
    notices.toGroups(e, List.copyOf(told), "recovery-overdue", "恢复超时", body);
  }
}
