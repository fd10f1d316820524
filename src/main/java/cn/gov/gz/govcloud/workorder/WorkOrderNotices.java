package cn.gov.gz.govcloud.workorder;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.notification.NotificationService;
import cn.gov.gz.govcloud.notification.NotificationService.Notice;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What the work order tells people, in Chinese, with the order number and a link to the user's task list. */
@Component
class WorkOrderNotices {

  private final NotificationService notifications;
  private final String baseUrl;

  WorkOrderNotices(NotificationService notifications, @Value("${govcloud.base-url:http://localhost:8080}") String base) {
    this.notifications = notifications;
    this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** Tells the requesting unit's users (GB/T 34077.3 5.3.3 e: feedback by mail or portal reminder). */
  void toUnit(WorkOrder order, String kind, String subject, String body) {
    if (order.unitCode() == null) {
      return;
    }
    notifications.notifyAll(List.of(), List.of(Groups.unitGroup(order.unitCode())),
        new Notice(kind, order.orderNo(), "【工单 " + order.orderNo() + "】" + subject, text(order, body)));
  }

  void toGroups(WorkOrder order, List<String> groups, String kind, String subject, String body) {
    notifications.notifyAll(List.of(), groups,
        new Notice(kind, order.orderNo(), "【工单 " + order.orderNo() + "】" + subject, text(order, body)));
  }

  private String text(WorkOrder order, String body) {
    return body + "\n\n"
        + "工单编号：" + order.orderNo() + "\n"
        + "标题：" + order.title() + "\n"
        + "类型：" + order.type().label() + "，服务级别：" + order.serviceLevel() + "\n\n"
        + "查看与办理：" + baseUrl + "/camunda/app/tasklist/default/\n";
  }
}
