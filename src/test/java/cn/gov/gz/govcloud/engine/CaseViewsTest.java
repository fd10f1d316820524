package cn.gov.gz.govcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 19 items 1 and 2: every user task of every model carries its case reference in its name, and a real case's
 * tasks show names, labels and Beijing times instead of codes, enum values and UTC instants.
 */
class CaseViewsTest extends WebTest {

  @Autowired ObjectMapper json;

  /** Enough variables for any task's expressions (groups, people, deadlines, clocks) when started right at it. */
  static Map<String, Object> anyTaskVariables() {
    Map<String, Object> v = new HashMap<>();
    for (String group : List.of("onDutyGroup", "verifyGroup", "accessGroup", "applicantGroup", "confirmGroup",
        "dispatchGroup", "handlerGroup")) {
      v.put(group, "ops-manager");
    }
    for (String person : List.of("organiser", "participant", "planOwner", "inspector", "shiftWatchers",
        "uploadedBy")) {
      v.put(person, "manager1");
    }
    Date later = Date.from(Instant.parse("2099-01-01T00:00:00Z"));
    for (String date : List.of("responseDue", "planningDue", "trainingDue", "drillAt", "inspectionDue", "planAt",
        "executeDue", "reviewDue", "unitDue", "approvalDue", "correctionDue", "deliveryDue", "dispatchDue",
        "recoveryDue", "correctionReminderAt", "nextFeedbackAt", "nextEscalationAt", "feedbackAnswerDue", "opinionDue",
        "surveyDue", "surveyRemindAt", "shiftEndsAt", "shiftRemindAt", "researchDue", "researchRemindAt", "analysisDue",
        "recordsClosedAt", "feedbackDue", "feedbackRemindAt", "pledgeDue", "assessmentDue", "assessmentRemindAt")) {
      v.put(date, later);
    }
    for (String duration : List.of("feedbackWithin", "followUpPoll", "confirmWithin", "surveyCloseAfter",
        "approvalRemindAfter", "surveyReminderAfter")) {
      v.put(duration, "P3D");
    }
    for (String cycle : List.of("dispatchEscalationCycle", "feedbackCycle",
        "recoveryEscalationCycle", "pledgeReminderCycle")) {
      v.put(cycle, "R1/2099-01-01T00:00:00Z/PT10M");
    }
    v.put("actionUnit", "JTJ");
    v.put("surveyUnit", "JTJ");
    v.put("researchUnit", "JTJ");
    v.put("unitCode", "JTJ");
    return v;
  }

  @Test
  void everyUserTaskOfEveryModelCarriesItsCaseReference() {
    int checked = 0;
    for (File file : new File("processes").listFiles((d, n) -> n.endsWith(".bpmn"))) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file);
      String processKey = model.getModelElementsByType(Process.class).iterator().next().getId();
      for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
        String reference = "REF-" + UUID.randomUUID().toString().substring(0, 8);
        String pi = processEngine.getRuntimeService().createProcessInstanceByKey(processKey).businessKey(reference)
            .setVariables(anyTaskVariables()).startBeforeActivity(userTask.getId()).execute().getId();
        try {
          List<Task> tasks = processEngine.getTaskService().createTaskQuery().processInstanceId(pi)
              .taskDefinitionKey(userTask.getId()).list();
          assertThat(tasks).as(processKey + " " + userTask.getId()).isNotEmpty();
          for (Task t : tasks) {
            assertThat(t.getName()).as(processKey + " " + userTask.getId())
                .isEqualTo(userTask.getName() + CaseViews.SEPARATOR + reference);
          }
          checked++;
        } finally {
          processEngine.getRuntimeService().deleteProcessInstance(pi, "test", true, true);
        }
      }
    }
    assertThat(checked).as("user tasks checked").isGreaterThan(30);
  }

  @Test
  void anEmergencysTasksNameTheCaseAndShowWordsAndBeijingTime() throws Exception {
    Instant detected = Instant.parse("2026-12-03T13:01:00Z"); // 21:01 in Beijing
    ResponseEntity<String> started = post("desk1", "/api/emergencies", Map.of("businessSystemCode", "JTJ-TOCC",
        "category", "INTERRUPTION", "description", "交通调度平台全部不可用", "source", "MONITORING",
        "detectedAt", detected.toString(), "reporter", "监控平台"));
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode answer = json.readTree(started.getBody());
    String no = answer.get("emergencyNo").asText();
    Task respond = processEngine.getTaskService().createTaskQuery()
        .processInstanceId(answer.get("processInstanceId").asText()).singleResult();
    assertThat(respond.getName()).startsWith("响应应急事件｜" + no).contains("交通运行监测调度平台").contains("交通运输局");

    JsonNode variables = json.readTree(get("engineer1", "/engine-rest/task/" + respond.getId()
        + "/form-variables").getBody());
    String summary = variables.get(CaseViews.CASE_SUMMARY).get("value").asText();
    assertThat(summary).contains(no).contains("交通运行监测调度平台").contains("广州市交通运输局").contains("业务系统中断")
        .contains("2026-12-03 21:01").contains("监控").doesNotContain("INTERRUPTION").doesNotContain("JTJ-TOCC")
        .doesNotContain("T13:01");
    assertThat(variables.get(CaseViews.CASE_TIMELINE).get("value").asText()).contains("接报");
  }
}
