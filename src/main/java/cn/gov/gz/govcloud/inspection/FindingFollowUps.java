package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.inspection.InspectionVariables.findingId;

import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.inspection.InspectionFindings.Finding;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The hand-over of findings to work orders through the engine (P6 7.2.3.1.4, 7.2.3.2.5; P3 5.1.3.5): the inspection
 * model's call activity {@code work-order} runs once per finding handed over
 * ({@code ${findingFollowUps.findingIds(inspectionId)}}), with the finding number as business key
 * ({@code ${findingFollowUps.findingNo(findingId)}}), so Cockpit shows each order as called by its inspection. As the
 * call's variable mapping ({@code camunda:variableMappingDelegateExpression="${findingFollowUps}"}) it gives the work
 * order its intake (a severe finding is a high-priority order; the service desk turns it into an emergency from the
 * work order when a business system is hit) and, when the order has ended, closes the finding with the order's number.
 * An order that did not end (cancelled) closes nothing: the finding is handed over again. Public: the engine's
 * expression language calls methods of public classes only.
 */
@Component("findingFollowUps")
public class FindingFollowUps implements DelegateVariableMapping {

  // the start variables of work-order, its public contract (processes/work-order.bpmn and its start form); this room
  // does not import the work order room's classes
  static final String UNIT_CODE = "unitCode";
  static final String TYPE = "type";
  static final String PRIORITY = "priority";
  static final String CHANNEL = "channel";
  static final String SOURCE_REF = "sourceRef";
  static final String TITLE = "title";
  static final String DESCRIPTION = "description";
  static final String WORK_ORDER_NO = "workOrderNo";

  private final InspectionFindings findings;
  private final Clock clock;

  FindingFollowUps(InspectionFindings findings, Clock clock) {
    this.findings = findings;
    this.clock = clock;
  }

  /** The findings handed to work orders: one call of work-order each. */
  public List<Long> findingIds(Object inspectionId) {
    return findings.following(((Number) inspectionId).longValue());
  }

  /** The business key of the finding's work order. */
  public String findingNo(Object findingId) {
    return findings.finding(((Number) findingId).longValue()).findingNo();
  }

  @Override
  public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
    Finding f = findings.finding(findingId(superExecution));
    subVariables.putValue(UNIT_CODE, f.unitCode());
    subVariables.putValue(TYPE, "FINDING");
    subVariables.putValue(PRIORITY, "SEVERE".equals(f.severity()) ? "HIGH" : "MEDIUM");
    subVariables.putValue(CHANNEL, "INSPECTION");
    subVariables.putValue(SOURCE_REF, f.findingNo());
    subVariables.putValue(TITLE, "巡检问题 " + f.findingNo() + "：" + f.title());
    subVariables.putValue(DESCRIPTION, f.description());
  }

  @Override
  public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
    Object no = subInstance.getVariable(WORK_ORDER_NO);
    String instanceId = subInstance instanceof DelegateExecution sub ? sub.getProcessInstanceId() : null;
    findings.closeFinding(findingId(superExecution), instanceId, no == null ? null : no.toString(),
        "工单 " + (no == null ? instanceId : no) + " 已于 " + CityTime.minute(clock.instant()) + " 办结");
  }
}
