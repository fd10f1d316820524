package cn.gov.gz.govcloud.assurance;

import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.engine.CaseView;
import cn.gov.gz.govcloud.engine.Markdown;
import cn.gov.gz.govcloud.organization.OrganizationService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** An assurance as management, the ops manager and the watchers see it in their tasks. */
@Component
class AssuranceView implements CaseView {

  private final AssuranceService assurances;
  private final OrganizationService organization;
  private final People people;

  AssuranceView(AssuranceService assurances, OrganizationService organization, People people) {
    this.assurances = assurances;
    this.organization = organization;
    this.people = people;
  }

  @Override
  public boolean handles(String processDefinitionKey) {
    return AssuranceVariables.PROCESS_KEY.equals(processDefinitionKey);
  }

  @Override
  public View view(DelegateTask task) {
    if (!(task.getVariable(AssuranceVariables.ASSURANCE_ID) instanceof Number id)) {
      return null;
    }
    Assurance.Detail d = assurances.detail(id.longValue());
    Assurance a = d.assurance();
    StringBuilder md = new StringBuilder();
    Markdown.field(md, "保障编号", a.assuranceNo());
    Markdown.field(md, "保障事项", a.eventName() + "（" + a.kindLabel() + "）");
    Markdown.field(md, "保障时间", AssuranceNotices.period(a) + "（北京时间）");
    if (a.manner() != null) {
      Markdown.field(md, "保障方式", a.mannerLabel());
    }
    Markdown.field(md, "保障目标", a.targets());
    Markdown.field(md, "保障范围", String.join("、", d.scope().stream()
        .map(s -> organization.systemLabel(s.businessSystemCode())).toList()));
    Markdown.field(md, "发起人", people.name(a.requestedBy()));
    if (a.approvalComment() != null && !"SCHEDULED".equals(a.status())) {
      Markdown.field(md, "管理方意见", a.approvalComment());
    }
    if (task.getVariable(AssuranceVariables.SHIFT_ID) instanceof Number shiftId) {
      Assurance.Shift s = assurances.shift(shiftId.longValue());
      Markdown.field(md, "本班次", "第 " + s.seq() + " 班，" + AssuranceReport.time(s.startsAt()) + " 至 "
          + AssuranceReport.time(s.endsAt()) + "（北京时间）");
      Markdown.field(md, "值守人员", String.join("、", s.watchers().stream().map(people::name).toList()));
    }
    return new View(a.assuranceNo() + " " + a.eventName(), md.toString(), null);
  }
}
