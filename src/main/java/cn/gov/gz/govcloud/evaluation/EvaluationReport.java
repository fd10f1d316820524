package cn.gov.gz.govcloud.evaluation;

import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.evaluation.SurveyService.Answer;
import cn.gov.gz.govcloud.evaluation.SurveyService.Results;
import cn.gov.gz.govcloud.evaluation.SurveyService.Survey;
import cn.gov.gz.govcloud.kpi.Kpi;
import cn.gov.gz.govcloud.kpi.KpiService;
import cn.gov.gz.govcloud.report.ChartData;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The evaluation report of a period (DB4401/T 294.3 7.4.5 评价报告; GB/T 34077.3 5.3.7 e 评估服务报告, half-yearly):
 * the KPI figures of 7.3.2 against the previous period of the same length (computed by the kpi room's
 * {@link KpiService}, printed with their {@link Kpi} definitions), the survey per dimension, per unit and overall
 * with native charts, the units' comments, the supervisor's or management's opinion and the improvement measures of
 * 7.4.5 a–d. Rendered from {@code report-templates/evaluation-report.docx}; each generation a new archived version.
 */
@Implements(value = "P3 7.4.5", what = "根据使用方、监理方和管理方的意见和评价结果形成评价报告，提出改进措施")
@Implements(value = "GB 5.3.7 e", what = "评估服务报告（每半年）：服务评价部分")
@Service
public class EvaluationReport {

  public static final String KIND = "EVALUATION_REPORT";
  static final String TEMPLATE = "evaluation-report.docx";
  /** The KPIs of 7.3.2 in the table (a efficiency, b quality, c satisfaction, d compliance). */
  static final List<Kpi> KPIS = List.of(Kpi.EMERGENCY_RESPONDED_IN_TIME, Kpi.WORK_ORDER_DISPATCHED_IN_TIME,
      Kpi.WORK_ORDER_RESOLVED_IN_TIME, Kpi.WORK_ORDER_AVERAGE_RESOLUTION, Kpi.INSPECTION_COMPLETION,
      Kpi.RESOURCE_ORDER_COMPLETION, Kpi.WORK_ORDER_COMPLETION, Kpi.SATISFACTION_AVERAGE, Kpi.COMPLAINT_RATE,
      Kpi.REPORTS_ON_TIME);
  static final String UNIT_SATISFACTION = "使用单位满意度（调查）";
  static final String RESPONSE_RATE = "满意度调查答复率";

  private final SurveyService surveys;
  private final ReportFeedbackService feedback;
  private final KpiService kpis;
  private final ReportArchive archive;
  private final TemplateReport templates;
  private final People people;
  private final EvaluationProperties properties;

  EvaluationReport(SurveyService surveys, ReportFeedbackService feedback, KpiService kpis, ReportArchive archive,
      TemplateReport templates, People people, EvaluationProperties properties) {
    this.surveys = surveys;
    this.feedback = feedback;
    this.kpis = kpis;
    this.archive = archive;
    this.templates = templates;
    this.people = people;
    this.properties = properties;
  }

  public ReportDocument generate(long surveyId, String processInstanceId, String by) {
    Survey s = surveys.get(surveyId);
    int version = archive.nextVersion(KIND, s.surveyNo());
    byte[] docx = templates.render(TEMPLATE, data(surveyId, version), "kpis", "units", "comments");
    return archive.archive(KIND, s.surveyNo(), "政务云运营服务评价报告 " + s.periodFrom() + " 至 " + s.periodTo(),
        processInstanceId, null, "政务云运营服务评价报告-" + s.periodFrom() + "-" + s.periodTo() + "-v" + version + ".docx",
        ReportArchive.DOCX, docx, by);
  }

