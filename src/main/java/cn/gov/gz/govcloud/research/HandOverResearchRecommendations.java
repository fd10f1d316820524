package cn.gov.gz.govcloud.research;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.research.ResearchVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.research.ResearchService.Recommendation;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The accepted resource-adjustment recommendations feed the resource optimisation review: accepted, they are
 * published in the view {@code rv_research_recommendation}, which the next {@code optimization-review} reads into its
 * review task and its statistics report. This step tells the ops managers and management which ones go there.
 */
@Implements(value = "P3 5.4.1.2", what = "经管理方审阅通过的资源调整建议转入资源优化评审")
@Component("handOverResearchRecommendations")
public class HandOverResearchRecommendations extends ProcessStep {
  private final ResearchService research;
  private final CaseNotifier notifier;

  HandOverResearchRecommendations(ResearchService research, CaseNotifier notifier) {
    this.research = research;
    this.notifier = notifier;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = id(execution);
    String no = text(execution, RESEARCH_NO);
    Map<String, String> names = research.unitNames();
    List<Recommendation> resource = research.recommendations(id).stream()
        .filter(r -> ResearchLabels.RESOURCE.equals(r.category())).toList();
    String lines = resource.stream().map(r -> r.seq() + ". " + (r.unitCodes().isEmpty() ? "各使用单位"
            : r.unitCodes().stream().map(c -> names.getOrDefault(c, c)).collect(Collectors.joining("、")))
            + "：" + r.content())
        .collect(Collectors.joining("\n"));
    notifier.toGroups(List.of(Groups.OPS_MANAGER, Groups.MANAGEMENT), "research-hand-over", no,
        "服务需求调研 " + no, "资源调整建议已转资源优化评审",
        "调研评估报告已经管理方审阅通过，其中 " + resource.size() + " 条资源调整建议将列入下一次资源优化评审的审核任务和资源使用统计报告：\n"
            + lines,
        "调研主题：" + text(execution, TOPIC));
  }
}
