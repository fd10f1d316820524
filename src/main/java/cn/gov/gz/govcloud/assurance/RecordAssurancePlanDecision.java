package cn.gov.gz.govcloud.assurance;

import static cn.gov.gz.govcloud.assurance.AssuranceVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Management approves the plan (P6 7.3.3.2) or returns it with a reason to the ops manager. Approved, the assurance
 * is published in {@code rv_assurance_active} for the other rooms, and the watchers learn their shifts.
 */
@Component("recordAssurancePlanDecision")
class RecordAssurancePlanDecision extends ProcessStep {
  private final AssuranceService assurances;
  private final AssuranceNotices notices;

  RecordAssurancePlanDecision(AssuranceService assurances, AssuranceNotices notices) {
    this.assurances = assurances;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = assuranceId(execution);
    String decision = text(execution, PLAN_DECISION);
    decision = decision == null ? null : decision.toUpperCase(Locale.ROOT);
    if (!"APPROVED".equals(decision) && !"RETURNED".equals(decision)) {
      throw ValidationException.of(PLAN_DECISION, "取值 APPROVED（批准）或 RETURNED（退回修改）");
    }
    String comment = text(execution, APPROVAL_COMMENT);
    boolean approved = "APPROVED".equals(decision);
    if (!approved && comment == null) {
      throw ValidationException.of(APPROVAL_COMMENT, "退回时请说明需要修改的内容");
    }
    assurances.planDecided(id, approved, comment, actor(execution));
    execution.setVariable(PLAN_APPROVED, approved);
    Assurance a = assurances.get(id);
    if (approved) {
      List<String> watchers = assurances.shifts(id).stream().flatMap(s -> s.watchers().stream()).distinct().toList();
      notices.send(a, watchers, List.of(Groups.OPS_MANAGER, Groups.SERVICE_DESK), "plan", false, "保障方案已批准",
          "重要保障方案已由管理方批准。保障期间涉及范围内业务系统的应急事件按方案缩短响应时限（系数 "
              + Assurance.factor(a.responseFactor()) + "），资源申请按加急办理（系数 " + Assurance.factor(a.applicationFactor())
              + "）。值守人员请按排班在班次开始后于任务中填写值守记录。");
    } else {
      notices.send(a, a.plannedBy() == null ? List.of() : List.of(a.plannedBy()), List.of(), "plan", false,
          "保障方案被退回", "管理方退回了保障方案，请修改后重新提交。\n退回意见：" + comment);
    }
  }
}
