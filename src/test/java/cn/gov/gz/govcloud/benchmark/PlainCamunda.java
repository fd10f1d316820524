package cn.gov.gz.govcloud.benchmark;

import cn.gov.gz.govcloud.reliability.TestDatabase;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The plain Camunda 7.24 application of benchmarks/plain-camunda (issue 26): built with the project's Maven wrapper,
 * started as its own process on a free port, on an in-memory H2 database or, in the PostgreSQL suite, on a fresh
 * PostgreSQL database of its own; stopped and its database dropped on close.
 */
final class PlainCamunda implements AutoCloseable {

  static final Path PROJECT = Path.of("benchmarks", "plain-camunda");

  private final Process process;
  private final TestDatabase database;
  private final Path log;
  final String base;

  private PlainCamunda(Process process, TestDatabase database, Path log, String base) {
    this.process = process;
    this.database = database;
    this.log = log;
    this.base = base;
  }

  static PlainCamunda start() throws Exception {
    Path temp = Files.createTempDirectory("plain-camunda");
    Process build = new ProcessBuilder(new File("mvnw").getAbsolutePath(), "-B", "-q", "-f",
        PROJECT.resolve("pom.xml").toString(), "package", "-DskipTests").inheritIO().start();
    if (build.waitFor() != 0) {
      throw new IllegalStateException("benchmarks/plain-camunda did not build");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    TestDatabase database = TestDatabase.create("plain", temp);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", PROJECT.resolve("target/plain-camunda.jar").toString(), "--server.port=" + port));
    database.datasourceArgs().forEach(a -> command.add("--" + a));
    Path log = temp.resolve("plain-camunda.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    PlainCamunda plain = new PlainCamunda(process, database, log, "http://127.0.0.1:" + port + "/engine-rest");
    plain.awaitDeployed();
    return plain;
  }

  private void awaitDeployed() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("plain Camunda stopped: " + Files.readString(log));
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/process-definition/key/plain"))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("plain Camunda did not start in 3 minutes: " + Files.readString(log));
  }

  /** A start of the plain process over its REST API (no authentication: the starter's default). */
  HttpRequest startRequest(String businessKey) {
    return HttpRequest.newBuilder(URI.create(base + "/process-definition/key/plain/start"))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"businessKey\":\"" + businessKey + "\"}")).build();
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    database.close();
  }
}
