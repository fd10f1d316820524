package cn.gov.gz.govcloud.integration;

import static cn.gov.gz.govcloud.engine.Sql.ts;
import static cn.gov.gz.govcloud.engine.Sql.instant;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.engine.Privileged;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The integrations that may report alerts. Each has a technical Camunda user ({@code integration-<id>}, group
 * {@value Groups#INTEGRATION}: start rights for the case processes only, no webapp, no password anyone knows), so the
 * engine's authorization, the unit isolation and the start rules see who starts a case, and the audit log names it.
 *
 * <p>The token ({@code gci_<id>_<43 random characters>}, 256 bits from {@link SecureRandom}) is shown once, when it is
 * issued, and kept only as its SHA-256 hash: a random token of that length needs no slow password hash, and a leaked
 * table reveals no token. It is sent as {@code Authorization: Bearer <token>}, compared in constant time, and is good
 * only for the intake endpoint of its source. Issuing a new token ends the old one; revoking ends both.
 */
@Service
class IntegrationClients {

  static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,39}$");
  static final Pattern TOKEN = Pattern.compile("^gci_([a-z0-9][a-z0-9-]{1,39})_([A-Za-z0-9_-]{43})$");
  static final String USER_PREFIX = "integration-";

  /** An integration as administrators see it (never with its token). */
  public record Client(String id, String name, Source source, String userId, Instant createdAt, String createdBy,
      Instant tokenIssuedAt, Instant revokedAt) {
    public boolean active() {
      return revokedAt == null;
    }
  }

  /** A client with the token just issued: the only time the token is shown. */
  public record Issued(Client client, String token) {}

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final Privileged privileged;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  IntegrationClients(JdbcClient jdbc, IdentityService identity, Privileged privileged, Clock clock) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.privileged = privileged;
    this.clock = clock;
  }

  /** Registers an integration, creates its technical user and issues its first token. */
  @Transactional
  public Issued register(String id, String name, String source, String by) {
    List<FieldError> errors = new ArrayList<>();
    if (id == null || !ID.matcher(id).matches()) {
      errors.add(new FieldError(null, "id", "2–40 位小写字母、数字或 -，以字母或数字开头，如 alertmanager-prod"));
    } else if (find(id).isPresent()) {
      errors.add(new FieldError(null, "id", "该接入标识已存在: " + id));
    }
    if (name == null || name.isBlank() || name.length() > 100) {
      errors.add(new FieldError(null, "name", "请填写名称（最长 100 字）"));
    }
    Source kind = null;
    try {
      kind = source == null ? null : Source.valueOf(source.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      kind = null;
    }
    if (kind == null) {
      errors.add(new FieldError(null, "source", "取值 ALERTMANAGER、ZABBIX"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    String userId = USER_PREFIX + id;
    String displayName = name.strip();
    privileged.run(() -> {
      if (identity.createUserQuery().userId(userId).count() == 0) {
        User user = identity.newUser(userId);
        user.setFirstName("外部系统");
        user.setLastName(displayName.length() > 40 ? displayName.substring(0, 40) : displayName);
        user.setPassword(unusablePassword());
        identity.saveUser(user);
      }
      if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.INTEGRATION).count() == 0) {
        identity.createMembership(userId, Groups.INTEGRATION);
      }
      return null;
    });
    String token = newToken(id);
    Instant now = clock.instant();
    jdbc.sql("INSERT INTO integration_client (id, name, source, user_id, token_hash, created_at, created_by, "
            + "token_issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, displayName, kind.name(), userId, hash(token), ts(now), by, ts(now)).update();
    return new Issued(find(id).orElseThrow(), token);
  }

  /** Issues a new token; the old one stops working at once. A revoked integration is active again. */
  @Transactional
  public Issued reissue(String id) {
    require(id);
    String token = newToken(id);
    jdbc.sql("UPDATE integration_client SET token_hash = ?, token_issued_at = ?, revoked_at = NULL WHERE id = ?")
        .params(hash(token), ts(clock.instant()), id).update();
    return new Issued(find(id).orElseThrow(), token);
  }

  @Transactional
  public Client revoke(String id) {
    require(id);
    jdbc.sql("UPDATE integration_client SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
        .params(ts(clock.instant()), id).update();
    return find(id).orElseThrow();
  }

  public List<Client> list() {
    return jdbc.sql("SELECT * FROM integration_client ORDER BY id").query(IntegrationClients::map).list();
  }

  public Optional<Client> find(String id) {
    return jdbc.sql("SELECT * FROM integration_client WHERE id = ?").param(id).query(IntegrationClients::map)
        .optional();
  }

  private Client require(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("外部系统接入不存在: " + id));
  }

  /** The active integration a bearer token belongs to, or empty for any other text. */
  public Optional<Client> authenticate(String token) {
    Matcher m = token == null ? null : TOKEN.matcher(token.strip());
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    String id = m.group(1);
    Optional<String> stored = jdbc.sql("SELECT token_hash FROM integration_client WHERE id = ? AND revoked_at IS NULL")
        .param(id).query(String.class).optional();
    byte[] given = hash(token.strip()).getBytes(StandardCharsets.US_ASCII);
    if (stored.isEmpty() || !MessageDigest.isEqual(stored.get().getBytes(StandardCharsets.US_ASCII), given)) {
      return Optional.empty();
    }
    return find(id);
  }

  /** The integration a token names (its id part), valid or not: for the audit of a refused request. */
  static String claimedId(String token) {
    Matcher m = token == null ? null : TOKEN.matcher(token.strip());
    return m != null && m.matches() ? m.group(1) : null;
  }

  private String newToken(String id) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    return "gci_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** A password nobody knows (the technical user never logs in), of a shape any password policy accepts. */
  private String unusablePassword() {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    return "Aa1!" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Client map(ResultSet rs, int row) throws SQLException {
    return new Client(rs.getString("id"), rs.getString("name"), Source.valueOf(rs.getString("source")),
        rs.getString("user_id"), instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
        instant(rs.getTimestamp("token_issued_at")), instant(rs.getTimestamp("revoked_at")));
  }
}
