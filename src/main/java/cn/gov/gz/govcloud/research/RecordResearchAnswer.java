package cn.gov.gz.govcloud.research;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.research.ResearchVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records a unit's questionnaire (Tasklist form or {@code POST /api/research/{no}/answers}): resource usage, satisfaction, problems, suggestions and the demands with their types (P6 7.5.1.1). */
@Component("recordResearchAnswer")
public class RecordResearchAnswer extends ProcessStep {
  private final ResearchService research;
  private final AnswerVariables answers;

  RecordResearchAnswer(ResearchService research, AnswerVariables answers) {
    this.research = research;
    this.answers = answers;
  }

  @Override
  protected void run(DelegateExecution execution) {
    research.answer(id(execution), text(execution, RESEARCH_UNIT), answers.read(execution), false, actor(execution));
  }
}
