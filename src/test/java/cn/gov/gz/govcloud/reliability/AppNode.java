package cn.gov.gz.govcloud.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * One application node: the packaged jar started as an operating-system process of its own on a free loopback port,
 * its console written to {@code target/reliability-logs}. Killed with SIGKILL, never stopped gracefully.
 */
final class AppNode implements AutoCloseable {

  final String name;
  final int port;
  final Path log;
  private final Process process;

  private AppNode(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /** The build's output folder ({@code target}), found from where the test classes are. */
  static Path targetDir() {
    try {
      Path classes = Path.of(AppNode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return classes.getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The executable Spring Boot jar the package phase wrote (the newest one holding BOOT-INF). */
  static Path jar() {
    Path target = targetDir();
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
          .filter(p -> !p.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar"))
          .filter(AppNode::isBootJar)
          .max(Comparator.comparing(p -> p.toFile().lastModified()))
          .orElseThrow(() -> new IllegalStateException("no executable jar in " + target
              + ": run the integration tests through the verify phase (./mvnw verify), which packages it first"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isBootJar(Path p) {
    try (JarFile jar = new JarFile(p.toFile())) {
      return jar.getEntry("BOOT-INF/classes/") != null || jar.getEntry("BOOT-INF/lib/") != null;
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts the jar with these Spring arguments (each {@code key=value}, passed as {@code --key=value}, which win over
   * the environment and the profiles' files) on a fresh free port.
   */
  static AppNode start(String name, List<String> springArgs) throws IOException {
    int port = freePort();
    Path logs = targetDir().resolve("reliability-logs");
    Files.createDirectories(logs);
    Path log = logs.resolve(name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss-SSS"))
        + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:+ExitOnOutOfMemoryError",
        "-Dfile.encoding=UTF-8", "-jar", jar().toString(), "--server.port=" + port, "--server.address=127.0.0.1",
        "--spring.main.banner-mode=off"));
    springArgs.forEach(a -> command.add("--" + a));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // the child takes its configuration from the arguments only, not from a developer's or CI's environment
    for (String key : List.of("SPRING_PROFILES_ACTIVE", "DB_URL", "DB_USER", "DB_PASSWORD", "ADMIN_PASSWORD", "PORT",
        "DEMO", "MAIL_HOST", "JAVA_TOOL_OPTIONS")) {
      builder.environment().remove(key);
    }
    Files.writeString(log, String.join(" ", command).replaceAll("password=\\S+", "password=***") + "\n\n",
        StandardCharsets.UTF_8);
    return new AppNode(name, port, log, builder.start());
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Polls the health endpoint until the node answers UP (the engine, the database and the job executor are up). */
  AppNode awaitUp(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was up; log "
            + log + ":\n" + tail());
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(name + " not up within " + timeout + "; log " + log + ":\n" + tail());
  }

  /** SIGKILL (not a graceful stop): the JVM gets no chance to finish anything. */
  void kill() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " (pid " + process.pid() + ") did not die on SIGKILL");
      }
    }
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
