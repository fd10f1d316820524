package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.governance.TrainingVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.governance.TrainingService.Training;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Before the feedback closes: the organisers are reminded to collect the attendees' feedback (and it is counted). */
@Component("remindTrainingFeedback")
public class RemindTrainingFeedback extends ProcessStep {
  private final TrainingService trainings;
  private final CaseNotifier notifier;

  RemindTrainingFeedback(TrainingService trainings, CaseNotifier notifier) {
    this.trainings = trainings;
    this.notifier = notifier;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = Scores.id(execution, TRAINING_ID);
    Training t = trainings.get(id);
    int received = trainings.figures(id).count();
    notifier.toGroups(List.of(Groups.OPS_MANAGER), "training-feedback-reminder", t.trainingNo(),
        "培训 " + t.trainingNo(), "请督促参训人员提交培训反馈",
        "培训“" + t.topic() + "”的反馈将于 " + TemplateReport.time(t.feedbackDue()) + "（北京时间）截止，目前已收到 "
            + received + " 份（实到 " + (t.attendanceCount() == null ? "—" : t.attendanceCount()) + " 人）。"
            + "参训人员可在接口 POST /api/trainings/" + t.trainingNo() + "/feedback 提交。",
        "培训编号：" + t.trainingNo() + "\n培训主题：" + t.topic());
    trainings.reminded(id);
  }
}
