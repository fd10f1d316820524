package cn.gov.gz.govcloud.governance;

import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.engine.CaseView;
import cn.gov.gz.govcloud.engine.Markdown;
import cn.gov.gz.govcloud.governance.TrainingService.FeedbackFigures;
import cn.gov.gz.govcloud.governance.TrainingService.Training;
import cn.gov.gz.govcloud.report.TemplateReport;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** A training as management and the ops managers see it in their tasks. */
@Component
class GovernanceView implements CaseView {

  private final TrainingService trainings;
  private final StaffService staff;
  private final AssessmentService assessments;
  private final NormService norms;
  private final People people;

  GovernanceView(TrainingService trainings, StaffService staff, AssessmentService assessments, NormService norms,
      People people) {
    this.trainings = trainings;
    this.staff = staff;
    this.assessments = assessments;
    this.norms = norms;
    this.people = people;
  }

  @Override
  public boolean handles(String processDefinitionKey) {
    return TrainingVariables.PROCESS_KEY.equals(processDefinitionKey)
        || PledgeVariables.PROCESS_KEY.equals(processDefinitionKey)
        || AssessmentVariables.PROCESS_KEY.equals(processDefinitionKey)
        || NormVariables.PROCESS_KEY.equals(processDefinitionKey);
  }

  @Override
  public View view(DelegateTask task) {
    if (task.getVariable(AssessmentVariables.ASSESSMENT_ID) instanceof Number assessmentId
        && task.getVariable(AssessmentVariables.ASSESSED_STAFF_ID) instanceof Number staffId) {
      return assessment(assessmentId.longValue(), staffId.longValue());
    }
    if (task.getVariable(NormVariables.REVIEW_ID) instanceof Number reviewId) {
      return review(reviewId.longValue());
    }
    if (task.getVariable(PledgeVariables.PLEDGE_ID) instanceof Number pledgeId) {
      return pledge(pledgeId.longValue());
    }
    if (!(task.getVariable(TrainingVariables.TRAINING_ID) instanceof Number id)) {
      return null;
    }
    Training t = trainings.get(id.longValue());
    StringBuilder md = new StringBuilder();
    Markdown.field(md, "培训编号", t.trainingNo());
    Markdown.field(md, "培训主题", t.topic() + "（" + t.formLabel() + "）");
    Markdown.field(md, "培训目标", t.goal());
    Markdown.field(md, "培训对象", t.audience());
    Markdown.field(md, "发起人", people.name(t.requestedBy()));
    if (t.sessionAt() != null) {
      Markdown.field(md, "培训时间", TemplateReport.time(t.sessionAt()) + "（北京时间），" + t.place());
      Markdown.field(md, "讲师", t.lecturer());
    }
    if (t.attendanceCount() != null) {
      FeedbackFigures f = trainings.figures(t.id());
      Markdown.field(md, "实到人数", t.attendanceCount() + " 人");
      Markdown.field(md, "反馈", f.count() + " 份；内容 " + Scores.score(f.content()) + " 分，形式 "
          + Scores.score(f.form()) + " 分，效果 " + Scores.score(f.effect()) + " 分（1–5 分）；截止 "
          + TemplateReport.time(t.feedbackDue()) + "（北京时间）");
    }
    return new View(t.trainingNo() + " " + t.topic(), md.toString(), null);
  }

  private View review(long id) {
    NormService.Review r = norms.review(id);
    NormService.Norm n = norms.get(r.normId());
    StringBuilder md = new StringBuilder();
    Markdown.field(md, "评审编号", r.reviewNo());
    Markdown.field(md, "管理规范", "《" + n.title() + "》（" + n.code() + "，" + n.typeLabel() + "），现行第 " + n.version()
        + " 版，" + n.publishedOn() + " 发布");
    Markdown.field(md, "评审原因", r.reason());
    Markdown.field(md, "发起人", people.name(r.requestedBy()));
    if (r.opinionDue() != null) {
      Markdown.field(md, "征求意见", norms.opinions(id).size() + " 条，截止 " + TemplateReport.time(r.opinionDue())
          + "（北京时间）");
    }
    if (r.conclusions() != null) {
      Markdown.field(md, "评审结论", r.conclusions());
      Markdown.field(md, "修订内容", r.revisions() == null ? "维持现行版本" : r.revisions());
    }
    if (r.approvalComment() != null) {
      Markdown.field(md, "管理方意见", r.approvalComment());
    }
    return new View(r.reviewNo() + " " + n.title(), md.toString(), null);
  }

  private View pledge(long id) {
    StaffService.Pledge p = staff.pledge(id);
    StaffService.Staff s = staff.get(p.staffId());
    StringBuilder md = new StringBuilder();
    Markdown.field(md, "编号", p.pledgeNo());
    Markdown.field(md, "运维人员", s.name() + "（" + s.post() + (s.userId() == null ? "" : "，账号 " + s.userId()) + "）");
    Markdown.field(md, "保密协议", p.kindLabel() + "保密协议");
    Markdown.field(md, StaffService.JOIN.equals(p.kind()) ? "入职日期" : "离职日期",
        String.valueOf(StaffService.JOIN.equals(p.kind()) ? s.joinedOn() : s.leftOn()));
    Markdown.field(md, "应签时间", TemplateReport.time(p.dueAt()) + "（北京时间）");
    return new View(p.pledgeNo() + " " + s.name() + " " + p.kindLabel(), md.toString(), null);
  }

  private View assessment(long assessmentId, long staffId) {
    AssessmentService.Assessment a = assessments.get(assessmentId);
    AssessmentService.Result r = assessments.result(assessmentId, staffId);
    boolean retake = r.attempts() > 0;
    StringBuilder md = new StringBuilder();
    Markdown.field(md, "考核", a.assessmentNo() + " " + a.title());
    Markdown.field(md, "运维人员", r.name() + "（" + r.post() + "）");
    Markdown.field(md, "本轮", retake ? "第 " + (r.attempts() + 1) + " 次考核（补考），上次成绩 " + r.score() + " 分" : "首次考核");
    Markdown.field(md, "合格分数", a.passScore() + " 分（满分 100 分）");
    Markdown.field(md, "成绩截止", TemplateReport.time(a.dueAt()) + "（北京时间）");
    return new View(a.assessmentNo() + " " + r.name() + (retake ? "（补考）" : ""), md.toString(), null);
  }
}
