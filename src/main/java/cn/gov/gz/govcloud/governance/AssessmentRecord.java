package cn.gov.gz.govcloud.governance;

import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.governance.AssessmentService.Assessment;
import cn.gov.gz.govcloud.governance.AssessmentService.Result;
import cn.gov.gz.govcloud.report.ChartData;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * The security awareness and operation assessment record (安全意识与操作考核记录, P6 7.4.1.3 b 形成考核评价): the
 * figures, a native chart of the final scores by band, every staff member's first and final score, attempts and
 * result, and the follow-up the results call for. Rendered from {@code report-templates/security-assessment-record.docx};
 * each generation a new archived version.
 */
@Implements(value = "P6 7.4.1.3", what = "b) 考核评价记录：成绩分布图表、每人成绩与补考结果")
@Service
public class AssessmentRecord {

  public static final String KIND = "SECURITY_ASSESSMENT";
  static final String TEMPLATE = "security-assessment-record.docx";
  static final List<String> BANDS = List.of("60 分以下", "60–69 分", "70–79 分", "80–89 分", "90–100 分");

  private final AssessmentService assessments;
  private final ReportArchive archive;
  private final TemplateReport templates;
  private final People people;

  AssessmentRecord(AssessmentService assessments, ReportArchive archive, TemplateReport templates, People people) {
    this.assessments = assessments;
    this.archive = archive;
    this.templates = templates;
    this.people = people;
  }

  public ReportDocument generate(long assessmentId, String processInstanceId, String by) {
    Assessment a = assessments.get(assessmentId);
    int version = archive.nextVersion(KIND, a.assessmentNo());
    byte[] docx = templates.render(TEMPLATE, data(assessmentId, version), "results");
    return archive.archive(KIND, a.assessmentNo(), "安全意识与操作考核记录 " + a.title(), processInstanceId, null,
        "安全意识与操作考核记录-" + a.assessmentNo() + "-v" + version + ".docx", ReportArchive.DOCX, docx, by);
  }

  /** The values of the template's tags (package-private: the tests compare the document with them). */
  Map<String, Object> data(long assessmentId, int version) {
    Assessment a = assessments.get(assessmentId);
    List<Result> all = assessments.results(assessmentId);
    long passed = all.stream().filter(r -> "PASSED".equals(r.status())).count();
    long failed = all.stream().filter(r -> "FAILED".equals(r.status())).count();
    long absent = all.stream().filter(r -> "ABSENT".equals(r.status())).count();
    long retaken = all.stream().filter(r -> r.attempts() > 1).count();
    List<Integer> finals = all.stream().map(Result::score).filter(Objects::nonNull).toList();
    Map<String, Object> data = new HashMap<>();
    data.put("title", "安全意识与操作考核记录");
    data.put("assessmentNo", a.assessmentNo());
    data.put("name", a.title());
    data.put("version", String.valueOf(version));
    data.put("status", "CLOSED".equals(a.status()) || all.stream().noneMatch(r -> r.status().equals("PENDING")
        || r.status().equals("RETAKE")) ? "终稿" : "考核进行中");
    data.put("summary", "本次考核在岗运维人员 " + all.size() + " 人，通过 " + passed + " 人（通过率 "
        + Scores.pct(all.isEmpty() ? null : (double) passed / all.size()) + "），未通过 " + failed + " 人，缺考 " + absent
        + " 人；其中经补考 " + retaken + " 人。合格分数 " + a.passScore() + " 分（满分 100 分），平均成绩 "
        + Scores.score(Scores.average(finals)) + " 分。考核于 " + TemplateReport.time(a.createdAt())
        + " 发起，成绩截止 " + TemplateReport.time(a.dueAt()) + "（北京时间）。");
    data.put("scoreChart", ChartData.bars("最终成绩分布（" + finals.size() + " 人）", BANDS, "人数", bands(finals)));
    data.put("chartNote", "按每人最终一次考核成绩计，缺考人员不计入；补考人员的首次成绩见下表。");
    data.put("results", rows(all));
    data.put("conclusion", conclusion(all, a));
    return data;
  }

  static List<Integer> bands(List<Integer> scores) {
    int[] counts = new int[BANDS.size()];
    for (int s : scores) {
      counts[s < 60 ? 0 : s >= 90 ? 4 : (s - 50) / 10]++;
    }
    List<Integer> out = new ArrayList<>();
    for (int c : counts) {
      out.add(c);
    }
    return out;
  }

  private List<Map<String, String>> rows(List<Result> all) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Result r : all) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("no", String.valueOf(rows.size() + 1));
      m.put("name", r.name());
      m.put("post", r.post());
      m.put("first", r.firstScore() == null ? "—" : String.valueOf(r.firstScore()));
      m.put("score", r.score() == null ? "—" : String.valueOf(r.score()));
      m.put("attempts", String.valueOf(r.attempts()));
      m.put("result", r.statusLabel());
      m.put("by", r.recordedBy() == null ? "—" : people.name(r.recordedBy()));
      rows.add(m);
    }
    if (rows.isEmpty()) {
      rows.add(Map.of("no", "—", "name", "无在岗人员", "post", "—", "first", "—", "score", "—", "attempts", "—",
          "result", "—", "by", "—"));
    }
    return rows;
  }

  private static String conclusion(List<Result> all, Assessment a) {
    List<String> failed = all.stream().filter(r -> "FAILED".equals(r.status())).map(Result::name).toList();
    List<String> absent = all.stream().filter(r -> "ABSENT".equals(r.status())).map(Result::name).toList();
    List<String> lines = new ArrayList<>();
    lines.add(failed.isEmpty() ? "参加考核的人员均已通过（含补考）。"
        : "未通过：" + String.join("、", failed) + "。须安排安全管理规范再培训（P6 7.4.1.3 a），培训合格前暂停其生产环境操作权限"
            + "（P6 7.4.1.3 d 业务权限最小化）。");
    if (!absent.isEmpty()) {
      lines.add("缺考：" + String.join("、", absent) + "。须在下次考核前补考。");
    }
    lines.add("下次考核按计划（govcloud.governance.assessment-schedule）定期开展；合格分数 " + a.passScore() + " 分。");
    return String.join("\n", lines);
  }
}
