package cn.gov.gz.govcloud.governance;

import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.governance.TrainingService.Feedback;
import cn.gov.gz.govcloud.governance.TrainingService.FeedbackFigures;
import cn.gov.gz.govcloud.governance.TrainingService.Training;
import cn.gov.gz.govcloud.report.ChartData;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The training record (培训记录, P6 7.6.3.6; DB4401/T 294.3 Appendix D Table D.1 #7 培训文档): the need as management
 * confirmed it, the plan, the session held with its attendance, the attendees' feedback with a native chart of the
 * average score of content, form and effect, every feedback, the summary and the improvements. Rendered from
 * {@code report-templates/training-record.docx}; each generation a new archived version.
 */
@Implements(value = "P6 7.6.3.6", what = "记录培训服务过程和结果：培训记录（需求、计划、实施、反馈、改进）")
@Implements(value = "P3 附录 D.1 第 7 项", what = "培训文档")
@Service
public class TrainingRecord {

  public static final String KIND = "TRAINING_RECORD";
  static final String TEMPLATE = "training-record.docx";
  static final List<String> DIMENSIONS = List.of("培训内容", "培训形式", "培训效果");

  private final TrainingService trainings;
  private final ReportArchive archive;
  private final TemplateReport templates;
  private final People people;

  TrainingRecord(TrainingService trainings, ReportArchive archive, TemplateReport templates, People people) {
    this.trainings = trainings;
    this.archive = archive;
    this.templates = templates;
    this.people = people;
  }

  public ReportDocument generate(long trainingId, String processInstanceId, String by) {
    Training t = trainings.get(trainingId);
    int version = archive.nextVersion(KIND, t.trainingNo());
    byte[] docx = templates.render(TEMPLATE, data(trainingId, version), "feedbacks");
    return archive.archive(KIND, t.trainingNo(), "培训记录 " + t.trainingNo() + " " + t.topic(), processInstanceId,
        null, "培训记录-" + t.trainingNo() + "-v" + version + ".docx", ReportArchive.DOCX, docx, by);
  }

  /** The values of the template's tags (package-private: the tests compare the document with them). */
  Map<String, Object> data(long trainingId, int version) {
    Training t = trainings.get(trainingId);
    FeedbackFigures f = trainings.figures(trainingId);
    List<Feedback> all = trainings.feedbacks(trainingId);
    Map<String, Object> data = new HashMap<>();
    data.put("title", "培训记录");
    data.put("trainingNo", t.trainingNo());
    data.put("topic", t.topic());
    data.put("version", String.valueOf(version));
    data.put("status", t.summary() == null ? "总结待填写" : "终稿");
    data.put("need", lines(
        "培训主题：" + t.topic(),
        "培训形式：" + t.formLabel(),
        "培训目标：" + t.goal(),
        "培训对象：" + t.audience(),
        "发起人：" + people.name(t.requestedBy()) + "，" + TemplateReport.time(t.requestedAt()),
        "管理方确认：" + people.name(t.needBy()) + "，" + TemplateReport.time(t.needAt())
            + (t.needComment() == null ? "" : "；意见：" + t.needComment())));
    data.put("plan", lines(
        "培训内容：" + nz(t.content()),
        "培训方式：" + nz(t.method()),
        "讲师：" + nz(t.lecturer()),
        "培训时间：" + TemplateReport.time(t.sessionAt()) + "（北京时间）",
        "培训地点或线上链接：" + nz(t.place()),
        "参训人员：" + nz(t.attendees()),
        "制定人：" + people.name(t.plannedBy())));
    data.put("session", lines(
        "实到人数：" + (t.attendanceCount() == null ? "—" : t.attendanceCount() + " 人"),
        "签到名单：" + nz(t.attendanceList()),
        "课件与资料：" + nz(t.materials()),
        "记录人：" + people.name(t.heldBy()) + "，" + TemplateReport.time(t.heldAt())));
    data.put("feedbackChart", ChartData.bars("培训反馈平均分（" + f.count() + " 份反馈）", DIMENSIONS, "平均分",
        Arrays.asList(round(f.content()), round(f.form()), round(f.effect()))));
    data.put("feedbackNote", "共收到反馈 " + f.count() + " 份" + (t.attendanceCount() == null || t.attendanceCount() == 0
        ? "" : "（实到 " + t.attendanceCount() + " 人，反馈率 " + Scores.pct((double) f.count() / t.attendanceCount())
        + "）") + "；内容 " + Scores.score(f.content()) + " 分，形式 " + Scores.score(f.form()) + " 分，效果 "
        + Scores.score(f.effect()) + " 分（1–5 分）。反馈截止时间 " + TemplateReport.time(t.feedbackDue())
        + "（北京时间），截止前提醒 " + t.feedbackReminders() + " 次。"
        + (t.exchangeNote() == null ? "" : "\n技术交流：" + t.exchangeNote()));
    data.put("feedbacks", feedbackRows(all));
    data.put("summary", t.summary() == null ? "培训总结待填写。"
        : t.summary() + "\n（总结人：" + people.name(t.summaryBy()) + "）");
    data.put("improvements", t.improvements() == null ? "—" : t.improvements());
    return data;
  }

  private List<Map<String, String>> feedbackRows(List<Feedback> all) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Feedback f : all) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("no", String.valueOf(rows.size() + 1));
      m.put("by", people.name(f.submittedBy()));
      m.put("content", String.valueOf(f.contentScore()));
      m.put("form", String.valueOf(f.formScore()));
      m.put("effect", String.valueOf(f.effectScore()));
      m.put("comments", f.comments() == null ? "—" : f.comments());
      rows.add(m);
    }
    if (rows.isEmpty()) {
      rows.add(Map.of("no", "—", "by", "本次培训没有收到反馈", "content", "—", "form", "—", "effect", "—",
          "comments", "—"));
    }
    return rows;
  }

  private static Double round(Double v) {
    return v == null ? null : Math.round(v * 100) / 100.0;
  }

  private static String nz(String s) {
    return s == null ? "—" : s;
  }

  private static String lines(String... lines) {
    return String.join("\n", lines);
  }
}
