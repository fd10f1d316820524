package cn.gov.gz.govcloud.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.WebTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 17 item 3, segregation of duties: each decision that belongs to a party (docs/security.md "Who decides what") is taken by
 * a member of that party only. The ops manager, who may reassign any task, can neither take it nor hand it outside the
 * party; the administrator cannot complete it; a reassignment within the party works.
 */
class DecisionRightsTest extends WebTest {

  /** A decision task, its party as the model evaluates it for unit JTJ, and a member of that party. */
  record Decision(String process, String task, String partyExpression, String party, String member) {}

  static final List<Decision> DECISIONS = List.of(
      new Decision("resource-application-review", "Task_ManagementApproval", "management", "management", "mgmt1"),
      new Decision("resource-application-review", "Task_CorrectApplication", "${applicantGroup}", "unit-JTJ", "jtj1"),
      new Decision("resource-application-review", "Task_ConfirmReceipt", "${applicantGroup}", "unit-JTJ", "jtj1"),
      new Decision("optimization-review", "Task_ReviewCandidates", "management", "management", "mgmt1"),
      new Decision("optimization-review", "Task_UnitConfirm", "unit-${actionUnit}", "unit-JTJ", "jtj1"),
      new Decision("optimization-review", "Task_HandleObjection", "management", "management", "mgmt1"),
      new Decision("work-order", "Task_ConfirmAnswer", "${confirmGroup}", "unit-JTJ", "jtj1"),
      new Decision("work-order", "Task_ConfirmResolution", "${confirmGroup}", "unit-JTJ", "jtj1"),
      new Decision("work-order", "Task_AnswerSurvey", "${confirmGroup}", "unit-JTJ", "jtj1"),
      new Decision("emergency-response", "Task_VerifyRecovery", "${verifyGroup}", "unit-JTJ", "jtj1"));

  static Map<String, Object> variables() {
    Map<String, Object> v = new HashMap<>();
    Date later = new Date(System.currentTimeMillis() + 86_400_000L);
    for (String due : List.of("approvalDue", "correctionDue", "reviewDue", "unitDue", "executeDue", "deliveryDue",
        "receiptDue", "correctionReminderAt")) {
      v.put(due, later);
    }
    v.put("unitCode", "JTJ");
    v.put("applicantGroup", "unit-JTJ");
    v.put("actionUnit", "JTJ");
    v.put("confirmGroup", "unit-JTJ");
    v.put("verifyGroup", "unit-JTJ");
    v.put("confirmWithin", "P3D");
    v.put("surveyReminderAfter", "P1D");
    v.put("surveyCloseAfter", "P7D");
    return v;
  }

  @Test
  void theModelsNameThePartyOfEveryDecision() throws Exception {
    for (Decision d : DECISIONS) {
      BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", d.process() + ".bpmn").toFile());
      UserTask task = model.getModelElementById(d.task());
      String party = task.getExtensionElements().getElementsQuery().filterByType(
              org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).singleResult()
          .getCamundaProperties().stream().filter(p -> DecisionRightsPlugin.PROPERTY.equals(p.getCamundaName()))
          .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
      assertThat(party).as(d.task()).isEqualTo(d.partyExpression());
    }
    assertThat(Files.readString(Path.of("docs", "security.md"))).contains("Who decides what");
  }

  static void expect(HttpStatus status, ResponseEntity<String> r, String what) {
    assertThat(r.getStatusCode()).as(what + ": " + r.getBody()).isEqualTo(status);
  }

  @Test
  void onlyAMemberOfThePartyTakesTheDecision() {
    for (Decision d : DECISIONS) {
      String pi = processEngine.getRuntimeService().createProcessInstanceByKey(d.process())
          .startBeforeActivity(d.task()).setVariables(variables()).execute().getId();
      try {
        String task = processEngine.getTaskService().createTaskQuery().processInstanceId(pi)
            .taskDefinitionKey(d.task()).singleResult().getId();
        String what = d.process() + " " + d.task();

        ResponseEntity<String> toHimself = post("manager1", "/engine-rest/task/" + task + "/assignee",
            Map.of("userId", "manager1"));
        assertThat(toHimself.getStatusCode()).as(what + ": " + toHimself.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(toHimself.getBody()).contains("只能由其成员");
        assertThat(post("manager1", "/engine-rest/task/" + task + "/assignee", Map.of("userId", "operator1"))
            .getStatusCode()).as(what).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("manager1", "/engine-rest/task/" + task + "/delegate", Map.of("userId", "desk1"))
            .getStatusCode()).as(what).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("wjw1", "/engine-rest/task/" + task + "/claim", Map.of("userId", "wjw1"))
            .getStatusCode().is4xxClientError()).as(what).isTrue();
        ResponseEntity<String> byAdmin = post("admin", "/engine-rest/task/" + task + "/complete",
            Map.of("variables", Map.of()));
        assertThat(byAdmin.getStatusCode()).as(what + ": " + byAdmin.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(processEngine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee())
            .as(what).isNull();

        expect(HttpStatus.NO_CONTENT, post("manager1", "/engine-rest/task/" + task + "/assignee",
            Map.of("userId", d.member())), what + " reassigned within the party");
        expect(HttpStatus.NO_CONTENT, post(d.member(), "/engine-rest/task/" + task + "/unclaim", Map.of()),
            what + " given back");
        expect(HttpStatus.NO_CONTENT, post(d.member(), "/engine-rest/task/" + task + "/claim",
            Map.of("userId", d.member())), what + " claimed by a member");
      } finally {
        processEngine.getRuntimeService().deleteProcessInstance(pi, "test", true, true);
      }
    }
  }
}
