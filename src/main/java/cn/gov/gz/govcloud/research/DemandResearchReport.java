package cn.gov.gz.govcloud.research;

import static cn.gov.gz.govcloud.research.ResearchLabels.*;

import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.report.ChartData;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import cn.gov.gz.govcloud.research.ResearchService.Answer;
import cn.gov.gz.govcloud.research.ResearchService.Demand;
import cn.gov.gz.govcloud.research.ResearchService.Recommendation;
import cn.gov.gz.govcloud.research.ResearchService.Research;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The research/assessment report (调研评估报告, P3 Appendix D #18; P6 7.5.1.4): what was asked and how, the answers
 * per unit, the demands by type, satisfaction and resource adequacy with native charts, the provider's analysis
 * (7.5.1.2) and recommendations (7.5.1.3), and the review. Rendered from
 * {@code report-templates/demand-research-report.docx}; each generation a new archived version.
 */
@Implements(value = "P6 7.5.1.4", what = "调研评估报告（P3 附录 D.1 第 18 项）归档并提交管理方审阅")
@Service
public class DemandResearchReport {

  public static final String KIND = "DEMAND_RESEARCH";
  static final String TEMPLATE = "demand-research-report.docx";

  private final ResearchService research;
  private final ReportArchive archive;
  private final TemplateReport templates;
  private final People people;

  DemandResearchReport(ResearchService research, ReportArchive archive, TemplateReport templates, People people) {
    this.research = research;
    this.archive = archive;
    this.templates = templates;
    this.people = people;
  }

  public ReportDocument generate(long researchId, String processInstanceId, String by) {
    Research r = research.get(researchId);
    int version = archive.nextVersion(KIND, r.researchNo());
    byte[] docx = templates.render(TEMPLATE, data(researchId, version), "units", "demands", "comments",
        "recommendations");
    return archive.archive(KIND, r.researchNo(), "调研评估报告 " + r.researchNo() + " " + r.topic(),
        processInstanceId, null, "调研评估报告-" + r.researchNo() + "-v" + version + ".docx", ReportArchive.DOCX, docx,
        by);
  }

  /** The research in a few lines: what the analysis form shows. */
  String summary(long researchId) {
    Research r = research.get(researchId);
    Figures f = figures(r, research.answers(researchId, null), research.demands(researchId, null));
    StringBuilder s = new StringBuilder("调研 " + r.researchNo() + "（" + r.topic() + "，" + r.methodLabel() + "）：调研使用单位 "
        + f.asked + " 家，" + (ResearchLabels.INTERVIEW.equals(r.method()) ? "已访谈 " + f.interviewed + " 家"
        : "已填写问卷 " + f.answered + " 家，未答复 " + f.noReply + " 家") + "；平均满意度 " + score(f.satisfaction)
        + " 分（1–5 分）；资源满足程度：");
    s.append(ADEQUACY.entrySet().stream().map(e -> e.getValue() + " " + f.adequacy.getOrDefault(e.getKey(), 0L) + " 家")
        .collect(Collectors.joining("、")));
    s.append("。\n需求 ").append(f.demands).append(" 条：");
    s.append(DEMAND_TYPE.entrySet().stream().map(e -> e.getValue() + " " + f.byType.getOrDefault(e.getKey(), 0L))
        .collect(Collectors.joining("、"))).append("。");
    return s.toString();
  }

  /** The values of the template's tags (package-private: the tests compare the document with them). */
  Map<String, Object> data(long researchId, int version) {
    Research r = research.get(researchId);
    List<Answer> answers = research.answers(researchId, null);
    List<Demand> demands = research.demands(researchId, null);
    List<Recommendation> recs = research.recommendations(researchId);
    Map<String, String> names = research.unitNames();
    Figures f = figures(r, answers, demands);

    Map<String, Object> data = new HashMap<>();
    data.put("title", "调研评估报告");
    data.put("topic", r.topic());
    data.put("researchNo", r.researchNo());
    data.put("period", r.periodFrom() + " 至 " + r.periodTo());
    data.put("version", String.valueOf(version));
    data.put("status", ACCEPTED.equals(r.status()) ? "管理方已审阅通过" : "提交管理方审阅");
    data.put("summary", summary(researchId) + "\n服务方据此提出优化建议 " + recs.size() + " 条（技术改进 "
        + count(recs, "TECHNICAL") + " 条、流程优化 " + count(recs, "PROCESS") + " 条、资源调整 " + count(recs, RESOURCE)
        + " 条）。");
    data.put("method", "本次调研由服务方于 " + TemplateReport.time(r.createdAt()) + " 发起（发起人：" + people.name(r.createdBy())
        + "），调研期间 " + r.periodFrom() + " 至 " + r.periodTo() + "，答复截止 " + TemplateReport.time(r.dueAt())
        + "（北京时间）。调研方式：" + (ResearchLabels.INTERVIEW.equals(r.method())
            ? "访谈——服务方逐一访谈各使用单位并记录访谈内容（受访人、资源使用情况、满意度、问题、建议和需求）。"
            : "问卷——各使用单位在任务中心或通过接口填写问卷；截止前未填写的单位收到提醒，到期仍未填写记为未答复。")
        + "调研内容（P6 7.5.1.1）：云资源使用情况（资源满足程度）、满意度（1–5 分）、存在的问题、意见与建议，以及按类型（"
        + String.join("、", DEMAND_TYPE.values()) + "）填写的需求。共调研使用单位 " + f.asked + " 家。");

    List<String> typeLabels = new ArrayList<>(DEMAND_TYPE.values());
    List<Long> typeCounts = DEMAND_TYPE.keySet().stream().map(k -> f.byType.getOrDefault(k, 0L)).toList();
    data.put("demandChart", ChartData.bars("各类需求数量（共 " + f.demands + " 条）", typeLabels, "需求数", typeCounts));
    data.put("answerChart", ChartData.pie("答复情况（调研 " + f.asked + " 家）", List.of("已填写问卷", "已访谈", "未答复"),
        "单位数", List.of(f.answered, f.interviewed, f.noReply + f.pending)));
    List<Long> dist = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      dist.add(f.scores.getOrDefault(i, 0L));
    }
    data.put("satisfactionChart", ChartData.bars("满意度分布（已答复 " + (f.answered + f.interviewed) + " 家）",
        List.of("1 分", "2 分", "3 分", "4 分", "5 分"), "单位数", dist));
    data.put("chartNotes", "图 1 为各使用单位提出的需求按类型计数；图 2 按本次调研的全部单位计；图 3 为填写问卷或接受访谈的单位的满意度评分分布，"
        + "未答复的单位不计入。");
    data.put("unitNote", "共调研 " + f.asked + " 家使用单位，按单位编码排列；平均满意度 " + score(f.satisfaction) + " 分。");

    Map<String, Long> perUnit = demands.stream().collect(Collectors.groupingBy(Demand::unitCode, Collectors.counting()));
    List<Map<String, String>> units = new ArrayList<>();
    for (Answer a : answers) {
      units.add(row("unit", a.unitName(), "status", a.statusLabel(), "adequacy", ResearchLabels.of(ADEQUACY,
              a.resourceAdequacy()), "satisfaction", a.satisfaction() == null ? "—" : String.valueOf(a.satisfaction()),
          "demandCount", String.valueOf(perUnit.getOrDefault(a.unitCode(), 0L)), "by", a.answeredBy() == null ? "—"
              : people.name(a.answeredBy()) + (a.interviewee() == null ? "" : "（受访：" + a.interviewee() + "）"),
          "at", a.answeredAt() == null ? "—" : TemplateReport.time(a.answeredAt())));
    }
    if (units.isEmpty()) {
      units.add(row("unit", "本次未调研使用单位", "status", "—", "adequacy", "—", "satisfaction", "—", "demandCount", "0",
          "by", "—", "at", "—"));
    }
    data.put("units", units);
    List<Map<String, String>> demandRows = demands.stream().map(d -> row("unit", d.unitName(), "type", d.typeLabel(),
        "content", d.content())).collect(Collectors.toCollection(ArrayList::new));
    if (demandRows.isEmpty()) {
      demandRows.add(row("unit", "—", "type", "—", "content", "本次调研没有单位提出需求"));
    }
    data.put("demands", demandRows);
    List<Map<String, String>> comments = new ArrayList<>();
    for (Answer a : answers) {
      if (a.problems() != null || a.suggestions() != null) {
        comments.add(row("unit", a.unitName(), "problems", a.problems() == null ? "—" : a.problems(), "suggestions",
            a.suggestions() == null ? "—" : a.suggestions()));
      }
    }
    if (comments.isEmpty()) {
      comments.add(row("unit", "—", "problems", "本次调研没有单位反馈问题", "suggestions", "—"));
    }
    data.put("comments", comments);

    data.put("managementState", orPending(r.managementState()));
    data.put("problems", orPending(r.problems()));
    data.put("direction", orPending(r.direction()));
    data.put("analysedBy", r.analysedBy() == null ? "" : "（分析人：" + people.name(r.analysedBy()) + "，"
        + TemplateReport.time(r.analysedAt()) + "）");
    List<Map<String, String>> recRows = new ArrayList<>();
    for (Recommendation c : recs) {
      recRows.add(row("no", String.valueOf(c.seq()), "category", c.categoryLabel(), "concerned", c.unitCodes().isEmpty()
          ? "全部调研单位" : c.unitCodes().stream().map(u -> names.getOrDefault(u, u)).collect(Collectors.joining("、")),
          "content", c.content()));
    }
    if (recRows.isEmpty()) {
      recRows.add(row("no", "—", "category", "—", "concerned", "—", "content", "优化建议待服务方填写"));
    }
    data.put("recommendations", recRows);
    long resource = count(recs, RESOURCE);
    data.put("handOver", resource == 0 ? "本次没有资源调整类建议。"
        : "资源调整类建议 " + resource + " 条：经管理方审阅通过后，列入下一次资源优化评审（P6 7.5.4）的审核任务和资源使用统计报告，"
            + "由管理方结合资源使用统计和附录 C 的判定一并审核。");
    StringBuilder review = new StringBuilder("本报告由服务方提交管理方审阅（P6 7.5.1.4），当前为第 " + version + " 版。");
    if (r.returnCount() > 0) {
      review.append("此前管理方退回修改 ").append(r.returnCount()).append(" 次，最近一次的理由：").append(r.returnReason())
          .append("。");
    }
    if (ACCEPTED.equals(r.status())) {
      review.append("管理方（").append(people.name(r.reviewedBy())).append("）已于 ")
          .append(TemplateReport.time(r.acceptedAt())).append(" 审阅通过")
          .append(r.reviewComment() == null ? "。" : "，意见：" + r.reviewComment());
    }
    data.put("reviewNote", review.toString());
    return data;
  }

  /** The research's figures. */
  static final class Figures {
    long asked;
    long answered;
    long interviewed;
    long noReply;
    long pending;
    long demands;
    Double satisfaction;
    Map<String, Long> adequacy = new LinkedHashMap<>();
    Map<String, Long> byType = new LinkedHashMap<>();
    Map<Integer, Long> scores = new LinkedHashMap<>();
  }

  static Figures figures(Research r, List<Answer> answers, List<Demand> demands) {
    Figures f = new Figures();
    f.asked = answers.size();
    List<Double> given = new ArrayList<>();
    for (Answer a : answers) {
      switch (a.status()) {
        case ANSWERED -> f.answered++;
        case INTERVIEWED -> f.interviewed++;
        case NO_REPLY -> f.noReply++;
        default -> f.pending++;
      }
      if (a.satisfaction() != null) {
        given.add(a.satisfaction().doubleValue());
        f.scores.merge(a.satisfaction(), 1L, Long::sum);
      }
      if (a.resourceAdequacy() != null) {
        f.adequacy.merge(a.resourceAdequacy(), 1L, Long::sum);
      }
    }
    f.satisfaction = given.isEmpty() ? null : given.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    for (Demand d : demands) {
      f.byType.merge(d.type(), 1L, Long::sum);
    }
    f.demands = demands.size();
    return f;
  }

  private static long count(List<Recommendation> recs, String category) {
    return recs.stream().filter(c -> category.equals(c.category())).count();
  }

  private static String orPending(String s) {
    return s == null ? "待服务方分析。" : s;
  }

  static String score(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static Map<String, String> row(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
