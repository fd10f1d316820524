package cn.gov.gz.govcloud.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API contract (issue 27): every endpoint of {@code /api} is in the OpenAPI document with a Chinese summary and
 * the error answers; the document, Swagger UI and Camunda's engine REST document are served to logged-in users only.
 */
class ApiDocsTest extends WebTest {

  @Autowired ObjectMapper json;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  void everyApiEndpointIsDescribedInChineseWithItsErrorAnswers() throws Exception {
    ResponseEntity<String> r = get("engineer1", "/api/docs/openapi");
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    // kept for reading (and for docs/integration.md): the contract as the build generated it
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), r.getBody());
    JsonNode doc = json.readTree(r.getBody());
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    assertThat(doc.get("info").get("title").asText()).contains("政务云");
    assertThat(doc.at("/components/schemas/错误/properties/errors").isMissingNode()).isFalse();
    assertThat(doc.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");

    List<String> missing = new ArrayList<>();
    int endpoints = 0;
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/") || pattern.startsWith("/api/docs")) {
          continue;
        }
        for (RequestMethod method : info.getMethodsCondition().getMethods()) {
          endpoints++;
          JsonNode op = doc.path("paths").path(pattern).path(method.name().toLowerCase(Locale.ROOT));
          if (op.isMissingNode()) {
            missing.add(method + " " + pattern + ": not described");
            continue;
          }
          if (!op.path("summary").asText("").matches(".*\\p{IsHan}.*")) {
            missing.add(method + " " + pattern + ": no Chinese summary");
          }
          for (String code : List.of("400", "401", "403")) {
            if (op.path("responses").path(code).isMissingNode()) {
              missing.add(method + " " + pattern + ": no " + code + " answer");
            }
          }
          if (op.path("tags").isEmpty() || !op.path("tags").get(0).asText().matches(".*\\p{IsHan}.*")) {
            missing.add(method + " " + pattern + ": no Chinese tag");
          }
        }
      }
    }
    assertThat(endpoints).as("endpoints of /api found").isGreaterThan(80);
    assertThat(missing).isEmpty();

    // request and answer shapes: the emergency report, its answer; the intake takes a token, not a password
    JsonNode report = doc.at("/paths/~1api~1emergencies/post");
    assertThat(report.at("/requestBody/content/application~1json/schema/$ref").asText()).endsWith("EmergencyIntake");
    assertThat(doc.at("/components/schemas/EmergencyIntake/properties/alertRef").isMissingNode()).isFalse();
    assertThat(report.at("/responses/400/content/application~1json/schema/$ref").asText()).endsWith("错误");
    assertThat(doc.at("/paths/~1api~1intake~1alertmanager/post/security/0/intakeToken").isMissingNode()).isFalse();
    assertThat(doc.path("paths").has("/camunda/api/govcloud/documents/{id}")).as("only /api").isFalse();
  }

  @Test
  void theDocumentsAndTheirUiAreForLoggedInUsersOnly() throws Exception {
    for (String path : List.of("/api/docs", "/api/docs/openapi", "/api/docs/engine-rest.json",
        "/api/swagger-ui/index.html", "/api/swagger-ui/swagger-initializer.js", "/api/docs/openapi/swagger-config")) {
      assertThat(get(null, path).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    // /api/docs sends the browser to Swagger UI, which springdoc serves beside it, also under /api
    ResponseEntity<String> ui = get("jtj1", "/api/docs");
    assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ui.getBody()).contains("swagger-ui");
    ui = get("jtj1", "/api/swagger-ui/index.html");
    assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ui.getBody()).contains("swagger");
    JsonNode config = json.readTree(get("jtj1", "/api/docs/openapi/swagger-config").getBody());
    assertThat(config.get("urls").findValuesAsText("url")).containsExactlyInAnyOrder("/api/docs/openapi",
        "/api/docs/engine-rest.json");
    assertThat(config.get("urls.primaryName").asText()).isEqualTo("本系统业务接口 /api");
  }

  @Test
  void camundasEngineRestDocumentIsServedBesideOurs() throws Exception {
    ResponseEntity<String> r = get("engineer1", "/api/docs/engine-rest.json");
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode doc = json.readTree(r.getBody());
    assertThat(doc.get("info").get("version").asText()).isEqualTo("7.24.0");
    assertThat(doc.get("servers").get(0).get("url").asText()).isEqualTo("/engine-rest");
    assertThat(doc.path("paths").has("/process-definition/key/{key}/start")).isTrue();
    assertThat(doc.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
  }
}
