package cn.gov.gz.govcloud.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gov.gz.govcloud.support.MockedProcessTest;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * processes/service-report.bpmn on the in-memory engine, its two delegates mocked: the draft is generated, reviewed
 * by the ops manager and published; a draft that cannot be generated starts nothing.
 */
@Tag("process")
class ServiceReportFlowTest extends MockedProcessTest {

  @Override
  protected List<String> resources() {
    return List.of("service-report.bpmn", "service-report-start.form", "service-report-review.form");
  }

  @Test
  void theDraftIsGeneratedReviewedByTheOpsManagerAndPublished() {
    onDelegate("generateServiceReport", e -> e.setVariable(ServiceReportVariables.REPORT_ID, 42L));
    ProcessInstance pi = start("service-report", ServiceReportVariables.PERIOD_FROM, "2026-02-01",
        ServiceReportVariables.PERIOD_TO, "2026-02-28");
    assertThat(pi).isWaitingAt("Task_ReviewReport").hasPassed("ServiceTask_GenerateDraft")
        .hasNotPassed("ServiceTask_PublishReport");
    assertThat(pi).task().hasCandidateGroup("ops-manager");
    assertThat(pi).variables().containsEntry(ServiceReportVariables.REPORT_ID, 42L);

    complete(pi, "Task_ReviewReport", ServiceReportVariables.COMMENTARY, "本月服务平稳");
    assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_GenerateDraft", "Task_ReviewReport",
        "ServiceTask_PublishReport", "EndEvent_ReportPublished");
    assertThat(calls("generateServiceReport")).isEqualTo(1);
    assertThat(calls("publishServiceReport")).isEqualTo(1);
  }

  @Test
  void aDraftThatCannotBeGeneratedStartsNothing() {
    onDelegate("generateServiceReport", e -> {
      throw new BadUserRequestException("periodTo: 结束日期不能早于开始日期");
    });
    assertThatThrownBy(() -> start("service-report", ServiceReportVariables.PERIOD_FROM, "2026-03-01",
        ServiceReportVariables.PERIOD_TO, "2026-02-01")).isInstanceOf(BadUserRequestException.class);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("service-report").count())
        .isZero();
    assertThat(calls("publishServiceReport")).isZero();
  }
}
