package cn.gov.gz.govcloud.research;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.research.ResearchVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records the provider's interview of a unit (P6 7.5.1.1 访谈): who was interviewed and the same items as the questionnaire. */
@Component("recordResearchInterview")
public class RecordResearchInterview extends ProcessStep {
  private final ResearchService research;
  private final AnswerVariables answers;

  RecordResearchInterview(ResearchService research, AnswerVariables answers) {
    this.research = research;
    this.answers = answers;
  }

  @Override
  protected void run(DelegateExecution execution) {
    research.answer(id(execution), text(execution, RESEARCH_UNIT), answers.read(execution), true, actor(execution));
  }
}