  /** The values of the template's tags (package-private: the tests compare the document with them). */
  Map<String, Object> data(long surveyId, int version) {
    Survey s = surveys.get(surveyId);
    Results r = surveys.results(surveyId, null);
    LocalDate from = s.periodFrom();
    LocalDate to = s.periodTo();
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    Map<Kpi, Double> now = kpis.figures(from, to);
    Map<Kpi, Double> before = kpis.figures(from.minusDays(days), from.minusDays(1));
    Map<String, Double> trend = new LinkedHashMap<>(surveys.previousOverall(surveyId, 5));
    trend.put(from + "–" + to, r.unitSatisfaction());

    Map<String, Object> data = new HashMap<>();
    data.put("title", "政务云运营服务评价报告");
    data.put("period", from + " 至 " + to + "（共 " + days + " 天）");
    data.put("version", String.valueOf(version));
    data.put("status", s.opinion() == null ? "评价意见待填写" : "终稿");
    data.put("summary", "本期共调查使用单位 " + r.surveyed() + " 家，已答复 " + r.answered() + " 家（答复率 "
        + pct(r.responseRate()) + "），未答复 " + r.noReply() + " 家；使用单位满意度 " + score(r.unitSatisfaction())
        + " 分，整体满意度 " + score(r.dimensions().get(SurveyDimension.OVERALL.field())) + " 分（1–5 分）。"
        + "工单满意度 " + Kpi.SATISFACTION_AVERAGE.format(now.get(Kpi.SATISFACTION_AVERAGE)) + " 分，投诉率 "
        + Kpi.COMPLAINT_RATE.format(now.get(Kpi.COMPLAINT_RATE)) + "，工单完成率 "
        + Kpi.WORK_ORDER_COMPLETION.format(now.get(Kpi.WORK_ORDER_COMPLETION)) + "。");
    data.put("method", "本次评价采用定量与定性相结合的方法（DB4401/T 294.3 7.3.1、7.4.3）：定量部分为第三节的考核评价指标"
        + "（按本系统的工单、应急事件、巡检、资源申请与报告记录计算，不采用手工填报的数字）和第四、五节的使用单位满意度调查评分；"
        + "定性部分为使用单位反馈的问题与建议、第六节监理方或管理方的评价意见。调查维度取自 P6 附录 B.1 第 15 项（服务态度、"
        + "响应速度、问题解决效果）、B.2 第 6 项（事后反馈）和 DB4401/T 294.3 7.3.2 c（整体满意度），每项 1–5 分。"
        + "本报告按计划每半年形成一次，作为 GB/T 34077.3 5.3.7 e 评估服务报告的服务评价部分。");
    data.put("kpis", kpiRows(now, before, r));
    data.put("kpiNotes", kpiNotes(from.minusDays(days), from.minusDays(1)));
    data.put("dimensionChart", dimensionChart(r));
    data.put("responseChart", ChartData.pie("答复情况（调查 " + r.surveyed() + " 家）", List.of("已答复", "未答复"),
        "单位数", List.of(r.answered(), r.noReply() + r.pending())));
    data.put("trendChart", ChartData.line("使用单位满意度趋势（近 " + trend.size() + " 次调查）",
        List.copyOf(trend.keySet()), "使用单位满意度", new ArrayList<>(trend.values())));
    data.put("chartNotes", "图 1 按已答复单位的评分计，未答复的单位不计入；图 2 按本次调查的全部单位计；"
        + "图 3 为历次已完成评价的调查的使用单位满意度（各单位平均分的平均）。");
    data.put("unitNote", "共调查 " + r.surveyed() + " 家使用单位，按单位编码排列；“单位平均分”为该单位五个维度评分的平均，"
        + "到期未答复的单位记为“未答复”。");
    data.put("units", unitRows(r));
    data.put("comments", commentRows(r));
    data.put("opinion", s.opinion() == null ? "评价意见待监理方或管理方填写。"
        : s.opinion() + "\n（评价人：" + people.name(s.opinionBy()) + "，" + TemplateReport.time(s.opinionAt()) + "）");
    data.put("improvements", improvements(s, r, now));
    return data;
  }

