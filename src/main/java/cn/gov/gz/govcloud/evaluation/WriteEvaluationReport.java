package cn.gov.gz.govcloud.evaluation;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.evaluation.SurveyVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.report.DocumentLinks;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.web.ValidationException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Records the evaluator's opinion and files the evaluation report (KPIs, survey, opinion, improvement measures), then
 * sends it to management, the supervisor and the provider's managers.
 */
@Component("writeEvaluationReport")
public class WriteEvaluationReport extends ProcessStep {
  private final SurveyService surveys;
  private final EvaluationReport report;
  private final CaseNotifier notifier;
  private final DocumentLinks links;

  WriteEvaluationReport(SurveyService surveys, EvaluationReport report, CaseNotifier notifier, DocumentLinks links) {
    this.surveys = surveys;
    this.report = report;
    this.notifier = notifier;
    this.links = links;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = id(execution, SURVEY_ID);
    String opinion = text(execution, EVALUATION_OPINION);
    if (opinion == null) {
      throw ValidationException.of(EVALUATION_OPINION, "请填写评价意见");
    }
    if (opinion.length() > 4000) {
      throw ValidationException.of(EVALUATION_OPINION, "评价意见不能超过 4000 字");
    }
    String requirements = text(execution, IMPROVEMENT_REQUIREMENTS);
    if (requirements != null && requirements.length() > 4000) {
      throw ValidationException.of(IMPROVEMENT_REQUIREMENTS, "改进要求不能超过 4000 字");
    }
    String by = actor(execution);
    surveys.opinion(id, opinion, requirements, by);
    ReportDocument d = report.generate(id, execution.getProcessInstanceId(), by);
    surveys.filed(id, d.id());
    execution.setVariable(REPORT_ID, d.id());
    execution.setVariable(REPORT_VERSION, d.version());
    notifier.toGroups(List.of(Groups.MANAGEMENT, Groups.SUPERVISOR, Groups.OPS_MANAGER), "evaluation-report",
        d.subjectRef(), "服务评价 " + d.subjectRef(), "政务云运营服务评价报告已生成",
        "本期政务云运营服务评价报告（第 " + d.version() + " 版）已生成并归档。\n" + links.line(d),
        "统计期间：" + text(execution, PERIOD_FROM) + " 至 " + text(execution, PERIOD_TO));
  }
}
