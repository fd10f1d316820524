package cn.gov.gz.govcloud.workorder;

import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.engine.CaseView;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.engine.Markdown;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.report.DocumentLinks;
import cn.gov.gz.govcloud.workorder.WorkOrder.Channel;
import cn.gov.gz.govcloud.workorder.WorkOrder.Priority;
import cn.gov.gz.govcloud.workorder.WorkOrder.Status;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A work order as the desk, the handler and the reporting unit see it in their tasks (issue 19): type, priority,
 * channel and status in words, unit and system by name, deadlines in Beijing time, and the notes so far.
 */
@Component
class WorkOrderView implements CaseView {

  static final int NOTES = 12;

  private final WorkOrderService service;
  private final OrganizationService organization;
  private final People people;

  WorkOrderView(WorkOrderService service, OrganizationService organization, People people) {
    this.service = service;
    this.organization = organization;
    this.people = people;
  }

  @Override
  public boolean handles(String processDefinitionKey) {
    return WorkOrderVariables.PROCESS_KEY.equals(processDefinitionKey);
  }

  @Override
  public View view(DelegateTask task) {
    if (!(task.getVariable(WorkOrderVariables.WORK_ORDER_ID) instanceof Number id)) {
      return null;
    }
    WorkOrder o = service.get(id.longValue());
    String label = o.orderNo() + " " + o.type().label() + " " + shorten(o.title(), 24)
        + (o.unitCode() == null ? "" : "（" + organization.unitName(o.unitCode()) + "）");
    String summary = summary(o);
    if (task.getVariable(WorkOrderVariables.RESPONSE_REPORT_ID) instanceof Number report) {
      StringBuilder md = new StringBuilder(summary);
      Markdown.field(md, "响应服务报告", "[打开报告（Word 文档）](" + DocumentLinks.path(report.longValue()) + ")");
      summary = md.toString();
    }
    return new View(label, summary, notes(service.notes(o.id())));
  }

  String summary(WorkOrder o) {
    StringBuilder md = new StringBuilder();
    Markdown.field(md, "工单编号", o.orderNo() + "　**状态：** " + status(o.status()));
    Markdown.field(md, "类型", o.type().label() + "　**优先级：** " + priority(o.priority()) + "　**服务级别：** " + o.serviceLevel()
        + " 级（" + (o.workingHoursOnly() ? "5×8 工作时间" : "7×24") + "）");
    Markdown.field(md, "使用单位", o.unitCode() == null ? "—" : organization.unitName(o.unitCode()));
    if (o.businessSystemCode() != null) {
      Markdown.field(md, "业务系统", organization.systemLabel(o.businessSystemCode()));
    }
    Markdown.field(md, "报告渠道", channel(o.channel()) + "　**受理时间：** " + CityTime.minute(o.receivedAt()));
    if (o.contactName() != null || o.contactPhone() != null) {
      Markdown.field(md, "联系人", (o.contactName() == null ? "" : o.contactName()) + " "
          + (o.contactPhone() == null ? "" : o.contactPhone()));
    }
    if (o.dispatchedAt() == null && o.dispatchDueAt() != null) {
      Markdown.field(md, "分派时限", CityTime.minute(o.dispatchDueAt()) + "（北京时间）");
    }
    if (o.recoveryDueAt() != null && o.resolvedAt() == null) {
      Markdown.field(md, "处理时限", CityTime.minute(o.recoveryDueAt()) + "（北京时间）");
    }
    if (o.resolvedAt() != null) {
      Markdown.field(md, "处理完成", CityTime.minute(o.resolvedAt()));
    }
    Markdown.field(md, "标题", o.title());
    Markdown.field(md, "问题描述", o.description());
    if (o.emergencyRef() != null) {
      Markdown.field(md, "已转应急事件", o.emergencyRef());
    }
    if (o.satisfactionScore() != null) {
      Markdown.field(md, "满意度", o.satisfactionScore() + " 分" + (o.satisfactionComment() == null ? ""
          : "　**意见：** " + o.satisfactionComment()));
    }
    return md.toString();
  }

  String notes(List<WorkOrderNote> notes) {
    if (notes.isEmpty()) {
      return "（暂无记录）";
    }
    StringBuilder md = new StringBuilder();
    List<WorkOrderNote> recent = notes.subList(Math.max(0, notes.size() - NOTES), notes.size());
    if (recent.size() < notes.size()) {
      md.append("（仅列最近 ").append(NOTES).append(" 条，共 ").append(notes.size()).append(" 条）\n\n");
    }
    for (WorkOrderNote n : recent) {
      Markdown.entry(md, CityTime.minute(n.createdAt()), kind(n.kind()), people.name(n.author()), n.text());
    }
    return md.toString();
  }

  static String kind(String kind) {
    return switch (kind) {
      case "PROGRESS" -> "处理进展";
      case "FEEDBACK" -> "反馈";
      case "ESCALATION" -> "升级";
      case "USER" -> "用户答复";
      case "ALERT" -> "告警状态";
      default -> "记录";
    };
  }

  static String status(Status s) {
    return switch (s) {
      case RECEIVED -> "已受理";
      case DISPATCHED -> "处理中";
      case WAITING_USER -> "等待用户补充信息";
      case RESOLVED -> "已处理，待确认";
      case EMERGENCY -> "已转应急事件";
      case CLOSED -> "已关闭";
    };
  }

  static String priority(Priority p) {
    return switch (p) {
      case HIGH -> "高（业务中断或数据丢失）";
      case MEDIUM -> "中（性能下降）";
      case LOW -> "低";
    };
  }

  static String channel(Channel c) {
    return switch (c) {
      case SERVICE_DESK -> "服务台";
      case HOTLINE -> "服务热线";
      case PORTAL -> "服务门户";
      case MOBILE -> "移动端";
      case MONITORING -> "监控告警";
      case INSPECTION -> "巡检发现";
      case PROCESS -> "流程转入";
    };
  }

  static String shorten(String text, int max) {
    return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
