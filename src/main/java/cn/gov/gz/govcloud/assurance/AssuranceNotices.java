package cn.gov.gz.govcloud.assurance;

import cn.gov.gz.govcloud.notification.NotificationService;
import cn.gov.gz.govcloud.notification.NotificationService.Notice;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What an assurance tells people: watchers, ops managers, management; every notice names the event and period. */
@Component
class AssuranceNotices {

  private final NotificationService notifications;
  private final String tasklist;

  AssuranceNotices(NotificationService notifications,
      @Value("${govcloud.base-url:http://localhost:8080}") String base) {
    this.notifications = notifications;
    this.tasklist = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + "/camunda/app/tasklist/default/";
  }

  void send(Assurance a, List<String> users, List<String> groups, String kind, boolean urgent, String subject,
      String body) {
    notifications.notifyAll(users, groups, new Notice(kind, a.assuranceNo(),
        "【重要保障 " + a.assuranceNo() + "】" + subject,
        body + "\n\n保障事项：" + a.eventName() + "（" + a.kindLabel() + "）\n保障时间：" + period(a)
            + "（北京时间）\n\n查看与办理：" + tasklist + "\n", urgent));
  }

  static String period(Assurance a) {
    return TemplateReport.time(a.periodFrom()) + " 至 " + TemplateReport.time(a.periodTo());
  }
}
