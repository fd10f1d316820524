package cn.gov.gz.govcloud.research;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.research.ResearchVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** A unit that has not answered the questionnaire is reminded before the due date (and the reminder counted). */
@Component("remindResearchUnit")
public class RemindResearchUnit extends ProcessStep {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CityTime.ZONE);
  private final ResearchService research;
  private final CaseNotifier notifier;

  RemindResearchUnit(ResearchService research, CaseNotifier notifier) {
    this.research = research;
    this.notifier = notifier;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String unit = text(execution, RESEARCH_UNIT);
    String no = text(execution, RESEARCH_NO);
    Date due = (Date) execution.getVariable(RESEARCH_DUE);
    notifier.toGroups(List.of(Groups.unitGroup(unit)), "research-reminder", no + "-" + unit, "服务需求调研 " + no,
        "请填写服务需求调研问卷", "贵单位尚未填写服务需求调研问卷（" + text(execution, TOPIC) + "），请于 "
            + TIME.format(due.toInstant()) + "（北京时间）前在任务中心填写；逾期记为未答复。",
        "调研编号：" + no + "\n调研期间：" + text(execution, PERIOD_FROM) + " 至 " + text(execution, PERIOD_TO));
    research.reminded(id(execution), unit);
  }
}
