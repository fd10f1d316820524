package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.optimization.OptimizationVariables.*;

import cn.gov.gz.govcloud.engine.CaseViews;
import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.report.ReportDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Reports (P6 7.5.2, 7.5.3): the statistics and efficiency reports, filed in the archive; then the candidates go to
 * management's review with the first rows listed in the form.
 */
@Component("writeOptimizationReports")
class WriteOptimizationReports extends ProcessStep {
  private final OptimizationService service;
  private final StatisticsReport statistics;
  private final EfficiencyReport efficiency;
  private final OptimizationProperties properties;
  private final JsonVariables json;
  private final ResearchRecommendations research;

  WriteOptimizationReports(OptimizationService service, StatisticsReport statistics, EfficiencyReport efficiency,
      OptimizationProperties properties, JsonVariables json, ResearchRecommendations research) {
    this.research = research;
    this.service = service;
    this.statistics = statistics;
    this.efficiency = efficiency;
    this.properties = properties;
    this.json = json;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = reviewId(execution);
    ReportDocument stats = statistics.statistics(id, execution.getProcessInstanceId(), actor(execution));
    ReportDocument eff = efficiency.efficiency(id, execution.getProcessInstanceId(), actor(execution));
    service.reports(id, stats.id(), eff.id());
    Review r = service.get(id);
    List<Candidate> list = service.candidates(id, null, null, null, null, properties.formRows());
    service.status(id, list.isEmpty() ? Review.Status.NOTHING_TO_DO : Review.Status.IN_REVIEW);
    List<CandidateRow> rows = list.stream().map(c -> new CandidateRow(c.id(), c.resourceId(), c.unitCode(),
        c.actionText() + "：" + c.ruleLabel(), c.evidence(), c.estimatedSaving().toPlainString(),
        null, null)).toList();
    execution.setVariable(CANDIDATES, SpinValues.jsonValue(json.write(rows)).create());
    List<Candidate> all = service.candidates(id, null, null, null, null, Integer.MAX_VALUE);
    Map<String, Long> byAction = all.stream().collect(Collectors.groupingBy(c -> Candidate.actionLabel(c.action()),
        LinkedHashMap::new, Collectors.counting()));
    String summary = "评审 " + r.reviewNo() + "（" + r.periodFrom() + " 至 " + r.periodTo() + "）：资源 "
        + r.resources() + " 项，本期费用 " + r.totalCost() + " 元，附录 C 判定 " + r.candidates() + " 项建议，涉及 "
        + all.stream().map(Candidate::resourceId).distinct().count() + " 项资源（"
        + byAction.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("、"))
        + "）。资源使用统计报告（第 " + stats.version() + " 版）与效能分析报告（第 " + eff.version() + " 版）已归档，"
        + "可点击任务上方“相关文档”中的按钮打开。";
    if (r.candidates() != null && r.candidates() > rows.size()) {
      summary += "\n表中列出预计节约最多的前 " + rows.size() + " 项；其余请用下方“其余未逐条决定的建议”一次接受或拒绝。";
    }
    if (r.previousReviewId() != null) {
      summary += "\n" + ReportFigures.followUpText(service.followUp(r.previousReviewId()));
    }
    String fromResearch = ResearchRecommendations.text(research.forReview(r));
    if (fromResearch != null) {
      String more = "…（完整列表见资源使用统计报告）";
      summary += "\n" + (summary.length() + fromResearch.length() < CaseViews.MAX_TEXT ? fromResearch
          : fromResearch.substring(0, Math.max(0, CaseViews.MAX_TEXT - summary.length() - more.length() - 1)) + more);
    }
    execution.setVariable(REVIEW_SUMMARY, summary);
  }
}
