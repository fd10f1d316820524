package cn.gov.gz.govcloud.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The database the child processes share: an H2 file database in a temporary folder (the embedded default), or, on
 * the PostgreSQL suite ({@code -Ppostgres-tests}), a fresh database created next to the configured one
 * ({@code TEST_DB_URL}, {@code TEST_DB_USER}, {@code TEST_DB_PASSWORD}, as in {@code application-test-postgres.yml})
 * and dropped afterwards, so that jobs left by other tests cannot run in these nodes. Where the user may not create
 * databases, the configured database itself is used.
 */
public final class TestDatabase implements AutoCloseable {

  private final boolean postgres;
  private final Path h2Dir;
  private final String url;
  private final String user;
  private final String password;
  private final String adminUrl;
  private final String createdName;

  private TestDatabase(boolean postgres, Path h2Dir, String url, String user, String password, String adminUrl,
      String createdName) {
    this.postgres = postgres;
    this.h2Dir = h2Dir;
    this.url = url;
    this.user = user;
    this.password = password;
    this.adminUrl = adminUrl;
    this.createdName = createdName;
  }

  /** Whether this run of the suite is the PostgreSQL one (the failsafe configuration passes the Spring profiles). */
  public static boolean postgresSuite() {
    return System.getProperty("spring.profiles.active", "").contains("postgres");
  }

  public static TestDatabase create(String purpose, Path tempDir) throws SQLException {
    if (!postgresSuite()) {
      return new TestDatabase(false, tempDir, null, null, null, null, null);
    }
    String configured = env("TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    String user = env("TEST_DB_USER", "postgres");
    String password = env("TEST_DB_PASSWORD", "");
    int slash = configured.lastIndexOf('/');
    int query = configured.indexOf('?', slash);
    String base = configured.substring(0, slash + 1);
    String dbName = configured.substring(slash + 1, query < 0 ? configured.length() : query);
    String params = query < 0 ? "" : configured.substring(query);
    String name = (dbName + "_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    try (Connection c = DriverManager.getConnection(configured, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
      return new TestDatabase(true, null, base + name + params, user, password, configured, name);
    } catch (SQLException cannotCreate) {
      System.out.println("[reliability] cannot create a database of its own (" + cannotCreate.getMessage()
          + "); using " + configured);
      return new TestDatabase(true, null, configured, user, password, null, null);
    }
  }

  boolean postgres() {
    return postgres;
  }

  /** The datasource of this database as Spring arguments (none for H2: the application's own default applies). */
  public List<String> datasourceArgs() {
    return postgres ? List.of("spring.datasource.url=" + url, "spring.datasource.username=" + user,
        "spring.datasource.password=" + password) : List.of();
  }

  /** The Spring arguments that put a node on this database (demo users and data on, as in demo mode). */
  List<String> springArgs() {
    List<String> args = new ArrayList<>();
    if (postgres) {
      args.add("spring.profiles.active=postgres");
      args.add("spring.datasource.url=" + url);
      args.add("spring.datasource.username=" + user);
      args.add("spring.datasource.password=" + password);
      args.add("govcloud.demo.enabled=true");
      args.add("camunda.bpm.generic-properties.properties.enable-password-policy=false"); // demo users: "demo"
      args.add("camunda.bpm.webapp.session-cookie.enable-secure-cookie=false");
      args.add("camunda.bpm.webapp.csrf.enable-secure-cookie=false");
    } else {
      // the embedded default exactly as a newcomer runs it: demo mode, H2 file database under GOVCLOUD_DATA_DIR
      args.add("spring.profiles.active=demo");
      args.add("GOVCLOUD_DATA_DIR=" + h2Dir.toAbsolutePath());
    }
    return args;
  }

  @Override
  public void close() {
    if (createdName == null) {
      return;
    }
    try (Connection c = DriverManager.getConnection(adminUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + createdName + " WITH (FORCE)");
    } catch (SQLException e) {
      System.out.println("[reliability] could not drop database " + createdName + ": " + e.getMessage());
    }
  }

  private static String env(String key, String fallback) {
    String v = System.getenv(key);
    return v == null || v.isBlank() ? fallback : v;
  }
}
