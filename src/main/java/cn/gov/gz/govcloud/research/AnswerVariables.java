package cn.gov.gz.govcloud.research;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.research.ResearchVariables.*;

import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.research.ResearchService.AnswerInput;
import cn.gov.gz.govcloud.research.ResearchService.DemandInput;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Reads a questionnaire or an interview record from the variables of the unit's branch. */
@Component
class AnswerVariables {
  private final JsonVariables json;

  AnswerVariables(JsonVariables json) {
    this.json = json;
  }

  AnswerInput read(DelegateExecution execution) {
    List<DemandInput> demands = json.read(execution, DEMANDS, new TypeReference<List<DemandInput>>() {});
    return new AnswerInput(text(execution, RESOURCE_ADEQUACY), execution.getVariable(SATISFACTION),
        text(execution, PROBLEMS), text(execution, SUGGESTIONS), demands == null ? List.of() : demands,
        text(execution, INTERVIEWEE));
  }
}
