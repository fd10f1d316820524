package cn.gov.gz.govcloud.notification;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The little HTTP the paging channels need: a JSON POST or GET with a timeout, and the answer as status and JSON. */
final class HttpJson {

  record Answer(int status, String body, JsonNode json) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client;

  HttpJson(Duration connectTimeout) {
    this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  Answer post(String url, String body, String contentType, Map<String, String> headers, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return answer(client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
  }

  Answer get(String url, Duration timeout) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
    return answer(client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
  }

  String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The contents of a JSON string literal for {@code s}, without the quotes. */
  static String escape(String s) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(s == null ? "" : s));
  }

  /** Text cut to at most {@code maxBytes} of UTF-8 (WeCom counts bytes), ending in "…" when cut. */
  static String cutBytes(String s, int maxBytes) {
    if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    int used = 3; // the ellipsis
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + n > maxBytes) {
        break;
      }
      b.appendCodePoint(cp);
      used += n;
      i += Character.charCount(cp);
    }
    return b.append('…').toString();
  }

  private static Answer answer(HttpResponse<String> response) {
    JsonNode json = null;
    try {
      json = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
    } catch (IOException e) {
      // not JSON: the status decides
    }
    return new Answer(response.statusCode(), response.body(), json);
  }

  /** A short description of an answer for the outbox's last error (no secrets: the body of the other side only). */
  static String describe(Answer a) {
    String body = a.body() == null ? "" : a.body().replaceAll("\\s+", " ");
    return "HTTP " + a.status() + (body.isEmpty() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) : body));
  }
}
