package cn.gov.gz.govcloud.resourceapplication;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import java.util.List;
import org.springframework.stereotype.Component;

/** Every decision on an application is told to the applicant's unit (and some to the provider). */
@Component
class ApplicationNotices {

  private final CaseNotifier notifier;

  ApplicationNotices(CaseNotifier notifier) {
    this.notifier = notifier;
  }

  void toUnit(ResourceApplication a, String kind, String subject, String body) {
    toGroups(a, List.of(Groups.unitGroup(a.unitCode())), kind, subject, body);
  }

  void toGroups(ResourceApplication a, List<String> groups, String kind, String subject, String body) {
    notifier.toGroups(groups, kind, a.applicationNo(), "资源申请 " + a.applicationNo(), subject, body,
        "业务系统：" + a.businessSystemCode() + "\n用途：" + a.purpose());
  }
}
