package cn.gov.gz.govcloud.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.drill.ContingencyPlan;
import cn.gov.gz.govcloud.drill.PlanInput;
import cn.gov.gz.govcloud.drill.PlanService;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.ProcessTest;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The contingency plans in processes/emergency-response.bpmn with the real delegates and the drill room's
 * contingency-plan-revision.bpmn (issue 22 item 1): the plans that apply are started on classification and shown with
 * their steps, each action cites the step it follows, and the improvement step either records "no change" with the
 * reason or has the plan owner revise the plan, whose new version names the case.
 */
class EmergencyPlansProcessTest extends ProcessTest {

  @Autowired
  PlanService plans;

  @Autowired
  EmergencyService emergencies;

  @Autowired
  EmergencyPlans casePlans;

  @Autowired
  EmergencyView view;

  @Autowired
  JdbcClient jdbc;

  ContingencyPlan systemPlan;
  ContingencyPlan platformPlan;
  ContingencyPlan securityPlan;

  ContingencyPlan plan(String type, String system, String procedure) {
    return plans.create(new PlanInput("预案测试 " + System.nanoTime() % 100_000_000, type, system,
        "manager1", null, "测试范围", "测试风险评估", null, null, null, procedure, "按备份恢复", List.of(), null, null,
        null), "manager1");
  }

  @BeforeEach
  void plans() {
    systemPlan = plan("APPLICATION_DR", "WJW-HIS", "1. 接报与研判；2. 切换至灾备中心；3. 业务验证");
    platformPlan = plan("GENERAL", null, "启动应急领导小组\n通知使用单位");
    securityPlan = plan("SECURITY", "WJW-HIS", "1. 隔离受攻击主机；2. 取证");
  }

  ProcessInstance report(String category) {
    Map<String, Object> v = new HashMap<>();
    v.put("businessSystemCode", "WJW-HIS");
    v.put("category", category);
    v.put("description", "挂号服务不可用");
    v.put("source", "MONITORING");
    v.put("detectedAt", Date.from(now));
    return processEngine.getRuntimeService().startProcessInstanceByKey("emergency-response", v);
  }

  Emergency emergency(ProcessInstance pi) {
    return emergencies.findByProcessInstance(pi.getId()).orElseThrow();
  }

