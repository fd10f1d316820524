package cn.gov.gz.govcloud.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Deploys as Camunda Modeler's deploy button does (Modeler 5, Camunda 7): a multipart POST to
 * {@code /engine-rest/deployment/create} with the deployment name the owner typed, source "Camunda Modeler", duplicate
 * filtering on, the open diagram as a part named after its file, and only the files the owner attached.
 */
final class ModelerDeployment {

  static final String SOURCE = "Camunda Modeler";

  private ModelerDeployment() {}

  static ResponseEntity<String> deploy(TestRestTemplate rest, String user, String password, String deploymentName,
      Map<String, byte[]> files) {
    return deploy(rest, "/engine-rest", user, password, deploymentName, files);
  }

  /** As Modeler with its endpoint set to {@code restBase}, e.g. /engine-rest/engine/{name} for a named engine. */
  static ResponseEntity<String> deploy(TestRestTemplate rest, String restBase, String user, String password,
      String deploymentName, Map<String, byte[]> files) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", deploymentName);
    parts.add("deployment-source", SOURCE);
    parts.add("enable-duplicate-filtering", "true");
    files.forEach((name, bytes) -> {
      HttpHeaders partHeaders = new HttpHeaders();
      partHeaders.setContentType(name.endsWith(".form") ? MediaType.APPLICATION_OCTET_STREAM : MediaType.TEXT_XML);
      parts.add(name, new HttpEntity<>(new ByteArrayResource(bytes) {
        @Override
        public String getFilename() {
          return name;
        }
      }, partHeaders));
    });
    return rest.exchange(restBase + "/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers),
        String.class);
  }

  static ResponseEntity<String> deploy(TestRestTemplate rest, String deploymentName, String fileName, String bpmn) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(fileName, bpmn.getBytes(StandardCharsets.UTF_8));
    return deploy(rest, "admin", "admin-test-password", deploymentName, files);
  }

  /** A packaged model or form as the owner opens it from the project folder. */
  static String packaged(String path) {
    try (InputStream in = ModelerDeployment.class.getResourceAsStream("/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
