package cn.gov.gz.govcloud.emergency;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.organization.OrganizationService;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the emergency tells people: the affected unit, the stakeholders, the engineers, the managers. */
@Component
class EmergencyNotices {

  private final CaseNotifier notifier;
  private final EmergencyProperties properties;
  private final OrganizationService organization;

  EmergencyNotices(CaseNotifier notifier, EmergencyProperties properties, OrganizationService organization) {
    this.notifier = notifier;
    this.properties = properties;
    this.organization = organization;
  }

  /** The affected unit and the stakeholder groups (management, service desk). */
  void toStakeholders(Emergency e, String kind, String subject, String body) {
    List<String> groups = new ArrayList<>(properties.stakeholderGroups());
    if (e.unitCode() != null) {
      groups.add(Groups.unitGroup(e.unitCode()));
    }
    toGroups(e, groups, kind, subject, body);
  }

  /** A drill case's notices are marked "【演练】" in the subject and say so in the text. */
  void toGroups(Emergency e, List<String> groups, String kind, String subject, String body) {
    if (e.drill()) {
      subject = Emergency.DRILL_MARK + subject;
      body = Emergency.DRILL_MARK + "本事件为应急演练，非真实故障，不计入生产考核指标。\n" + body;
    }
    notifier.toGroups(groups, kind, e.emergencyNo(), "应急 " + e.emergencyNo(), subject, body,
        "业务系统：" + organization.systemName(e.businessSystemCode()) + "（" + organization.unitName(e.unitCode())
            + "）\n类别：" + EmergencyReport.category(e.category()) + "，等级：" + e.severity() + "\n现象："
            + e.description());
  }
}
