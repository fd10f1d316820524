package cn.gov.gz.govcloud.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A small HTTP server for tests that stands in for the SMS gateway or WeCom: it records every request and answers
 * what the test's responder says (JSON with status 200 unless told otherwise).
 */
public final class FakeHttpServer implements AutoCloseable {

  /** One request as it arrived. */
  public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().isEmpty() ? null : e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** An answer: status and JSON body. */
  public record Answer(int status, String body) {
    public static Answer ok(String json) {
      return new Answer(200, json);
    }
  }

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
  private volatile Function<Request, Answer> responder;

  public FakeHttpServer(int port, Function<Request, Answer> responder) throws IOException {
    this.responder = responder;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request r = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
      requests.add(r);
      Answer a = this.responder.apply(r);
      byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
      exchange.sendResponseHeaders(a.status(), out.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(out);
      }
    });
    server.start();
  }

  public void respond(Function<Request, Answer> responder) {
    this.responder = responder;
  }

  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  public List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  public void clear() {
    requests.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
