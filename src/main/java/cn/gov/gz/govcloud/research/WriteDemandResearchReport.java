package cn.gov.gz.govcloud.research;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.research.ResearchVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.report.DocumentLinks;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.research.ResearchService.AnalysisInput;
import cn.gov.gz.govcloud.research.ResearchService.Recommendation;
import cn.gov.gz.govcloud.research.ResearchService.RecommendationInput;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Stores the provider's analysis and recommendations, files the research report (调研评估报告, a new version each time)
 * and submits it to management (P6 7.5.1.4).
 */
@Component("writeDemandResearchReport")
public class WriteDemandResearchReport extends ProcessStep {
  private final ResearchService research;
  private final DemandResearchReport report;
  private final JsonVariables json;
  private final CaseNotifier notifier;
  private final DocumentLinks links;
  private final ResearchProperties properties;
  private final Clock clock;

  WriteDemandResearchReport(ResearchService research, DemandResearchReport report, JsonVariables json,
      CaseNotifier notifier, DocumentLinks links, ResearchProperties properties, Clock clock) {
    this.research = research;
    this.report = report;
    this.json = json;
    this.notifier = notifier;
    this.links = links;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = id(execution);
    List<RecommendationInput> recs = json.read(execution, RECOMMENDATIONS,
        new TypeReference<List<RecommendationInput>>() {});
    String by = actor(execution);
    List<Recommendation> stored = research.analyse(id, new AnalysisInput(text(execution, MANAGEMENT_STATE),
        text(execution, ANALYSIS_PROBLEMS), text(execution, DIRECTION), recs), by);
    ReportDocument d = report.generate(id, execution.getProcessInstanceId(), by);
    research.filed(id, d.id(), d.version());
    long resource = stored.stream().filter(r -> ResearchLabels.RESOURCE.equals(r.category())).count();
    execution.setVariable(REPORT_ID, d.id());
    execution.setVariable(REPORT_VERSION, d.version());
    execution.setVariable(REPORT_SUMMARY, "调研评估报告第 " + d.version() + " 版已归档（可点击任务上方“相关文档”打开）：优化建议 "
        + stored.size() + " 条，其中资源调整 " + resource + " 条；通过后资源调整建议转入下一次资源优化评审。");
    execution.setVariable(REVIEW_DUE, Date.from(clock.instant().plus(properties.reviewWithin())));
    notifier.toGroups(List.of(Groups.MANAGEMENT), "research-report", d.subjectRef(),
        "服务需求调研 " + d.subjectRef(), "请审阅调研评估报告",
        "服务需求调研（" + text(execution, TOPIC) + "）的调研评估报告（第 " + d.version() + " 版）已提交，请审阅。\n"
            + links.line(d),
        "调研期间：" + text(execution, PERIOD_FROM) + " 至 " + text(execution, PERIOD_TO));
  }
}
