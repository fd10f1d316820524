package cn.gov.gz.govcloud.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.access.Groups;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;

/**
 * The governance room's documents for {@link DocumentsTest}: a training record, a security assessment record and a
 * norm review record.
 */
abstract class DocumentsTestGovernanceRuns extends DocumentsTestRuns {

  /**
   * November 2038: an offline training on the security rules; two attendees give feedback over REST, the organiser
   * is reminded, the feedback closes at its due date and the summary files the training record.
   */
  synchronized void runTraining() {
    if (MADE.containsKey("training-record")) {
      return;
    }
    setClock(china("2038-11-02T09:00:00"));
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey("training",
        map("trainingTopic", "政务云安全管理规范宣贯", "trainingForm", "OFFLINE", "trainingGoal", "运维人员理解安全管理规范的要求",
            "trainingAudience", "全体运维人员"));
    completeAs("mgmt1", Groups.MANAGEMENT, pi.getId(), "Task_ConfirmNeed", "needDecision", "CONFIRMED",
        "needComment", "同意");
    completeAs("manager1", Groups.OPS_MANAGER, pi.getId(), "Task_WritePlan", "trainingContent", "规范条款解读与案例",
        "trainingMethod", "集中授课与实操演示", "lecturer", "安全主管王工", "sessionAt", "2038-11-10T14:30+08:00",
        "trainingPlace", "三楼会议室", "attendees", "工程师赵工、操作员陈工");
    fire(pi, "Timer_WaitForSession");
    completeAs("manager1", Groups.OPS_MANAGER, pi.getId(), "Task_RecordSession", "attendanceCount", 2L,
        "attendanceList", "赵工、陈工", "materialsNote", "课件 v1.2");
    String no = processEngine.getRuntimeService().getVariable(pi.getId(), "trainingNo").toString();
    for (var f : java.util.List.of(map("u", "engineer1", "contentScore", 5, "formScore", 4, "effectScore", 4,
        "comments", "希望增加实操"), map("u", "operator1", "contentScore", 4, "formScore", 3, "effectScore", 5))) {
      var r = post((String) f.remove("u"), "/api/trainings/" + no + "/feedback", f);
      assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
    }
    fire(pi, "Timer_FeedbackReminder");
    fire(pi, "Timer_FeedbackClosed");
    completeAs("manager1", Groups.OPS_MANAGER, pi.getId(), "Task_Summarize", "trainingSummary", "培训效果良好",
        "trainingImprovements", "下次增加实操环节");
    MADE.put("training-record", archive.content(historic(pi.getId(), "reportId")));
  }

  long historic(String processInstanceId, String name) {
    return ((Number) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).singleResult().getValue()).longValue();
  }

  /**
   * December 2038: two staff join; an assessment of every active staff member (other tests' staff score 88): 周七
   * passes, 吴八 fails and passes the retake.
   */
  synchronized void runAssessment() {
    if (MADE.containsKey("security-assessment-record")) {
      return;
    }
    setClock(china("2038-12-01T09:00:00"));
    long zhou = joinStaff("周七", "操作员");
    long wu = joinStaff("吴八", "运维工程师");
    var started = post("manager1", "/api/security-assessments", map("title", "2038 年安全操作专项考核"));
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
    String no = read(started.getBody()).get("assessmentNo").asText();
    String pid = read(started.getBody()).get("processInstanceId").asText();
    for (String staffId : read(get("manager1", "/api/security-assessments/" + no).getBody()).get("results")
        .findValuesAsText("staffId")) {
      long id = Long.parseLong(staffId);
      scoreStaff(no, id, id == zhou ? 95 : id == wu ? 50 : 88);
    }
    scoreStaff(no, wu, 85);
    MADE.put("security-assessment-record", archive.content(historic(pid, "reportId")));
  }

  /** After the assessment's joinings: the register of the staff and their pledges, on demand. */
  synchronized void runStaffRegister() {
    if (MADE.containsKey("staff-pledges")) {
      return;
    }
    runAssessment();
    setClock(china("2038-12-10T10:00:00"));
    var r = post("manager1", "/api/staff/register", map());
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
    MADE.put("staff-pledges", archive.content(read(r.getBody()).get("id").asLong()));
  }

  long joinStaff(String name, String post) {
    var r = post("manager1", "/api/staff", map("name", name, "post", post, "joinedOn", "2038-11-20"));
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
    return read(r.getBody()).at("/staff/id").asLong();
  }

  void scoreStaff(String no, long staffId, int score) {
    var r = post("manager1", "/api/security-assessments/" + no + "/scores", map("staffId", staffId, "score", score));
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
  }

  /**
   * December 2038: the security rules registered at version 1 are reviewed; an engineer and the supervisor give
   * opinions; the revision is approved and published as version 2.
   */
  synchronized void runNormReview() {
    if (MADE.containsKey("norm-review-record")) {
      return;
    }
    setClock(china("2038-12-05T09:00:00"));
    var registered = post("mgmt1", "/api/norms", map("code", "DOC-AQ-01", "title", "政务云安全管理规范", "type",
        "SECURITY", "version", 1, "publishedOn", "2037-12-01"));
    assertThat(registered.getStatusCode()).as(registered.getBody()).isEqualTo(HttpStatus.CREATED);
    var started = post("manager1", "/api/norms/DOC-AQ-01/reviews", map("reason", "年度评审"));
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
    String no = read(started.getBody()).get("reviewNo").asText();
    String pid = read(started.getBody()).get("processInstanceId").asText();
    completeAs("mgmt1", Groups.MANAGEMENT, pid, "Task_ConfirmNeed", "needDecision", "CONFIRMED");
    for (var o : java.util.List.of(java.util.List.of("engineer1", "增加特权账号季度复核"),
        java.util.List.of("supervisor1", "明确审计日志保存期限"))) {
      var r = post(o.get(0), "/api/norm-reviews/" + no + "/opinions", map("content", o.get(1)));
      assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
    }
    completeAs("manager1", Groups.OPS_MANAGER, pid, "Task_CollectOpinions");
    completeAs("manager1", Groups.OPS_MANAGER, pid, "Task_RecordReview", "reviewParticipants", "管理方、服务方、监理方代表",
        "reviewConclusions", "采纳两条意见", "reviewOutcome", "REVISE", "reviewRevisions", "第 5 章增加特权账号季度复核");
    completeAs("mgmt1", Groups.MANAGEMENT, pid, "Task_ApproveReview", "approvalDecision", "APPROVED",
        "approvalComment", "同意发布");
    MADE.put("norm-review-record", archive.content(historic(pid, "reportId")));
  }
}
