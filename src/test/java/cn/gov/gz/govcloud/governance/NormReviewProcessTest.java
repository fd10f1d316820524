package cn.gov.gz.govcloud.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.support.Clause;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Period;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The norms' register and norm-review with the real delegates over REST: registering (rights, bad input, duplicate
 * codes), a review of the security rules with the parties' opinions, a revision approved and published as the next
 * version, the review record archived; which norms the yearly schedule reviews. Times in October 2039, which no
 * other test uses.
 */
class NormReviewProcessTest extends GovernanceTestSupport {

  @Autowired NormService norms;
  @Autowired ReportArchive archive;

  @Clause("P6 7.6.1.1")
  @Clause("P6 7.6.1.2")
  @Clause("P6 7.6.1.3")
  @Clause("P6 7.6.1.4")
  @Clause("P6 7.6.1.5")
  @Clause("P6 7.4.1.2")
  @Clause("P3 附录 D.1 第 6 项")
  @Test
  void theSecurityRulesAreReviewedWithTheirOpinionsAndPublishedAsTheNextVersion() throws Exception {
    setClock(china("2039-10-08T09:00:00"));
    assertThat(post("engineer1", "/api/norms", map("code", "GZ-AQ-2039", "title", "政务云安全管理规范", "type",
        "SECURITY", "version", 2, "publishedOn", "2038-01-10")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> bad = post("mgmt1", "/api/norms", map("code", "GZ-AQ-2039", "title", "政务云安全管理规范",
        "type", "RULES", "version", 2, "publishedOn", "2038-01-10"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("type");
    ResponseEntity<String> ok = post("mgmt1", "/api/norms", map("code", "GZ-AQ-2039", "title", "政务云安全管理规范",
        "type", "SECURITY", "version", 2, "publishedOn", "2038-01-10"));
    assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(post("mgmt1", "/api/norms", map("code", "GZ-AQ-2039", "title", "重复", "type", "SECURITY",
        "publishedOn", "2038-01-10")).getBody()).contains("code");
    assertThat(norms.dueForReview(Period.ofMonths(11))).as("security rules at every run").contains("GZ-AQ-2039");

    String reviews = "/api/norms/GZ-AQ-2039/reviews";
    assertThat(post("manager1", reviews, map("reason", "")).getBody()).contains("reviewReason");
    ResponseEntity<String> started = post("manager1", reviews, map("reason", "年度评审，补充云平台账号管理要求"));
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
    String no = read(started).get("reviewNo").asText();
    String pid = read(started).get("processInstanceId").asText();
    assertThat(no).startsWith("GF20391008-");
    assertThat(norms.dueForReview(Period.ofMonths(11))).as("not while under review").doesNotContain("GZ-AQ-2039");
    completeAs("mgmt1", Groups.MANAGEMENT, pid, "Task_ConfirmNeed", "needDecision", "CONFIRMED");

    String opinions = "/api/norm-reviews/" + no + "/opinions";
    assertThat(post("engineer1", opinions, map("content", "")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post("jtj1", opinions, map("content", "x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> o1 = post("engineer1", opinions, map("content", "增加特权账号季度复核"));
    assertThat(o1.getStatusCode()).as(o1.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(read(o1).get("party").asText()).isEqualTo("PROVIDER");
    assertThat(read(post("supervisor1", opinions, map("content", "明确审计日志保存期限"))).get("party").asText())
        .isEqualTo("SUPERVISOR");
    completeAs("manager1", Groups.OPS_MANAGER, pid, "Task_CollectOpinions");
    assertThat(post("mgmt1", opinions, map("content", "晚了")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    assertThatThrownBy(() -> completeAs("manager1", Groups.OPS_MANAGER, pid, "Task_RecordReview",
        "reviewParticipants", "管理方、服务方、监理方", "reviewConclusions", "需修订", "reviewOutcome", "REVISE"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("reviewRevisions");
    completeAs("manager1", Groups.OPS_MANAGER, pid, "Task_RecordReview", "reviewParticipants", "管理方、服务方、监理方",
        "reviewConclusions", "采纳两条意见", "reviewOutcome", "REVISE", "reviewRevisions", "第 5 章增加特权账号季度复核和审计日志保存 6 个月");
    assertThatThrownBy(() -> completeAs("mgmt1", Groups.MANAGEMENT, pid, "Task_ApproveReview", "approvalDecision",
        "RETURNED")).isInstanceOf(BadUserRequestException.class).hasMessageContaining("approvalComment");
    completeAs("mgmt1", Groups.MANAGEMENT, pid, "Task_ApproveReview", "approvalDecision", "APPROVED");

    ProcessInstance pi = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid)
        .singleResult();
    assertThat(pi).isNull();
    NormService.Norm n = norms.get("GZ-AQ-2039");
    assertThat(n.version()).isEqualTo(3);
    assertThat(n.lastReviewedOn()).hasToString("2039-10-08");
    JsonNode detail = read(get("supervisor1", "/api/norms/GZ-AQ-2039"));
    assertThat(detail.get("versions").findValuesAsText("version")).containsExactly("2", "3");
    NormService.Review r = norms.review(no);
    assertThat(r.status()).isEqualTo("CLOSED");
    assertThat(r.newVersion()).isEqualTo(3);
    ReportDocument d = archive.get(r.reportId());
    assertThat(d.kind()).isEqualTo(NormReviewRecord.KIND);
    assertThat(d.subjectRef()).isEqualTo(no);
    assertThat(d.version()).isEqualTo(1);
  }

  @Clause("P6 7.6.1.6")
  @Test
  void theYearlyScheduleRunsAt9InBeijingAndReviewsTheNormsOutsideTheirCycle() throws Exception {
    Job timer = processEngine.getManagementService().createJobQuery().processDefinitionKey("norm-review-schedule")
        .timers().singleResult();
    assertThat(timer).isNotNull();
    ZonedDateTime due = timer.getDuedate().toInstant().atZone(CHINA);
    assertThat(due.getMonthValue()).isEqualTo(1);
    assertThat(due.getDayOfMonth()).isEqualTo(15);
    assertThat(due.getHour()).isEqualTo(9);
    setClock(china("2039-11-02T09:00:00"));
    assertThat(post("mgmt1", "/api/norms", map("code", "GZ-ZN-OLD", "title", "政务云使用指南", "type", "GUIDE",
        "publishedOn", "2038-06-01")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(post("mgmt1", "/api/norms", map("code", "GZ-ZN-NEW", "title", "政务云资源申请指南", "type", "GUIDE",
        "publishedOn", "2039-09-01")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(norms.dueForReview(Period.ofMonths(11))).contains("GZ-ZN-OLD").doesNotContain("GZ-ZN-NEW");
  }
}
