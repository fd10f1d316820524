package cn.gov.gz.govcloud.evaluation;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.evaluation.SurveyVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** A unit that has not answered is reminded before the due date (and the reminder counted). */
@Component("remindSurveyUnit")
public class RemindSurveyUnit extends ProcessStep {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CityTime.ZONE);
  private final SurveyService surveys;
  private final CaseNotifier notifier;

  RemindSurveyUnit(SurveyService surveys, CaseNotifier notifier) {
    this.surveys = surveys;
    this.notifier = notifier;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = id(execution, SURVEY_ID);
    String unit = text(execution, SURVEY_UNIT);
    String no = text(execution, SURVEY_NO);
    Date due = (Date) execution.getVariable(SURVEY_DUE);
    notifier.toGroups(List.of(Groups.unitGroup(unit)), "survey-reminder", no + "-" + unit, "满意度调查 " + no,
        "请填写满意度调查", "贵单位尚未填写本期政务云运营服务满意度调查，请于 " + TIME.format(due.toInstant())
            + "（北京时间）前在任务中心填写；逾期记为未答复。",
        "调查编号：" + no + "\n统计期间：" + text(execution, PERIOD_FROM) + " 至 " + text(execution, PERIOD_TO));
    surveys.reminded(id, unit);
  }
}
