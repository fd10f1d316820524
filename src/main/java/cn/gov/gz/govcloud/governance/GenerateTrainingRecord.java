package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.governance.TrainingVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.report.DocumentLinks;
import cn.gov.gz.govcloud.report.ReportDocument;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Records the organiser's summary and improvements (P6 7.6.3.5) and files the training record (7.6.3.6, P3 Appendix
 * D #7), then sends it to management and the ops managers.
 */
@Component("generateTrainingRecord")
public class GenerateTrainingRecord extends ProcessStep {
  private final TrainingService trainings;
  private final TrainingRecord record;
  private final CaseNotifier notifier;
  private final DocumentLinks links;

  GenerateTrainingRecord(TrainingService trainings, TrainingRecord record, CaseNotifier notifier,
      DocumentLinks links) {
    this.trainings = trainings;
    this.record = record;
    this.notifier = notifier;
    this.links = links;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = Scores.id(execution, TRAINING_ID);
    String summary = Scores.required(text(execution, SUMMARY), SUMMARY, "培训总结", 4000);
    String improvements = Scores.required(text(execution, IMPROVEMENTS), IMPROVEMENTS, "改进措施", 4000);
    String by = actor(execution);
    trainings.summary(id, summary, improvements, by);
    ReportDocument d = record.generate(id, execution.getProcessInstanceId(), by);
    trainings.filed(id, d.id());
    execution.setVariable(REPORT_ID, d.id());
    execution.setVariable(REPORT_VERSION, d.version());
    notifier.toGroups(List.of(Groups.MANAGEMENT, Groups.OPS_MANAGER), "training-record", d.subjectRef(),
        "培训 " + d.subjectRef(), "培训记录已归档", "培训记录（第 " + d.version() + " 版）已生成并归档。\n" + links.line(d),
        "培训主题：" + trainings.get(id).topic());
  }
}
