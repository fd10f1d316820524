package cn.gov.gz.govcloud.resourceapplication;

import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.engine.CaseView;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.engine.Markdown;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.resourceapplication.ResourceApplication.Status;
import cn.gov.gz.govcloud.resourceapplication.ResourceApplication.Urgency;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A resource application as the engineer, the bureau, the operator and the unit see it in their tasks (issue 19):
 * unit and system by name, urgency and status in words, the requested lines, and the record so far.
 */
@Component
class ApplicationView implements CaseView {

  private final ResourceApplicationService service;
  private final OrganizationService organization;
  private final People people;

  ApplicationView(ResourceApplicationService service, OrganizationService organization, People people) {
    this.service = service;
    this.organization = organization;
    this.people = people;
  }

  @Override
  public boolean handles(String processDefinitionKey) {
    return ApplicationVariables.PROCESS_KEY.equals(processDefinitionKey);
  }

  @Override
  public View view(DelegateTask task) {
    if (!(task.getVariable(ApplicationVariables.APPLICATION_ID) instanceof Number id)) {
      return null;
    }
    ResourceApplication a = service.get(id.longValue());
    String label = a.applicationNo() + (a.urgency() == Urgency.EXPEDITED ? " 加急" : "") + " "
        + organization.systemLabel(a.businessSystemCode());
    StringBuilder md = new StringBuilder();
    Markdown.field(md, "申请单号", a.applicationNo() + "　**状态：** " + status(a.status()));
    Markdown.field(md, "使用单位", organization.unitName(a.unitCode()));
    Markdown.field(md, "业务系统", organization.systemLabel(a.businessSystemCode()));
    Markdown.field(md, "紧急程度", a.urgency() == Urgency.EXPEDITED ? "加急（重要保障）" : "普通");
    Markdown.field(md, "用途", a.purpose());
    Markdown.field(md, "申请时间", CityTime.minute(a.createdAt()) + "（申请人 " + people.name(a.applicant())
        + "）");
    Markdown.field(md, "申请内容", CheckApplication.summary(a).replace("；", "；  \n"));
    if (a.idleJustification() != null) {
      Markdown.field(md, "闲置资源情况说明", a.idleJustification());
    }
    StringBuilder record = new StringBuilder();
    for (ApplicationEvent ev : service.events(a.id())) {
      Markdown.entry(record, CityTime.minute(ev.createdAt()), kind(ev.kind()), people.name(ev.author()), ev.text());
    }
    return new View(label, md.toString(), record.isEmpty() ? "（暂无记录）" : record.toString());
  }

  static String kind(String kind) {
    return switch (kind) {
      case "SUBMITTED" -> "提交";
      case "CHECK" -> "校核";
      case "CORRECTED" -> "更正";
      case "DELIVERED" -> "交付";
      case "REVIEWED" -> "技术审核";
      case "APPROVED" -> "审批";
      case "SENT_BACK" -> "退回更正";
      case "LEDGER" -> "登记台账";
      case "REJECTED" -> "未通过";
      case "WITHDRAWN" -> "撤回";
      default -> "记录";
    };
  }

  static String status(Status s) {
    return switch (s) {
      case SUBMITTED -> "已提交";
      case NEEDS_CORRECTION -> "待更正补充";
      case IN_REVIEW -> "审核中";
      case APPROVED -> "已批准，待交付";
      case DELIVERING -> "交付中";
      case DELIVERED -> "已交付";
      case REJECTED -> "未通过";
      case WITHDRAWN -> "已撤回";
    };
  }
}
