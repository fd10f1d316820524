package cn.gov.gz.govcloud.notification;

import cn.gov.gz.govcloud.notification.NotificationService.Notice;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Notices about one case (a work order, an application …) to groups of people, in the common shape: a subject
 * naming the case, the text, and a link to the task list.
 */
@Component
public class CaseNotifier {

  private final NotificationService notifications;
  private final String tasklist;

  CaseNotifier(NotificationService notifications, @Value("${govcloud.base-url:http://localhost:8080}") String base) {
    this.notifications = notifications;
    this.tasklist = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + "/camunda/app/tasklist/default/";
  }

  /**
   * @param caseLabel how people call the case, e.g. "工单 WO20261125-000001"
   * @param details lines shown under the text (number, title, …)
   */
  public void toGroups(List<String> groups, String kind, String caseRef, String caseLabel, String subject,
      String body, String details) {
    notifications.notifyAll(List.of(), groups, new Notice(kind, caseRef, "【" + caseLabel + "】" + subject,
        body + "\n\n" + details + "\n\n查看与办理：" + tasklist + "\n"));
  }
}
