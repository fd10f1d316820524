package cn.gov.gz.govcloud.deliverable;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.deliverable.DeliverableProperties.Item;
import cn.gov.gz.govcloud.notification.NotificationService;
import cn.gov.gz.govcloud.notification.NotificationService.Notice;
import cn.gov.gz.govcloud.report.DocumentLinks;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The mails of the approval: to management when a document waits, to the uploader when it is decided. */
@Component
class DeliverableNotices {

  private final NotificationService notifications;
  private final DeliverableProperties properties;
  private final DocumentLinks links;
  private final People people;
  private final String tasklist;

  DeliverableNotices(NotificationService notifications, DeliverableProperties properties, DocumentLinks links,
      People people, @Value("${govcloud.base-url:http://localhost:8080}") String base) {
    this.notifications = notifications;
    this.properties = properties;
    this.links = links;
    this.people = people;
    this.tasklist = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + "/camunda/app/tasklist/default/";
  }

  String label(DeliverableDocument d) {
    Item item = properties.item(d.itemNo());
    return "第 " + d.itemNo() + " 项" + (item == null ? "" : "“" + item.name() + "”") + "：" + d.title() + "（第 "
        + d.version() + " 版）";
  }

  private String details(DeliverableDocument d) {
    return label(d) + "\n上传人：" + people.name(d.uploadedBy()) + "\n打开文档（需登录）：" + links.url(d.reportId())
        + "\n\n查看与办理：" + tasklist + "\n";
  }

  void waiting(DeliverableDocument d, boolean reminder) {
    notifications.notifyAll(List.of(), List.of(Groups.MANAGEMENT), new Notice(reminder ? "deliverable-reminder"
        : "deliverable-approval", "DL-" + d.id(), "【交付文档】" + (reminder ? "催办：交付文档仍待审批" : "交付文档待审批"),
        (reminder ? "以下交付文档上传后仍未审批，请尽快办理。\n" : "服务方上传了交付文档，请在任务中心审批。\n") + details(d)));
  }

  void decided(DeliverableDocument d) {
    boolean approved = DeliverableDocument.APPROVED.equals(d.status());
    notifications.notifyAll(List.of(d.uploadedBy()), List.of(Groups.OPS_MANAGER), new Notice("deliverable-decision",
        "DL-" + d.id(), "【交付文档】" + (approved ? "已审批" : "被退回，请修改后重新提交"),
        (approved ? "管理方已审批交付文档。" : "管理方退回了交付文档，理由：" + d.decisionReason()
            + "\n请在交付物登记册页面上传修改后的新版本（替换被退回的文档），或在任务中心撤回。") + "\n" + details(d)));
  }
}
