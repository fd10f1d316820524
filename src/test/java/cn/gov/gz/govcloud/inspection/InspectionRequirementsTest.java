package cn.gov.gz.govcloud.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.support.Clause;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * processes/inspection.bpmn from the plan to the start of the checks: management confirms the inspection requirements
 * (P6 7.2.3.1.1, 7.2.3.2.1) — scope, completion time, the checklist and the checklist changes pending — or returns
 * the plan to the ops manager with a reason. Nothing is inspected before the confirmation.
 */
class InspectionRequirementsTest extends InspectionTestSupport {

  @Autowired
  People people;

  @Clause("P6 7.2.3.1.1")
  @Clause("P6 7.2.3.2.1")
  @Clause("P6 7.2.3.1.2")
  @Test
  void managementReturnsThePlanThenConfirmsTheRequirementsWithThePendingChecklistChange() throws Exception {
    var proposed = post("manager1", "/api/inspections/checklist-items", map("areaKind", "RESOURCE", "category", "存储",
        "item", "快照保留", "content", "检查存储快照是否按策略保留", "clause", "本地补充"));
    assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    long change = json.readTree(proposed.getBody()).get("id").asLong();
    Long added = null;
    try {
      setClock(china("2031-12-01T10:00:00"));
      ProcessInstance pi = start("inspectionKind", "SPECIAL", "scopeCategories", "存储", "reason", "年底存储专项检查");
      draft(pi, "2031-12-15");
      // the plan goes to management, nothing is inspected yet
      assertThat(pi).isWaitingAt("Task_ConfirmRequirements").hasNotPassed("ServiceTask_LedgerCheck");
      assertThat(inspection(pi).status()).isEqualTo(Inspection.Status.PLANNING);
      Task confirm = task(pi, "Task_ConfirmRequirements");
      String summary = processEngine.getTaskService().getVariable(confirm.getId(), "requirementsSummary").toString();
      assertThat(summary).contains(inspection(pi).inspectionNo(), "巡检区域：存储", "2031-12-15 23:59",
          "云资源 " + people.name("operator1"), "巡检项：云资源（附录 A.1） 存储 3 项", "变更 " + change + "：新增", "快照保留")
          .as("only the items of the areas in scope").doesNotContain("机房（附录 A.2）", "虚拟机");

      // a return needs a reason; the ops manager sees it in the plan task
      assertThatThrownBy(() -> confirmAs("mgmt1", pi, "requirementsDecision", "RETURN"))
          .isInstanceOf(BadUserRequestException.class).hasMessageContaining("requirementsComment");
      confirmAs("mgmt1", pi, "requirementsDecision", "RETURN", "requirementsComment", "完成时间提前到 12 月 10 日");
      assertThat(pi).isWaitingAt("Task_PlanInspection").hasPassed("Gateway_RequirementsConfirmed");
      Task again = task(pi, "Task_PlanInspection");
      assertThat(processEngine.getTaskService().getVariable(again.getId(), "requirementsComment"))
          .isEqualTo("完成时间提前到 12 月 10 日");
      assertThat(tasks(pi, "Task_ResourceChecklist")).isEmpty();
      assertThat(changes(change)).as("still pending").isEqualTo("PENDING");

      draft(pi, "2031-12-10");
      confirmAs("mgmt1", pi, "requirementsDecision", "CONFIRM", "requirementsComment", "同意");
      // confirmed: the listed change took effect and the checklist of this inspection has it
      assertThat(changes(change)).isEqualTo("CONFIRMED");
      added = jdbc.sql("SELECT item_id FROM inspection_checklist_change WHERE id = ?").param(change)
          .query(Long.class).single();
      Inspection started = inspection(pi);
      assertThat(started.status()).isEqualTo(Inspection.Status.IN_PROGRESS);
      assertThat(started.requirementsBy()).isEqualTo("mgmt1");
      assertThat(started.requirementsAt()).isEqualTo(china("2031-12-01T10:00:00"));
      assertThat(started.dueAt()).isEqualTo(china("2031-12-11T00:00:00").minusSeconds(1));
      Task checklist = task(pi, "Task_ResourceChecklist");
      assertThat(filled(checklist, Map.of())).extracting(m -> m.get("item")).contains("快照保留").hasSize(4);
      submitChecklist(checklist, Map.of());
      writeReport(pi);
      assertThat(pi).isEnded();
      assertThat(reportText(inspection(pi))).contains("巡检要求确认", "2031-12-01 10:00 确认");
    } finally {
      jdbc.sql("UPDATE inspection_checklist_change SET status = 'REJECTED' WHERE status = 'PENDING'").update();
      if (added != null) {
        jdbc.sql("UPDATE inspection_checklist_item SET active = FALSE WHERE id = ?").param(added).update();
      }
    }
  }

  private String changes(long id) {
    return jdbc.sql("SELECT status FROM inspection_checklist_change WHERE id = ?").param(id).query(String.class)
        .single();
  }
}
