package cn.gov.gz.govcloud.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.gov.gz.govcloud.web.ValidationException;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Choices submitted by forms and integrations are read leniently and refused by name when invalid (no engine). */
@Tag("unit")
class WorkOrderVariablesTest {

  static VariableScope scope(Map<String, Object> v) {
    VariableScope s = mock(VariableScope.class);
    when(s.getVariable(anyString())).thenAnswer(i -> v.get(i.<String>getArgument(0)));
    return s;
  }

  @Test
  void anEnumChoiceIsCaseInsensitiveBlankMeansTheDefaultAndAnythingElseIsRefusedByName() {
    assertThat(WorkOrderVariables.enumValue(WorkOrderType.class, scope(Map.of("type", " fault ")), "type", null))
        .isEqualTo(WorkOrderType.FAULT);
    assertThat(WorkOrderVariables.enumValue(WorkOrder.Priority.class, scope(Map.of("priority", "")), "priority",
        WorkOrder.Priority.MEDIUM)).isEqualTo(WorkOrder.Priority.MEDIUM);
    assertThat(WorkOrderVariables.enumValue(WorkOrder.Priority.class, scope(Map.of()), "priority", null)).isNull();
    assertThatThrownBy(() -> WorkOrderVariables.enumValue(WorkOrder.Channel.class,
        scope(Map.of("channel", "FAX")), "channel", null)).isInstanceOf(ValidationException.class)
        .hasMessage("channel: 取值无效: FAX");
  }
}
