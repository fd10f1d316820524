package cn.gov.gz.govcloud.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.support.Clause;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * training with its real delegates over REST: the request (rights, bad input refused naming the field and starting
 * nothing), management's confirmation, the plan, the session at its time, the attendees' feedback over REST (scores
 * checked, once per person, staff only, closed with the collection), the reminder, the summary and the training record
 * archived with its version. Times in 2039, which no other test uses.
 */
class TrainingProcessTest extends GovernanceTestSupport {

  @Autowired TrainingService trainings;
  @Autowired ReportArchive archive;

  @Clause("P6 7.6.3.1")
  @Clause("P6 7.6.3.2")
  @Clause("P6 7.6.3.3")
  @Clause("P6 7.6.3.4")
  @Clause("P6 7.6.3.5")
  @Clause("P6 7.6.3.6")
  @Clause("P3 附录 D.1 第 7 项")
  @Test
  void aTrainingRunsFromTheNeedToItsArchivedRecordOverRest() throws Exception {
    setClock(china("2039-03-02T09:00:00"));
    long before = count("training");
    assertThat(post("jtj1", "/api/trainings", map("topic", "x", "form", "ONLINE", "goal", "g", "audience", "a"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> bad = post("manager1", "/api/trainings", map("topic", "安全规范宣贯", "form", "VR",
        "goal", "理解规范", "audience", "全体运维人员"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("trainingForm");
    assertThat(count("training")).as("nothing started").isEqualTo(before);

    ResponseEntity<String> ok = post("manager1", "/api/trainings", map("topic", "政务云安全管理规范宣贯",
        "form", "OFFLINE", "goal", "全体运维人员理解安全管理规范的要求", "audience", "全体运维人员"));
    assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.CREATED);
    String no = read(ok).get("trainingNo").asText();
    String pid = read(ok).get("processInstanceId").asText();
    assertThat(no).startsWith("PX20390302-");
    ProcessInstance pi = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid)
        .singleResult();
    assertThat(pi).isWaitingAt("Task_ConfirmNeed");
    assertThat(task(pid, "Task_ConfirmNeed").getName()).contains(no);

    assertThatThrownBy(() -> completeAs("mgmt1", Groups.MANAGEMENT, pid, "Task_ConfirmNeed", "needDecision",
        "RETURNED")).isInstanceOf(BadUserRequestException.class).hasMessageContaining("needComment");
    completeAs("mgmt1", Groups.MANAGEMENT, pid, "Task_ConfirmNeed", "needDecision", "CONFIRMED", "needComment",
        "同意，3 月中旬前完成");
    assertThatThrownBy(() -> completeAs("manager1", Groups.OPS_MANAGER, pid, "Task_WritePlan", "trainingContent",
        "规范条款解读", "trainingMethod", "集中授课", "lecturer", "安全主管王工", "sessionAt", "下周",
        "trainingPlace", "三楼会议室", "attendees", "工程师赵工、操作员陈工")).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("sessionAt");
    completeAs("manager1", Groups.OPS_MANAGER, pid, "Task_WritePlan", "trainingContent", "规范条款解读与案例",
        "trainingMethod", "集中授课与实操演示", "lecturer", "安全主管王工", "sessionAt", "2039-03-10T14:30+08:00",
        "trainingPlace", "三楼会议室", "attendees", "工程师赵工、操作员陈工");
    assertThat(job(pi, "Timer_WaitForSession").getDuedate().toInstant()).isEqualTo(china("2039-03-10T14:30:00"));
    fire(pi, "Timer_WaitForSession");
    completeAs("manager1", Groups.OPS_MANAGER, pid, "Task_RecordSession", "attendanceCount", 2L,
        "attendanceList", "赵工、陈工", "materialsNote", "课件 v1.2");
    assertThat(pi).isWaitingAt("Task_CollectFeedback");

    String path = "/api/trainings/" + no + "/feedback";
    ResponseEntity<String> badScore = post("engineer1", path, map("contentScore", 6, "formScore", 4,
        "effectScore", 4));
    assertThat(badScore.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badScore.getBody()).contains("contentScore");
    assertThat(post("jtj1", path, map("contentScore", 5, "formScore", 5, "effectScore", 5)).getStatusCode())
        .as("units do not attend the provider's trainings").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("engineer1", path, map("contentScore", 5, "formScore", 4, "effectScore", 4, "comments",
        "希望增加实操")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(post("engineer1", path, map("contentScore", 5, "formScore", 4, "effectScore", 4))
        .getStatusCode()).as("once per person").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post("operator1", path, map("contentScore", 4, "formScore", 3, "effectScore", 4))
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode one = read(get("mgmt1", "/api/trainings/" + no));
    assertThat(one.at("/figures/count").asInt()).isEqualTo(2);
    assertThat(one.at("/figures/content").asDouble()).isEqualTo(4.5);

    fire(pi, "Timer_FeedbackReminder");
    assertThat(trainings.get(no).feedbackReminders()).isEqualTo(1);
    completeAs("manager1", Groups.OPS_MANAGER, pid, "Task_CollectFeedback", "feedbackNote", "课后交流半小时");
    assertThat(post("mgmt1", path, map("contentScore", 5, "formScore", 5, "effectScore", 5)).getStatusCode())
        .as("the feedback is closed").isEqualTo(HttpStatus.BAD_REQUEST);
    completeAs("manager1", Groups.OPS_MANAGER, pid, "Task_Summarize", "trainingSummary", "培训效果良好",
        "trainingImprovements", "下次增加实操环节");
    assertThat(pi).isEnded().hasPassed("EndEvent_TrainingRecorded");
    TrainingService.Training done = trainings.get(no);
    assertThat(done.status()).isEqualTo("CLOSED");
    assertThat(done.exchangeNote()).isEqualTo("课后交流半小时");
    ReportDocument d = archive.get(done.reportId());
    assertThat(d.kind()).isEqualTo(TrainingRecord.KIND);
    assertThat(d.subjectRef()).isEqualTo(no);
    assertThat(d.version()).isEqualTo(1);
    assertThat(read(get("manager1", "/api/trainings?status=CLOSED")).findValuesAsText("trainingNo")).contains(no);
    assertThat(get("manager1", "/api/trainings?status=NOPE").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }
}
