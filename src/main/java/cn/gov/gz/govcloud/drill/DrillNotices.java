package cn.gov.gz.govcloud.drill;

import cn.gov.gz.govcloud.notification.NotificationService;
import cn.gov.gz.govcloud.notification.NotificationService.Notice;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What a drill tells people: participants, the organiser, the plan owner, management. Every notice says "【演练】". */
@Component
class DrillNotices {

  static final String MARK = "【演练】";

  private final NotificationService notifications;
  private final String tasklist;

  DrillNotices(NotificationService notifications, @Value("${govcloud.base-url:http://localhost:8080}") String base) {
    this.notifications = notifications;
    this.tasklist = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + "/camunda/app/tasklist/default/";
  }

  void send(Drill d, List<String> users, List<String> groups, String kind, String subject, String body) {
    notifications.notifyAll(users, groups, new Notice(kind, d.drillNo(),
        MARK + "【应急演练 " + d.drillNo() + "】" + subject,
        body + "\n\n应急预案：" + d.planNo() + "（第 " + d.planVersion() + " 版）"
            + (d.scheduledAt() == null ? "" : "\n演练时间：" + DrillReport.time(d.scheduledAt()))
            + "\n\n查看与办理：" + tasklist + "\n"));
  }
}