  private List<Map<String, String>> kpiRows(Map<Kpi, Double> now, Map<Kpi, Double> before, Results r) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Kpi k : KPIS) {
      boolean higherIsBetter = k != Kpi.WORK_ORDER_AVERAGE_RESOLUTION && k != Kpi.COMPLAINT_RATE;
      rows.add(row(rows.size() + 1, k.label(), k.format(now.get(k)), k.format(before.get(k)),
          change(now.get(k), before.get(k), higherIsBetter)));
    }
    rows.add(row(rows.size() + 1, UNIT_SATISFACTION, score(r.unitSatisfaction()), "—", "—"));
    rows.add(row(rows.size() + 1, RESPONSE_RATE, pct(r.responseRate()), "—", "—"));
    return rows;
  }

  private static Map<String, String> row(int no, String name, String current, String previous, String change) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("no", String.valueOf(no));
    m.put("name", name);
    m.put("current", current);
    m.put("previous", previous);
    m.put("change", change);
    return m;
  }

  private static String kpiNotes(LocalDate previousFrom, LocalDate previousTo) {
    StringBuilder s = new StringBuilder("注：统计期间按北京时间自然日计算，含起止两日；“上期”为本期之前同样天数的期间（"
        + previousFrom + " 至 " + previousTo + "）；“—”表示该期间没有可计算的对象。");
    for (int i = 0; i < KPIS.size(); i++) {
      s.append('\n').append(i + 1).append(". ").append(KPIS.get(i).label()).append("：").append(KPIS.get(i).definition());
    }
    s.append('\n').append(KPIS.size() + 1).append(". ").append(UNIT_SATISFACTION)
        .append("：本次调查已答复单位各自五个维度评分的平均分，再对各单位取平均（1–5 分）；未答复的单位不计入。");
    s.append('\n').append(KPIS.size() + 2).append(". ").append(RESPONSE_RATE).append("：已答复单位数 ÷ 调查单位数。");
    return s.toString();
  }

  private static ChartData dimensionChart(Results r) {
    List<String> labels = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (SurveyDimension d : SurveyDimension.all()) {
      labels.add(d.label());
      Double v = r.dimensions().get(d.field());
      values.add(v == null ? null : Math.round(v * 100) / 100.0);
    }
    return ChartData.bars("各维度平均分（已答复 " + r.answered() + " 家）", labels, "平均分", values);
  }

  private static List<Map<String, String>> unitRows(Results r) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Answer a : r.answers()) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("unit", a.unitName());
      for (SurveyDimension d : SurveyDimension.all()) {
        Integer v = a.scores().get(d.field());
        m.put(d.field(), v == null ? "—" : String.valueOf(v));
      }
      m.put("average", SurveyService.ANSWERED.equals(a.status()) ? score(a.average())
          : SurveyService.STATUS_LABELS.get(a.status()));
      rows.add(m);
    }
    if (rows.isEmpty()) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("unit", "本次未调查使用单位");
      SurveyDimension.all().forEach(d -> m.put(d.field(), "—"));
      m.put("average", "—");
      rows.add(m);
    }
    return rows;
  }

  private List<Map<String, String>> commentRows(Results r) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Answer a : r.answers()) {
      if (a.problems() == null && a.suggestions() == null) {
        continue;
      }
      rows.add(Map.of("unit", a.unitName(), "problems", a.problems() == null ? "—" : a.problems(),
          "suggestions", a.suggestions() == null ? "—" : a.suggestions(), "by", people.name(a.answeredBy()),
          "at", TemplateReport.time(a.answeredAt())));
    }
    if (rows.isEmpty()) {
      rows.add(Map.of("unit", "—", "problems", "本次调查没有单位反馈问题", "suggestions", "—", "by", "—", "at", "—"));
    }
    return rows;
  }

  /** The measures of DB4401/T 294.3 7.4.5 a–d, each from the figures that call for it, then the evaluator's. */
  private String improvements(Survey s, Results r, Map<Kpi, Double> now) {
    double low = properties.lowScore();
    List<String> lines = new ArrayList<>();
    Double resolution = r.dimensions().get(SurveyDimension.RESOLUTION.field());
    lines.add("a) 技术能力提升：" + (resolution != null && resolution < low
        ? "“问题解决效果”平均 " + score(resolution) + " 分，低于 " + score(low) + " 分，须针对反馈的问题开展技术和产品培训，补充知识库。"
        : "“问题解决效果”平均 " + score(resolution) + " 分，按计划开展培训和知识共享。"));
    Double speed = r.dimensions().get(SurveyDimension.RESPONSE_SPEED.field());
    Double dispatched = now.get(Kpi.WORK_ORDER_DISPATCHED_IN_TIME);
    Double responded = now.get(Kpi.EMERGENCY_RESPONDED_IN_TIME);
    boolean slow = (speed != null && speed < low) || (dispatched != null && dispatched < 1)
        || (responded != null && responded < 1);
    lines.add("b) 服务效率提升：" + (slow ? "“响应速度”平均 " + score(speed) + " 分，工单按时分派率 "
        + Kpi.WORK_ORDER_DISPATCHED_IN_TIME.format(dispatched) + "，应急事件按时响应率 "
        + Kpi.EMERGENCY_RESPONDED_IN_TIME.format(responded) + "：须优化服务流程和排班，提高响应速度与工单处理效率。"
        : "响应与处理时效达到要求，保持现有流程。"));
    List<String> weak = new ArrayList<>();
    for (SurveyDimension d : List.of(SurveyDimension.ATTITUDE, SurveyDimension.FOLLOW_UP, SurveyDimension.OVERALL)) {
      Double v = r.dimensions().get(d.field());
      if (v != null && v < low) {
        weak.add("“" + d.label() + "”" + score(v) + " 分");
      }
    }
    lines.add("c) 服务质量提升：" + (weak.isEmpty() ? "各项满意度不低于 " + score(low) + " 分；" : String.join("、", weak)
        + " 低于 " + score(low) + " 分，须开展服务自评并逐项回访反馈问题的单位；") + "未答复的单位 " + r.noReply()
        + " 家，下次调查前由服务台电话回访。");
    Double reports = now.get(Kpi.REPORTS_ON_TIME);
    lines.add("d) 合规性：应急响应报告按时提交率 " + Kpi.REPORTS_ON_TIME.format(reports)
        + (reports != null && reports < 1 ? "，须审查报告提交制度的执行情况。" : "，定期审查和更新服务管理文档。")
        + feedback.periodSummary(s.periodFrom(), s.periodTo()));
    if (s.requirements() != null) {
      lines.add("评价人提出的改进要求：" + s.requirements());
    }
    return String.join("\n", lines);
  }

  private static String change(Double now, Double before, boolean higherIsBetter) {
    if (now == null || before == null) {
      return "—";
    }
    double delta = now - before;
    return Math.abs(delta) < 1e-9 ? "持平" : ((delta > 0) == higherIsBetter ? "改善" : "下降");
  }

  static String score(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.2f", v);
  }

  static String pct(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.1f%%", v * 100);
  }
}
