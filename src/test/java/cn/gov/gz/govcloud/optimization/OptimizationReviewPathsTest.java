package cn.gov.gz.govcloud.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.ledger.LedgerResource;
import cn.gov.gz.govcloud.support.Clause;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** processes/optimization-review.bpmn: a unit objects (management maintains, then withdraws); management rejects. */
class OptimizationReviewPathsTest extends OptimizationFixture {

  @Clause("P6 7.5.4.1")
  @Clause("P6 7.5.4.2")
  @Test
  void aUnitObjectsManagementMaintainsThenWithdraws() {
    String unit = newUnit();
    clock("2032-04-10T10:00:00");
    vm(unit + "-VM", unit, 16, 64, null);
    daily(unit + "-VM", LocalDate.parse("2032-05-01"), LocalDate.parse("2032-05-31"), 2, 4, 0, false);
    clock("2032-06-03T09:00:00");
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey("optimization-review",
        map("periodFrom", "2032-05-01", "periodTo", "2032-05-31"));
    long id = reviewId(pi);
    Candidate c = candidate(id, unit + "-VM");
    assertThat(c.action()).isEqualTo("SCALE_DOWN");
    acceptOnly(id, List.of(c.id()));

    Task confirm = task(pi, "Task_UnitConfirm");
    assertThatThrownBy(() -> complete(confirm, "unitDecision", "OBJECT"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("unitComment");
    complete(task(pi, "Task_UnitConfirm"), "unitDecision", "OBJECT", "unitComment", "月底有业务高峰，需保留现有规格");
    Task objection = task(pi, "Task_HandleObjection");
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(objection.getId())
        .taskCandidateGroup(Groups.MANAGEMENT).count()).isEqualTo(1);
    assertThat(candidate(id, unit + "-VM").unitStatus()).isEqualTo("OBJECTED");
    complete(objection, "objectionDecision", "MAINTAIN", "managementComment", "高峰期仅 3 天，请评估弹性扩容");

    Task again = task(pi, "Task_UnitConfirm");
    assertThat(processEngine.getTaskService().getVariable(again.getId(), "managementComment"))
        .isEqualTo("高峰期仅 3 天，请评估弹性扩容");
    complete(again, "unitDecision", "OBJECT", "unitComment", "弹性扩容尚未开通，仍需保留");
    complete(task(pi, "Task_HandleObjection"), "objectionDecision", "WITHDRAW", "managementComment", "同意保留，下期复核");

    assertThat(pi).isEnded();
    assertThat(pi).hasPassed("EndEvent_Withdrawn").hasNotPassed("Task_ExecuteActions");
    assertThat(candidate(id, unit + "-VM").unitStatus()).isEqualTo("WITHDRAWN");
    assertThat(inLedger(unit + "-VM").vcpu()).as("ledger unchanged").isEqualTo(16);
    assertThat(service.events(id, new Caller("x", List.of(Groups.unitGroup(unit))))).extracting(e -> e.get("kind"))
        .containsSubsequence("OBJECTED", "MAINTAINED", "OBJECTED", "WITHDRAWN")
        .allMatch(k -> true);
    assertThat(service.events(id, new Caller("x", List.of(Groups.unitGroup(unit)))))
        .allMatch(e -> unit.equals(e.get("unitCode")), "a unit sees only its own unit's events");
  }

  @Clause("P6 7.5.4.1")
  @Clause("P3 附录 C.1 第 19 项")
  @Test
  void rejectedCandidatesEndTheReviewWithoutTouchingTheLedger() {
    String unit = newUnit();
    clock("2033-04-10T10:00:00");
    vm(unit + "-OFF", unit, 4, 8, null);
    daily(unit + "-OFF", LocalDate.parse("2033-05-01"), LocalDate.parse("2033-05-31"), 0, 0, 0, true);
    clock("2033-06-02T09:00:00");
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey("optimization-review",
        map("periodFrom", "2033-05-01", "periodTo", "2033-05-31"));
    long id = reviewId(pi);
    Candidate off = candidate(id, unit + "-OFF");
    assertThat(off.action()).isEqualTo("REVOKE");
    assertThat(off.evidence()).contains("最长连续关机 31 天");
    assertThat(off.estimatedSaving()).isEqualByComparingTo("400.00"); // 4 × 60 + 8 × 20

    Task review = task(pi, "Task_ReviewCandidates");
    assertThatThrownBy(() -> complete(review, "bulkDecision", "PER_ROW", "candidates", "[]"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("bulkDecision");
    assertThatThrownBy(() -> complete(review, "bulkDecision", "REJECT_ALL", "candidates", "[]"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("reason");
    String row = "[{\"candidateId\":" + off.id() + ",\"decision\":\"REJECT\",\"decisionReason\":\"灾备机，按规定保持关机\"}]";
    complete(task(pi, "Task_ReviewCandidates"), "candidates", row, "bulkDecision", "REJECT_ALL",
        "reviewReason", "本期暂不调整");

    assertThat(pi).isEnded();
    assertThat(pi).hasPassed("ServiceTask_CloseReview").hasNotPassed("Task_UnitConfirm");
    Candidate rejected = candidate(id, unit + "-OFF");
    assertThat(rejected.decision()).isEqualTo("REJECTED");
    assertThat(rejected.decisionReason()).isEqualTo("灾备机，按规定保持关机");
    assertThat(inLedger(unit + "-OFF").state()).isNotEqualTo(LedgerResource.State.RELEASED);
    assertThat(service.get(id).status()).isEqualTo(Review.Status.CLOSED);
  }
}
