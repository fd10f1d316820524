package cn.gov.gz.govcloud.emergency;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the emergency tells people: the affected unit, the stakeholders, the engineers, the managers. */
@Component
class EmergencyNotices {

  private final CaseNotifier notifier;
  private final EmergencyProperties properties;

  EmergencyNotices(CaseNotifier notifier, EmergencyProperties properties) {
    this.notifier = notifier;
    this.properties = properties;
  }

  /** The affected unit and the stakeholder groups (management, service desk). */
  void toStakeholders(Emergency e, String kind, String subject, String body) {
    List<String> groups = new ArrayList<>(properties.stakeholderGroups());
    if (e.unitCode() != null) {
      groups.add(Groups.unitGroup(e.unitCode()));
    }
    toGroups(e, groups, kind, subject, body);
  }

  void toGroups(Emergency e, List<String> groups, String kind, String subject, String body) {
    notifier.toGroups(groups, kind, e.emergencyNo(), "应急 " + e.emergencyNo(), subject, body,
        "业务系统：" + e.businessSystemCode() + "\n类别：" + e.category() + "，等级：" + e.severity() + "\n现象："
            + e.description());
  }
}
