package cn.gov.gz.govcloud.assurance;

import static cn.gov.gz.govcloud.assurance.AssuranceVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Management confirms the summary report (P6 7.3.3.4), closing the assurance, or returns it to the ops manager with
 * what to add; the report is then generated again as its next version.
 */
@Component("recordAssuranceSummaryDecision")
class RecordAssuranceSummaryDecision extends ProcessStep {
  private final AssuranceService assurances;
  private final AssuranceNotices notices;

  RecordAssuranceSummaryDecision(AssuranceService assurances, AssuranceNotices notices) {
    this.assurances = assurances;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = assuranceId(execution);
    String decision = text(execution, SUMMARY_DECISION);
    decision = decision == null ? null : decision.toUpperCase(Locale.ROOT);
    if (!"CONFIRMED".equals(decision) && !"RETURNED".equals(decision)) {
      throw ValidationException.of(SUMMARY_DECISION, "取值 CONFIRMED（确认）或 RETURNED（退回补充）");
    }
    String comment = text(execution, CONFIRM_COMMENT);
    boolean confirmed = "CONFIRMED".equals(decision);
    if (!confirmed && comment == null) {
      throw ValidationException.of(CONFIRM_COMMENT, "退回时请说明需要补充的内容");
    }
    execution.setVariable(SUMMARY_CONFIRMED, confirmed);
    if (confirmed) {
      assurances.closed(id);
    } else {
      assurances.status(id, "SUMMARY");
      Assurance a = assurances.get(id);
      notices.send(a, a.summaryBy() == null ? List.of() : List.of(a.summaryBy()), List.of(), "summary", false,
          "保障总结被退回", "管理方退回了保障总结报告，请补充后重新提交。\n退回意见：" + comment);
    }
  }
}
