package cn.gov.gz.govcloud.governance;

import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.governance.NormService.Norm;
import cn.gov.gz.govcloud.governance.NormService.Opinion;
import cn.gov.gz.govcloud.governance.NormService.Review;
import cn.gov.gz.govcloud.report.ChartData;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The review record of a management norm (管理规范评审记录, P6 7.6.1.3 形成评审记录, 7.4.1.2 评审修订记录; DB4401/T
 * 294.3 Appendix D #6 管理制度): the norm and its versions, the need, the opinions of the parties with a native chart
 * of their number per party, the participants, conclusions and revisions, management's approval and what was
 * published. Rendered from {@code report-templates/norm-review-record.docx}; each generation a new archived version.
 */
@Implements(value = "P6 7.6.1.3", what = "形成管理规范评审记录")
@Implements(value = "P6 7.4.1.2", what = "安全管理规范评审修订记录")
@Implements(value = "P3 附录 D.1 第 6 项", what = "管理制度（评审记录与版本）")
@Service
public class NormReviewRecord {

  public static final String KIND = "NORM_REVIEW";
  static final String TEMPLATE = "norm-review-record.docx";

  private final NormService norms;
  private final ReportArchive archive;
  private final TemplateReport templates;
  private final People people;

  NormReviewRecord(NormService norms, ReportArchive archive, TemplateReport templates, People people) {
    this.norms = norms;
    this.archive = archive;
    this.templates = templates;
    this.people = people;
  }

  public ReportDocument generate(long reviewId, String processInstanceId, String by) {
    Review r = norms.review(reviewId);
    Norm n = norms.get(r.normId());
    int version = archive.nextVersion(KIND, r.reviewNo());
    byte[] docx = templates.render(TEMPLATE, data(reviewId, version), "opinions", "versions");
    return archive.archive(KIND, r.reviewNo(), "管理规范评审记录 " + n.title(), processInstanceId, null,
        "管理规范评审记录-" + r.reviewNo() + "-v" + version + ".docx", ReportArchive.DOCX, docx, by);
  }

  Map<String, Object> data(long reviewId, int version) {
    Review r = norms.review(reviewId);
    Norm n = norms.get(r.normId());
    List<Opinion> opinions = norms.opinions(reviewId);
    Map<String, Object> data = new HashMap<>();
    data.put("title", "管理规范评审记录");
    data.put("reviewNo", r.reviewNo());
    data.put("norm", "《" + n.title() + "》（" + n.code() + "，" + n.typeLabel() + "）");
    data.put("version", String.valueOf(version));
    data.put("status", "CLOSED".equals(r.status()) || r.approvedAt() != null ? "终稿" : "评审中");
    data.put("need", "评审原因：" + r.reason() + "\n发起人：" + people.name(r.requestedBy()) + "，"
        + TemplateReport.time(r.requestedAt()) + "\n管理方确认：" + (r.needComment() == null ? "同意评审" : r.needComment())
        + "\n征求意见截止：" + TemplateReport.time(r.opinionDue()) + "（北京时间）");
    List<String> parties = List.copyOf(NormService.PARTIES.keySet());
    List<Integer> counts = new ArrayList<>();
    for (String p : parties) {
      counts.add((int) opinions.stream().filter(o -> o.party().equals(p)).count());
    }
    data.put("opinionChart", ChartData.bars("各方意见数（共 " + opinions.size() + " 条）",
        parties.stream().map(NormService.PARTIES::get).toList(), "意见数", counts));
    data.put("opinions", opinionRows(opinions));
    data.put("review", "参加评审：" + nz(r.participants()) + "\n评审结论：" + nz(r.conclusions()) + "\n修订内容："
        + (r.revisions() == null ? "无" : r.revisions()));
    data.put("approval", r.approvedAt() == null ? "待管理方审批。" : "管理方审批：批准（" + people.name(r.approvedBy())
        + "，" + TemplateReport.time(r.approvedAt()) + "）" + (r.approvalComment() == null ? "" : "；意见："
        + r.approvalComment()));
    data.put("publication", Boolean.TRUE.equals(r.revise()) && r.newVersion() != null
        ? "修订后发布第 " + r.newVersion() + " 版，已通知管理方、服务方和监理方人员学习执行（P6 7.6.1.4）。"
        : "维持现行第 " + n.version() + " 版，评审结果已通知相关人员（P6 7.6.1.4）。");
    data.put("versions", norms.versions(n.id()).stream().map(v -> Map.of("version", "第 " + v.version() + " 版",
        "publishedOn", v.publishedOn().toString(), "changes", nz(v.changes()), "by", people.name(v.publishedBy())))
        .toList());
    return data;
  }

  private List<Map<String, String>> opinionRows(List<Opinion> all) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Opinion o : all) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("no", String.valueOf(rows.size() + 1));
      m.put("party", o.partyLabel());
      m.put("by", people.name(o.submittedBy()));
      m.put("content", o.content());
      m.put("at", TemplateReport.time(o.submittedAt()));
      rows.add(m);
    }
    if (rows.isEmpty()) {
      rows.add(Map.of("no", "—", "party", "—", "by", "—", "content", "征求意见期内没有收到意见", "at", "—"));
    }
    return rows;
  }

  private static String nz(String s) {
    return s == null ? "—" : s;
  }
}
