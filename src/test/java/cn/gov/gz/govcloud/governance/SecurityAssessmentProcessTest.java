package cn.gov.gz.govcloud.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.support.Clause;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * security-assessment and its schedule with the real delegates over REST: the start (rights, bad input), every
 * active staff member's score recorded over REST (bad scores and staff not assessed refused naming the field), a
 * failure retaken and failed again, the assessment record archived; the half-yearly timer in Beijing time making one
 * assessment per half-year. Times from August 2039, which no other test uses.
 */
class SecurityAssessmentProcessTest extends GovernanceTestSupport {

  @Autowired AssessmentService assessments;
  @Autowired ReportArchive archive;

  private long join(String name, String post) throws Exception {
    ResponseEntity<String> r = post("manager1", "/api/staff", map("name", name, "post", post, "joinedOn",
        "2039-07-01"));
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
    return read(r).at("/staff/id").asLong();
  }

  private ResponseEntity<String> score(String no, long staffId, Object score) {
    return post("manager1", "/api/security-assessments/" + no + "/scores", map("staffId", staffId, "score", score));
  }

  @Clause("P6 7.4.1.3")
  @Test
  void everyActiveStaffMemberIsScoredAFailureRetakesAndTheRecordIsFiled() throws Exception {
    setClock(china("2039-08-01T09:00:00"));
    long li = join("李四", "操作员");
    long wang = join("王五", "运维工程师");
    assertThat(post("engineer1", "/api/security-assessments", map("title", "专项考核")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> bad = post("manager1", "/api/security-assessments", map("title", ""));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("assessmentTitle");
    ResponseEntity<String> ok = post("manager1", "/api/security-assessments", map("title", "2039 年安全操作专项考核"));
    assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.CREATED);
    String no = read(ok).get("assessmentNo").asText();
    String pid = read(ok).get("processInstanceId").asText();
    assertThat(no).startsWith("KH20390801-");
    AssessmentService.Assessment a = assessments.get(no);
    assertThat(assessments.open(a.id())).contains(li, wang);

    ResponseEntity<String> tooHigh = score(no, li, 120);
    assertThat(tooHigh.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooHigh.getBody()).contains("assessmentScore");
    assertThat(score(no, 99999999L, 90).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    for (long staffId : assessments.open(a.id())) {
      ResponseEntity<String> r = score(no, staffId, staffId == wang ? 50 : staffId == li ? 95 : 88);
      assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    }
    assertThat(assessments.result(a.id(), li).status()).isEqualTo("PASSED");
    assertThat(assessments.result(a.id(), wang).status()).isEqualTo("RETAKE");
    assertThat(assessments.open(a.id())).containsExactly(wang);
    assertThat(task(pid, "Task_RecordScore").getName()).contains("王五", "补考");
    assertThat(score(no, li, 99).getStatusCode()).as("passed already").isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<String> retake = score(no, wang, 70);
    assertThat(retake.getStatusCode()).as(retake.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode r = read(retake);
    assertThat(r.get("status").asText()).as("two attempts").isEqualTo("FAILED");
    assertThat(r.get("firstScore").asInt()).isEqualTo(50);
    assertThat(r.get("score").asInt()).isEqualTo(70);
    ProcessInstance pi = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid)
        .singleResult();
    assertThat(pi).isNull();
    AssessmentService.Assessment closed = assessments.get(no);
    assertThat(closed.status()).isEqualTo("CLOSED");
    ReportDocument d = archive.get(closed.reportId());
    assertThat(d.kind()).isEqualTo(AssessmentRecord.KIND);
    assertThat(d.subjectRef()).isEqualTo(no);
    assertThat(d.version()).isEqualTo(1);
    assertThat(read(get("supervisor1", "/api/security-assessments/" + no)).get("results").findValuesAsText("name"))
        .contains("李四", "王五");
    assertThat(get("jtj1", "/api/security-assessments").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Clause("P6 7.4.1.3")
  @Test
  void theHalfYearlyScheduleRunsAt9InBeijingAndMakesOneAssessmentPerHalfYear() throws Exception {
    Job timer = processEngine.getManagementService().createJobQuery().processDefinitionKey(
        "security-assessment-schedule").timers().singleResult();
    assertThat(timer).isNotNull();
    ZonedDateTime due = timer.getDuedate().toInstant().atZone(CHINA);
    assertThat(due.getDayOfMonth()).isEqualTo(1);
    assertThat(due.getMonthValue()).isIn(3, 9);
    assertThat(due.getHour()).isEqualTo(9);
    setClock(china("2039-09-01T09:00:00"));
    join("赵六", "操作员");
    ProcessInstance first = processEngine.getRuntimeService().startProcessInstanceByKey("security-assessment",
        map("assessmentScheduled", true));
    ProcessInstance second = processEngine.getRuntimeService().startProcessInstanceByKey("security-assessment",
        map("assessmentScheduled", true));
    assertThat(first).isWaitingAt("Task_RecordScore");
    assertThat(second).isEnded().hasPassed("EndEvent_NothingToAssess");
    assertThat(assessments.findByProcessInstance(first.getId()).orElseThrow().assessmentNo()).isEqualTo("KH2039H2");
  }
}
