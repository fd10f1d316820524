package cn.gov.gz.govcloud.research;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.research.ResearchVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The due date passed without a questionnaire: the unit is recorded as 未答复 and its task closed. */
@Component("recordResearchNoReply")
public class RecordResearchNoReply extends ProcessStep {
  private final ResearchService research;

  RecordResearchNoReply(ResearchService research) {
    this.research = research;
  }

  @Override
  protected void run(DelegateExecution execution) {
    research.noReply(id(execution), text(execution, RESEARCH_UNIT));
  }
}
