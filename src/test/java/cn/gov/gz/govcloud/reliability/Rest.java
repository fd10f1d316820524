package cn.gov.gz.govcloud.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** A small JSON client of one node as one user (HTTP Basic), for the tests that talk to child processes. */
final class Rest {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL).build();

  final AppNode node;
  final String user;
  private final String password;

  Rest(AppNode node, String user, String password) {
    this.node = node;
    this.user = user;
    this.password = password;
  }

  Rest as(String otherUser, String otherPassword) {
    return new Rest(node, otherUser, otherPassword);
  }

  Rest on(AppNode other) {
    return new Rest(other, user, password);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json").header("Authorization", AppNode.basic(user, password));
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  HttpResponse<String> post(String path, Object body) {
    try {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      return send(request(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GET answering 200, as JSON. */
  JsonNode json(String path) {
    return expect(get(path), 200, "GET " + path);
  }

  /** POST answering the given status, as JSON (null for an empty body). */
  JsonNode json(String path, Object body, int status) {
    return expect(post(path, body), status, "POST " + path);
  }

  /** Deploys one BPMN model over {@code /engine-rest/deployment/create} (multipart), as the administrator would. */
  JsonNode deploy(String deploymentName, String fileName, byte[] model) {
    String boundary = "----reliability" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (String[] field : new String[][] {{"deployment-name", deploymentName}, {"enable-duplicate-filtering", "true"},
          {"deployment-source", "reliability-it"}}) {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1]
            + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(model);
      out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return expect(send(request("/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build()), 200, "deploy " + fileName);
  }

  /** An HTML page (webapps): the status after following redirects. */
  int page(String path) {
    return send(HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(60)).GET().build())
        .statusCode();
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode expect(HttpResponse<String> answer, int status, String what) {
    if (answer.statusCode() != status) {
      throw new AssertionError(what + " on " + node.name + " as " + user + ": expected HTTP " + status + ", got "
          + answer.statusCode() + " " + answer.body());
    }
    try {
      return answer.body() == null || answer.body().isBlank() ? null : JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
