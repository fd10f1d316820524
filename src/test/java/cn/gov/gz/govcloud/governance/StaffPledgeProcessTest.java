package cn.gov.gz.govcloud.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.support.Clause;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The roster and staff-pledge with the real delegates over REST: joining and leaving (rights, bad input refused
 * naming the field and storing nothing), the pledge task with its due time and reminder, the signing day recorded.
 * Times in May 2039, which no other test uses.
 */
class StaffPledgeProcessTest extends GovernanceTestSupport {

  @Autowired StaffService staff;

  @Clause("P6 7.4.1.3")
  @Clause("P3 附录 D.1 第 4 项")
  @Test
  void joiningAndLeavingEachAskForAPledgeRecordedWithItsDay() throws Exception {
    setClock(china("2039-05-06T10:00:00"));
    long staffBefore = count("ops_staff");
    long pledgesBefore = count("staff_pledge");
    assertThat(post("engineer1", "/api/staff", map("name", "张三", "post", "运维工程师", "joinedOn", "2039-05-06"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> bad = post("manager1", "/api/staff", map("name", "张三", "post", "运维工程师",
        "joinedOn", "明天"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("joinedOn");
    assertThat(count("ops_staff")).isEqualTo(staffBefore);
    assertThat(count("staff_pledge")).isEqualTo(pledgesBefore);

    ResponseEntity<String> ok = post("manager1", "/api/staff", map("name", "张三", "userId", "zhangsan",
        "post", "运维工程师", "joinedOn", "2039-05-06"));
    assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode joined = read(ok);
    long id = joined.at("/staff/id").asLong();
    String pid = joined.get("processInstanceId").asText();
    assertThat(joined.get("pledgeNo").asText()).startsWith("BM20390506-");
    ProcessInstance pi = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid)
        .singleResult();
    assertThat(pi).isWaitingAt("Task_SignPledge");
    assertThat(task(pid, "Task_SignPledge").getName()).contains("张三", "入职");
    assertThat(task(pid, "Task_SignPledge").getDueDate().toInstant()).isEqualTo(china("2039-05-09T10:00:00"));

    fire(pi, "Timer_PledgeReminder");
    assertThat(staff.pledges(id)).singleElement().satisfies(p -> assertThat(p.reminders()).isEqualTo(1));
    assertThatThrownBy(() -> completeAs("manager1", Groups.OPS_MANAGER, pid, "Task_SignPledge", "signedOn",
        "2039-06-01")).isInstanceOf(BadUserRequestException.class).hasMessageContaining("signedOn");
    completeAs("manager1", Groups.OPS_MANAGER, pid, "Task_SignPledge", "signedOn", "2039-05-09", "pledgeNote",
        "协议 2039 版");
    assertThat(pi).isEnded().hasPassed("EndEvent_PledgeSigned");
    assertThat(staff.pledges(id)).singleElement().satisfies(p -> {
      assertThat(p.status()).isEqualTo("SIGNED");
      assertThat(p.signedOn()).hasToString("2039-05-09");
      assertThat(p.recordedBy()).isEqualTo("manager1");
    });

    String leave = "/api/staff/" + id + "/leave";
    ResponseEntity<String> early = post("manager1", leave, map("leftOn", "2039-04-01"));
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(early.getBody()).contains("leftOn");
    ResponseEntity<String> left = post("manager1", leave, map("leftOn", "2039-06-30"));
    assertThat(left.getStatusCode()).as(left.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(read(left).at("/staff/status").asText()).isEqualTo("LEFT");
    String leavePid = read(left).get("processInstanceId").asText();
    assertThat(task(leavePid, "Task_SignPledge").getName()).contains("离职");
    assertThat(task(leavePid, "Task_SignPledge").getDueDate().toInstant()).isEqualTo(china("2039-07-03T09:00:00"));
    assertThat(post("manager1", leave, map("leftOn", "2039-07-01")).getStatusCode()).as("left already")
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post("manager1", "/api/staff/99999999/leave", map("leftOn", "2039-07-01")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    assertThat(get("jtj1", "/api/staff").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("engineer1", "/api/staff/register", map()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> register = post("mgmt1", "/api/staff/register", map());
    assertThat(register.getStatusCode()).as(register.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(read(register).get("kind").asText()).isEqualTo(StaffRegister.KIND);
    JsonNode roster = read(get("supervisor1", "/api/staff?status=LEFT"));
    JsonNode entry = null;
    for (JsonNode e : roster) {
      if (e.at("/staff/id").asLong() == id) {
        entry = e;
      }
    }
    assertThat(entry).isNotNull();
    assertThat(entry.get("pledges").findValuesAsText("kind")).containsExactly("JOIN", "LEAVE");
    assertThat(entry.get("pledges").findValuesAsText("status")).containsExactly("SIGNED", "PENDING");
  }
}
