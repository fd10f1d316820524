package cn.gov.gz.govcloud.resourceapplication;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.resourceapplication.ApplicationVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.resourceapplication.ResourceApplication.Status;
import cn.gov.gz.govcloud.web.ValidationException;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Records the technical review (input {@code decisionStage=REVIEW}) or the management approval
 * ({@code APPROVAL}): APPROVE, REJECT (reason required) or SEND_BACK to the unit (reason required), and tells the
 * unit (P6 7.2.2.3, 7.2.2.6).
 */
@Component("recordDecision")
class RecordDecision extends ProcessStep {

  static final Set<String> DECISIONS = Set.of("APPROVE", "REJECT", "SEND_BACK");

  private final ResourceApplicationService service;
  private final ApplicationClocks clocks;
  private final ApplicationNotices notices;

  RecordDecision(ResourceApplicationService service, ApplicationClocks clocks, ApplicationNotices notices) {
    this.service = service;
    this.clocks = clocks;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    boolean review = "REVIEW".equals(text(execution, DECISION_STAGE));
    String decisionVar = review ? REVIEW_DECISION : APPROVAL_DECISION;
    String commentVar = review ? REVIEW_COMMENT : APPROVAL_COMMENT;
    String decision = text(execution, decisionVar);
    String comment = text(execution, commentVar);
    if (decision == null || !DECISIONS.contains(decision)) {
      throw ValidationException.of(decisionVar, "请选择通过、不通过或退回");
    }
    if (!"APPROVE".equals(decision) && comment == null) {
      throw ValidationException.of(commentVar, "不通过或退回时请说明理由");
    }
    long id = applicationId(execution);
    ResourceApplication a = service.get(id);
    String who = review ? "技术审核" : "管理方审批";
    switch (decision) {
      case "APPROVE" -> {
        if (review) {
          service.decide(id, Status.IN_REVIEW, "REVIEWED", "技术审核同意" + (comment == null ? "" : "：" + comment),
              actor(execution));
          execution.setVariable(APPROVAL_DUE, clocks.approvalDue(a.urgency()));
        } else {
          service.decide(id, Status.APPROVED, "APPROVED", comment, actor(execution));
          execution.setVariable(DELIVERY_DUE, clocks.deliveryDue(a.urgency()));
          notices.toUnit(a, "approved", "审批通过", "您的资源申请已审批通过，服务方将尽快交付。");
        }
      }
      case "SEND_BACK" -> {
        service.decide(id, Status.NEEDS_CORRECTION, "SENT_BACK", who + "退回：" + comment, actor(execution));
        execution.setVariable(PROBLEMS_TEXT, who + "意见：" + comment);
        execution.setVariable(CORRECTION_DUE, clocks.correctionDue());
        execution.setVariable(CORRECTION_REMINDER_AT, clocks.correctionReminder());
        notices.toUnit(a, "sent-back", "请更正或补充申请", who + "退回了您的资源申请：\n\n" + comment);
      }
      default -> execution.setVariable(PROBLEMS_TEXT, who + "不予通过：" + comment);
    }
  }
}
