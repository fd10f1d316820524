package cn.gov.gz.govcloud.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The inspection cycles of the service levels (GB/T 34077.3 5.3.6, output inspectionCycle of service-level-targets)
 * through processes/inspection-level-schedule.bpmn: the weekly check starts a special inspection of the cloud resources of
 * the units whose systems are level 1 every week, and of level 2 in the first week of the month; levels 3–4 are left
 * to the quarterly full inspection. Demo systems: JTJ-TOCC level 1 (unit JTJ), WJW-HIS level 2 (unit WJW).
 */
class InspectionLevelCycleTest extends InspectionTestSupport {

  private final List<String> schedules = new java.util.ArrayList<>();

  ProcessInstance levelCheckOn(String chinaTime) {
    setClock(china(chinaTime));
    Job timer = processEngine.getManagementService().createJobQuery().processDefinitionKey("inspection-level-schedule")
        .activityId("StartEvent_LevelCycle").timers().singleResult();
    assertThat(timer).as("the level schedule's timer").isNotNull();
    processEngine.getManagementService().executeJob(timer.getId());
    ProcessInstance schedule = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("inspection-level-schedule").orderByProcessInstanceId().desc().list().stream()
        .filter(p -> !schedules.contains(p.getId())).findFirst().orElse(null);
    if (schedule != null) {
      schedules.add(schedule.getId());
    }
    return schedule;
  }

  ProcessInstance calledInspection(ProcessInstance schedule) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(schedule.getId())
        .singleResult();
  }

  @AfterEach
  void deleteSchedules() {
    for (String id : schedules) {
      if (processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        processEngine.getRuntimeService().deleteProcessInstance(id, "test clean-up");
      }
    }
  }

  @Clause("GB 5.3.6")
  @Test
  void theFirstWeekOfAMonthInspectsLevelOneAndTwoSystemsUnitsTheNextWeekLevelOneOnly() {
    ProcessInstance first = levelCheckOn("2033-03-07T09:00:01"); // Monday of the month's first week
    assertThat(first).isWaitingAt("CallActivity_LevelInspection");
    Inspection special = inspection(calledInspection(first));
    assertThat(special.kind()).isEqualTo(Inspection.Kind.SPECIAL);
    assertThat(special.scope().units()).containsExactly("JTJ", "WJW");
    assertThat(special.scope().rooms()).as("cloud resources only").isEmpty();
    assertThat(special.reason()).contains("一级（周期 每周）").contains("二级（周期 每月）").contains("GB/T 34077.3 5.3.6");
    assertThat(calledInspection(first)).as("planned like any inspection, then confirmed by management")
        .isWaitingAt("Task_PlanInspection");

    ProcessInstance second = levelCheckOn("2033-03-14T09:00:01");
    Inspection weekly = inspection(calledInspection(second));
    assertThat(weekly.scope().units()).as("level 1 only: JTJ-TOCC").containsExactly("JTJ");
    Job next = processEngine.getManagementService().createJobQuery().processDefinitionKey("inspection-level-schedule")
        .activityId("StartEvent_LevelCycle").timers().singleResult();
    assertThat(next.getDuedate().toInstant()).as("next Monday 09:00 Beijing time")
        .isEqualTo(china("2033-03-21T09:00:00"));
  }

  @Clause("GB 5.3.6")
  @Test
  void cyclesOfAQuarterOrLongerAreLeftToTheQuarterlyFullInspection() {
    LocalDate firstWeek = LocalDate.parse("2033-04-04");
    assertThat(DueLevelInspections.isDue(Period.ofWeeks(1), firstWeek.plusDays(14))).isTrue();
    assertThat(DueLevelInspections.isDue(Period.ofMonths(1), firstWeek)).isTrue();
    assertThat(DueLevelInspections.isDue(Period.ofMonths(1), firstWeek.plusDays(7))).isFalse();
    assertThat(DueLevelInspections.isDue(Period.ofMonths(3), firstWeek)).as("P3 5.1.3.2 quarterly full").isFalse();
    assertThat(DueLevelInspections.isDue(Period.ofMonths(6), firstWeek)).isFalse();
  }
}
