package cn.gov.gz.govcloud.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests that run the packaged application as processes of their own share: a database of their own, the
 * nodes they started on it, and killing both when the test ends.
 */
abstract class NodeTest {

  static final String DEMO = "demo";
  static final Duration UP = Duration.ofMinutes(4);

  @TempDir
  Path dataDir;

  final String adminPassword = "it-" + UUID.randomUUID();
  final List<AppNode> nodes = new ArrayList<>();
  TestDatabase database;

  /**
   * Starts a node on the test database with a host name of its own (the job log names it) and these further
   * settings, and waits until it is up. Timers are looked for every second, so that they fire within a second or two.
   */
  AppNode startNode(String hostname, List<String> settings) throws Exception {
    List<String> args = new ArrayList<>(database.springArgs());
    args.add("camunda.bpm.admin-user.password=" + adminPassword);
    args.add("camunda.bpm.generic-properties.properties.hostname=" + hostname);
    args.add("camunda.bpm.job-execution.wait-time-in-millis=1000");
    args.addAll(settings);
    AppNode node = AppNode.start(hostname, args);
    nodes.add(node);
    return node.awaitUp(UP);
  }

  @AfterEach
  void killNodesAndDropDatabase() throws Exception {
    for (AppNode n : nodes) {
      n.kill();
    }
    if (database != null) {
      database.close();
    }
  }
}
