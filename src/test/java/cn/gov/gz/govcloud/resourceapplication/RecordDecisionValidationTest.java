package cn.gov.gz.govcloud.resourceapplication;

import static cn.gov.gz.govcloud.resourceapplication.ApplicationVariables.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A review or approval decision is checked before anything is written (no application, no engine). */
@Tag("unit")
class RecordDecisionValidationTest {

  final ResourceApplicationService service = mock(ResourceApplicationService.class);
  final RecordDecision step = new RecordDecision(service, mock(ApplicationClocks.class),
      mock(ApplicationNotices.class));

  DelegateExecution execution(Object... kv) {
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      v.put((String) kv[i], kv[i + 1]);
    }
    DelegateExecution e = mock(DelegateExecution.class);
    when(e.getVariable(anyString())).thenAnswer(i -> v.get(i.<String>getArgument(0)));
    return e;
  }

  @Test
  void aDecisionMustBeOneOfTheThree() {
    assertThatThrownBy(() -> step.execute(execution(DECISION_STAGE, "REVIEW")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining(REVIEW_DECISION + ": 请选择通过、不通过或退回");
    assertThatThrownBy(() -> step.execute(execution(DECISION_STAGE, "APPROVAL", APPROVAL_DECISION, "MAYBE")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining(APPROVAL_DECISION + ": ");
    verifyNoInteractions(service);
  }

  @Test
  void aRejectionOrSendBackNeedsAReason() {
    assertThatThrownBy(() -> step.execute(execution(DECISION_STAGE, "REVIEW", REVIEW_DECISION, "REJECT",
        REVIEW_COMMENT, "  "))).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(REVIEW_COMMENT + ": 不通过或退回时请说明理由");
    assertThatThrownBy(() -> step.execute(execution(DECISION_STAGE, "APPROVAL", APPROVAL_DECISION, "SEND_BACK")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining(APPROVAL_COMMENT + ": ");
    verifyNoInteractions(service);
  }
}
