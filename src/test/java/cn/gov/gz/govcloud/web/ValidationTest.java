package cn.gov.gz.govcloud.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/**
 * Bad input named field by field (no application): {@link ValidationException}, the paging parameters every list
 * takes, and how a delegate's bad input becomes the 400 that Tasklist and the REST API show.
 */
@Tag("unit")
class ValidationTest {

  @Test
  void theMessageNamesTheFirstFieldAndEveryErrorIsKept() {
    ValidationException e = new ValidationException(List.of(new FieldError(0, "date", "日期无效"),
        new FieldError(3, "name", "不能为空")));
    assertThat(e).hasMessage("date: 日期无效");
    assertThat(e.errors()).extracting(FieldError::row).containsExactly(0, 3);
    assertThat(new ValidationException(List.of())).hasMessage("输入有误");
    assertThat(ValidationException.of("to", "结束日期不能早于开始日期").errors())
        .containsExactly(new FieldError(null, "to", "结束日期不能早于开始日期"));
  }

  @Test
  void pagingDefaultsAndLimits() {
    assertThat(Paging.of(null, null)).isEqualTo(new Paging(0, Paging.DEFAULT_SIZE));
    assertThat(Paging.of(3, 20).offset()).isEqualTo(60);
    assertThat(Paging.of(Paging.MAX_PAGE, Paging.MAX_SIZE).offset()).isEqualTo(20_000_000L);
    assertThatThrownBy(() -> Paging.of(-1, null)).isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).field()).isEqualTo("page"));
    assertThatThrownBy(() -> Paging.of(Paging.MAX_PAGE + 1, null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Paging.of(null, 0)).isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).field()).isEqualTo("size"));
    assertThatThrownBy(() -> Paging.of(null, Paging.MAX_SIZE + 1)).isInstanceOf(ValidationException.class);
  }

  @Test
  void aDelegatesBadInputBecomesABadUserRequestNamingRowAndField() {
    ProcessStep step = new ProcessStep() {
      @Override
      protected void run(DelegateExecution execution) {
        throw new ValidationException(List.of(new FieldError(null, "reviewDecision", "请选择"),
            new FieldError(1, "cpu", "须为正整数")));
      }
    };
    assertThatThrownBy(() -> step.execute(Mockito.mock(DelegateExecution.class)))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("reviewDecision: 请选择; 第 2 行 cpu: 须为正整数");

    ProcessStep malformed = new ProcessStep() {
      @Override
      protected void run(DelegateExecution execution) {
        throw new IllegalArgumentException("JSON 格式有误");
      }
    };
    assertThatThrownBy(() -> malformed.execute(Mockito.mock(DelegateExecution.class)))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("JSON 格式有误");
  }
}