  Task task(String processInstanceId, String key) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).singleResult();
  }

  void complete(String processInstanceId, String key, Object... kv) {
    Task t = task(processInstanceId, key);
    assertThat(t).as(key).isNotNull();
    processEngine.getTaskService().complete(t.getId(), map(kv));
  }

  /** Responded, one action following step 2 of the system's plan, recovered and confirmed: at the improvement. */
  ProcessInstance handledCase() {
    ProcessInstance pi = report("INTERRUPTION");
    setClock(now.plus(Duration.ofMinutes(2)));
    complete(pi.getId(), "Task_RespondEmergency", "firstAssessment", "数据库主节点宕机");
    setClock(now.plus(Duration.ofMinutes(10)));
    complete(pi.getId(), "Task_HandleEmergency", "actionType", "RECOVER", "planStep", systemPlan.planNo() + "#2",
        "actionNote", "切换到灾备中心数据库", "handlingOutcome", "RECOVERED", "cause", "主节点磁盘故障", "result", "已恢复");
    complete(pi.getId(), "Task_VerifyRecovery", "verifyDecision", "CONFIRMED");
    assertThat(pi).isWaitingAt("Task_ImprovePlan");
    return pi;
  }

  @Clause("P6 7.4.2.3.3")
  @Clause("P3 5.3.2.5")
  @Test
  void thePlansThatApplyAreStartedShownWithTheirStepsAndEachActionCitesItsStep() {
    ProcessInstance pi = report("INTERRUPTION");
    Emergency e = emergency(pi);
    assertThat(pi).hasPassedInOrder("BusinessRuleTask_ApplicablePlanTypes", "ServiceTask_AttachContingencyPlans")
        .isWaitingAt("Task_RespondEmergency");
    List<EmergencyPlans.Plan> attached = casePlans.of(e.id());
    assertThat(attached).extracting(EmergencyPlans.Plan::planNo).contains(systemPlan.planNo(), platformPlan.planNo())
        .as("a security plan is not for an interruption").doesNotContain(securityPlan.planNo());
    EmergencyPlans.Plan mine = attached.stream().filter(p -> p.planNo().equals(systemPlan.planNo())).findFirst()
        .orElseThrow();
    assertThat(mine.version()).isEqualTo(1);
    assertThat(mine.steps()).containsExactly("接报与研判", "切换至灾备中心", "业务验证");
    assertThat(attached.stream().filter(p -> p.planNo().equals(platformPlan.planNo())).findFirst().orElseThrow()
        .steps()).as("lines are steps too").containsExactly("启动应急领导小组", "通知使用单位");
    assertThat(view.summary(e)).contains("启动的应急预案", systemPlan.title(), "2. 切换至灾备中心");
    assertThat(emergencies.events(e.id())).anyMatch(ev -> ev.kind().equals("PLAN_START")
        && ev.text().contains(systemPlan.planNo()));
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "planStepOptions").toString())
        .contains(systemPlan.planNo() + "#2", "NONE");

    setClock(now.plus(Duration.ofMinutes(2)));
    complete(pi.getId(), "Task_RespondEmergency", "firstAssessment", "数据库主节点宕机");
    assertThatThrownBy(() -> complete(pi.getId(), "Task_HandleEmergency", "planStep", systemPlan.planNo() + "#9",
        "actionNote", "重启", "handlingOutcome", "IN_PROGRESS"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("planStep");
    complete(pi.getId(), "Task_HandleEmergency", "actionType", "ASSESS", "planStep", systemPlan.planNo() + "#1",
        "actionNote", "确认主节点磁盘故障", "handlingOutcome", "IN_PROGRESS");
    complete(pi.getId(), "Task_HandleEmergency", "actionType", "OTHER", "planStep", "NONE",
        "actionNote", "通知厂商到场", "handlingOutcome", "IN_PROGRESS");
    assertThat(emergencies.events(e.id())).filteredOn(ev -> ev.kind().equals("ACTION"))
        .extracting(EmergencyEvent::text)
        .containsExactly("【研判】【依据预案 " + systemPlan.planNo() + " 第 1 步：接报与研判】确认主节点磁盘故障",
            "【其他】通知厂商到场");
    assertThat(jdbc.sql("SELECT plan_no, plan_step FROM emergency_event WHERE emergency_id = ? AND kind = 'ACTION' "
        + "ORDER BY id").param(e.id()).query((rs, i) -> rs.getString(1) + "#" + rs.getObject(2)).list())
        .containsExactly(systemPlan.planNo() + "#1", "null#null");
  }

  @Clause("P6 7.4.2.3.7")
  @Test
  void anImprovementWithoutChangeRecordsTheReasonAndLeavesThePlanAsItWas() {
    ProcessInstance pi = handledCase();
    assertThatThrownBy(() -> complete(pi.getId(), "Task_ImprovePlan", "planChanges", "无"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("planDecision");
    assertThatThrownBy(() -> complete(pi.getId(), "Task_ImprovePlan", "planDecision", "REVISE", "planRef", "YA-NONE",
        "planChanges", "改")).isInstanceOf(BadUserRequestException.class).hasMessageContaining("planRef");
    setClock(now.plus(Duration.ofDays(1)));
    complete(pi.getId(), "Task_ImprovePlan", "planDecision", "NO_CHANGE", "planChanges", "切换步骤有效，处置按时");
    assertThat(pi).isEnded().hasPassed("Gateway_PlanDecision", "EndEvent_EmergencyClosed")
        .hasNotPassed("CallActivity_RevisePlan");
    assertThat(emergency(pi).improvement()).isEqualTo("无需修订，理由：切换步骤有效，处置按时");
    assertThat(plans.get(systemPlan.planNo()).currentVersion()).isEqualTo(1);
  }

  @Clause("P6 7.4.2.3.7")
  @Clause("P6 7.4.2.1.3")
  @Clause("P3 5.3.2.2")
  @Test
  void anImprovementThatRevisesAPlanHasTheOwnerReviseItAndTheNewVersionNamesTheCase() {
    ProcessInstance pi = handledCase();
    Emergency e = emergency(pi);
    setClock(now.plus(Duration.ofDays(1)));
    complete(pi.getId(), "Task_ImprovePlan", "planDecision", "REVISE", "planRef", systemPlan.planNo(),
        "planChanges", "切换前先校验灾备库数据一致性");
    assertThat(pi).isWaitingAt("CallActivity_RevisePlan");
    ProcessInstance revision = processEngine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(pi.getId()).singleResult();
    assertThat(revision).isWaitingAt("Task_RevisePlanContent");
    Task revise = task(revision.getId(), "Task_RevisePlanContent");
    assertThat(revise.getAssignee()).isEqualTo("manager1");
    Map<String, Object> shown = processEngine.getRuntimeService().getVariables(revision.getId());
    assertThat(shown.get("responseProcedure")).isEqualTo("1. 接报与研判；2. 切换至灾备中心；3. 业务验证");
    assertThat((String) shown.get("changeReason")).contains(e.emergencyNo(), "切换前先校验灾备库数据一致性");
    assertThat((String) shown.get("planSummary")).contains(systemPlan.title(), "现行第 1 版");

    setClock(now.plus(Duration.ofDays(2)));
    complete(revision.getId(), "Task_RevisePlanContent", "responseProcedure",
        "1. 接报与研判；2. 校验灾备库数据一致性；3. 切换至灾备中心；4. 业务验证", "changeReason", "切换前增加数据一致性校验");
    assertThat(revision).isEnded().hasPassed("ServiceTask_RecordPlanVersion", "EndEvent_PlanRevised");
    assertThat(pi).isEnded().hasPassedInOrder("CallActivity_RevisePlan", "ServiceTask_RecordPlanRevised",
        "EndEvent_EmergencyClosedPlanRevised");

    ContingencyPlan after = plans.get(systemPlan.planNo());
    assertThat(after.currentVersion()).isEqualTo(2);
    ContingencyPlan.Version v2 = plans.currentVersion(after.id());
    assertThat(v2.emergencyNo()).isEqualTo(e.emergencyNo());
    assertThat(v2.changeReason()).contains(e.emergencyNo(), "数据一致性校验");
    assertThat(v2.responseProcedure()).contains("校验灾备库数据一致性");
    assertThat(emergency(pi).improvement()).contains("启动修订", "预案已修订为第 2 版");
    assertThat(emergencies.events(e.id())).anyMatch(ev -> ev.kind().equals("PLAN") && ev.text().contains("第 2 版"));
  }
}
