package cn.gov.gz.govcloud.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.WebTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Deployment over REST is for administrators only, and no model may carry a script (issue 12 item 4). */
class ModelDeploymentSecurityTest extends WebTest {

  static String model(String key, String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        + "targetNamespace=\"t\"><process id=\"" + key
        + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\"><startEvent id=\"s\"/>" + body
        + "</process></definitions>";
  }

  static final String SCRIPT_TASK = "<scriptTask id=\"t\" scriptFormat=\"javascript\"><script>java.lang.System.exit(0)"
      + "</script></scriptTask><sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"t\"/>";
  static final String SCRIPT_LISTENER = "<userTask id=\"t\"><extensionElements><camunda:taskListener event=\"create\">"
      + "<camunda:script scriptFormat=\"groovy\">'rm -rf /'.execute()</camunda:script></camunda:taskListener>"
      + "</extensionElements></userTask><sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"t\"/>";
  static final String SCRIPT_CONDITION = "<exclusiveGateway id=\"g\"/><endEvent id=\"e\"/>"
      + "<sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"g\"/><sequenceFlow id=\"c\" sourceRef=\"g\" targetRef=\"e\">"
      + "<conditionExpression xsi:type=\"tFormalExpression\" language=\"javascript\">true</conditionExpression>"
      + "</sequenceFlow>";
  static final String PLAIN = "<endEvent id=\"e\"/><sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"e\"/>";

  ResponseEntity<String> deploy(String user, String name, String bpmn) {
    HttpHeaders headers = basicAuth(user);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", name);
    parts.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name + ".bpmn";
      }
    });
    return rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers),
        String.class);
  }

  @Test
  void onlyAdministratorsDeployOverRest() {
    for (String user : List.of("manager1", "engineer1", "mgmt1", "supervisor1", "jtj1")) {
      assertThat(deploy(user, "sec-plain-" + user, model("sec_plain_" + user, PLAIN)).getStatusCode().value())
          .as(user).isEqualTo(403);
    }
    assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKeyLike("sec_plain_%").count()).isZero();
  }

  @Test
  void modelsWithScriptsAreRefusedEvenForAdministrators() {
    for (var body : List.of(SCRIPT_TASK, SCRIPT_LISTENER, SCRIPT_CONDITION)) {
      ResponseEntity<String> answer = deploy("admin", "sec-script", model("sec_script", body));
      assertThat(answer.getStatusCode().value()).as(body).isEqualTo(400);
      assertThat(answer.getBody()).contains("脚本");
    }
    assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("sec_script")
        .count()).isZero();
    // an ordinary model still deploys for the administrator
    ResponseEntity<String> plain = deploy("admin", "sec-plain-admin", model("sec_plain_admin", PLAIN));
    assertThat(plain.getStatusCode().value()).isEqualTo(200);
    processEngine.getRepositoryService().createDeploymentQuery().deploymentName("sec-plain-admin").list()
        .forEach(d -> processEngine.getRepositoryService().deleteDeployment(d.getId(), true));
  }
}
