package cn.gov.gz.govcloud.drill;

import cn.gov.gz.govcloud.notification.NotificationService;
import cn.gov.gz.govcloud.notification.NotificationService.Notice;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What the plan revision and the periodic review tell the plan owner, the ops managers and management. */
@Component
class PlanNotices {

  private final NotificationService notifications;
  private final String tasklist;

  PlanNotices(NotificationService notifications, @Value("${govcloud.base-url:http://localhost:8080}") String base) {
    this.notifications = notifications;
    this.tasklist = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + "/camunda/app/tasklist/default/";
  }

  void send(ContingencyPlan plan, List<String> users, List<String> groups, String kind, String subject,
      String body) {
    notifications.notifyAll(users, groups, new Notice(kind, plan.planNo(),
        "【应急预案 " + plan.planNo() + "】" + subject,
        body + "\n\n应急预案：" + plan.title() + "（" + plan.planNo() + "，现行第 " + plan.currentVersion() + " 版）"
            + "\n\n查看与办理：" + tasklist + "\n"));
  }
}
