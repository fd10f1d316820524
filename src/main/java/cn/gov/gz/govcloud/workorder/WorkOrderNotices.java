package cn.gov.gz.govcloud.workorder;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the work order tells people, in Chinese, with the order number and a link to the task list. */
@Component
class WorkOrderNotices {

  private final CaseNotifier notifier;

  WorkOrderNotices(CaseNotifier notifier) {
    this.notifier = notifier;
  }

  /** Tells the requesting unit's users (GB/T 34077.3 5.3.3 e: feedback by mail or portal reminder). */
  void toUnit(WorkOrder order, String kind, String subject, String body) {
    if (order.unitCode() != null) {
      toGroups(order, List.of(Groups.unitGroup(order.unitCode())), kind, subject, body);
    }
  }

  void toGroups(WorkOrder order, List<String> groups, String kind, String subject, String body) {
    notifier.toGroups(groups, kind, order.orderNo(), "工单 " + order.orderNo(), subject, body,
        "标题：" + order.title() + "\n类型：" + order.type().label() + "，服务级别：" + order.serviceLevel());
  }
}
