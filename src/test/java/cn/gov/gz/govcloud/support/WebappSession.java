package cn.gov.gz.govcloud.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser-like session with the Camunda webapps: session cookie, CSRF token, login to one app, and calls to the
 * webapps' own engine API (what Tasklist and Cockpit show is what this API answers).
 */
public final class WebappSession {

  private final HttpClient http;
  private final String base;
  private String csrfToken;

  private WebappSession(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  public static WebappSession login(int port, String app, String user, String password) {
    WebappSession s = new WebappSession(port);
    HttpResponse<String> page = s.send(HttpRequest.newBuilder(URI.create(s.base + "/camunda/app/" + app + "/default/"))
        .GET().build());
    s.csrfToken = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> login = s.send(HttpRequest.newBuilder(
            URI.create(s.base + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", s.csrfToken)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    if (login.statusCode() != 200) {
      throw new IllegalStateException("login of " + user + " to " + app + " failed: " + login.statusCode());
    }
    s.engineGet("version"); // fetches the token of the new session
    return s;
  }

  /** GET on the webapps' engine API, e.g. {@code task?processInstanceId=...}. */
  public HttpResponse<String> engineGet(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/" + pathAndQuery))
        .header("X-XSRF-TOKEN", csrfToken).header("Accept", "application/json").GET().build());
  }

  /** POST with a JSON body on the webapps' engine API. */
  public HttpResponse<String> enginePost(String pathAndQuery, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/" + pathAndQuery))
        .header("X-XSRF-TOKEN", csrfToken).header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** POST with a JSON body answered in HAL, as Tasklist asks for a filter's list of tasks. */
  public HttpResponse<String> halPost(String pathAndQuery, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/" + pathAndQuery))
        .header("X-XSRF-TOKEN", csrfToken).header("Accept", "application/hal+json")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** PUT with a JSON body on the webapps' engine API. */
  public HttpResponse<String> enginePut(String pathAndQuery, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/" + pathAndQuery))
        .header("X-XSRF-TOKEN", csrfToken).header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** GET on any path of the application with this session, e.g. a document's content. */
  public HttpResponse<byte[]> getBytes(String path, String accept) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET with this session on any path of the application, e.g. a page's data under {@code /camunda/api/govcloud}. */
  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET().build());
  }

  /**
   * A multipart POST with this session and, if {@code withToken}, the CSRF token, as a page's upload form sends it:
   * text fields and one file {@code file}.
   */
  public HttpResponse<String> postMultipart(String path, java.util.Map<String, String> fields, String fileName,
      byte[] content, boolean withToken) {
    String boundary = "----govcloud" + System.nanoTime();
    var body = new java.io.ByteArrayOutputStream();
    java.util.function.Consumer<String> text = t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
    fields.forEach((k, v) -> text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
        + "\"\r\n\r\n" + v + "\r\n"));
    text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.writeBytes(content);
    text.accept("\r\n--" + boundary + "--\r\n");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "application/json").header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (withToken) {
      request.header("X-XSRF-TOKEN", csrfToken);
    }
    return send(request.build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      // the CSRF token is bound to the session, which login renews: keep the newest one
      response.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> csrfToken = t);
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
