package cn.gov.gz.govcloud.research;

import static cn.gov.gz.govcloud.research.ResearchVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Every unit answered, was interviewed or is 未答复: the answers are summed up for the provider's analysis. */
@Component("tallyDemandResearch")
public class TallyDemandResearch extends ProcessStep {
  private final ResearchService research;
  private final DemandResearchReport report;
  private final ResearchProperties properties;
  private final Clock clock;

  TallyDemandResearch(ResearchService research, DemandResearchReport report, ResearchProperties properties,
      Clock clock) {
    this.research = research;
    this.report = report;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = id(execution);
    research.setStatus(id, ResearchLabels.ANALYSING);
    execution.setVariable(RESEARCH_SUMMARY, report.summary(id));
    execution.setVariable(ANALYSIS_DUE, Date.from(clock.instant().plus(properties.analysisWithin())));
  }
}
