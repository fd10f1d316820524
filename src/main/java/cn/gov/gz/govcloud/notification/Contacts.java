package cn.gov.gz.govcloud.notification;

import static cn.gov.gz.govcloud.web.Text.blankToNull;

import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the service pages a person besides mail (table {@code notification_contact}): a mainland mobile number for SMS
 * and a WeCom user id. Camunda's user profile has no such fields (and an LDAP directory may not either), so they are
 * kept here, entered by the person or an administrator. Someone without them still gets mail.
 */
@Service
class Contacts {

  static final Pattern MOBILE = Pattern.compile("^(\\+?86)?1[3-9][0-9]{9}$");
  static final Pattern WECOM_ID = Pattern.compile("^[A-Za-z0-9_.@-]{1,64}$");

  /** A person's paging addresses; either may be null. */
  public record Contact(String userId, String mobile, String wecomUserId, Instant updatedAt, String updatedBy) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  Contacts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Contact find(String userId) {
    return jdbc.sql("SELECT user_id, mobile, wecom_user_id, updated_at, updated_by FROM notification_contact "
            + "WHERE user_id = ?").param(userId).query(Contacts::map).optional().orElse(null);
  }

  Map<String, Contact> findAll(Collection<String> userIds) {
    Map<String, Contact> out = new HashMap<>();
    List<String> ids = userIds.stream().distinct().toList();
    for (int i = 0; i < ids.size(); i += 500) {
      List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
      jdbc.sql("SELECT user_id, mobile, wecom_user_id, updated_at, updated_by FROM notification_contact "
              + "WHERE user_id IN (:ids)").param("ids", chunk).query(Contacts::map).list()
          .forEach(c -> out.put(c.userId(), c));
    }
    return out;
  }

  List<Contact> list() {
    return jdbc.sql("SELECT user_id, mobile, wecom_user_id, updated_at, updated_by FROM notification_contact "
        + "ORDER BY user_id").query(Contacts::map).list();
  }

  /** Sets (or, with both empty, removes) a person's paging addresses; bad values answer 400 naming the field. */
  @Transactional
  public Contact save(String userId, String mobile, String wecomUserId, String by) {
    String m = blankToNull(mobile);
    String w = blankToNull(wecomUserId);
    List<FieldError> errors = new ArrayList<>();
    if (m != null && !MOBILE.matcher(m.replace(" ", "").replace("-", "")).matches()) {
      errors.add(new FieldError(null, "mobile", "应为 11 位手机号码，如 13800001234"));
    }
    if (w != null && !WECOM_ID.matcher(w).matches()) {
      errors.add(new FieldError(null, "wecomUserId", "企业微信账号只能包含字母、数字和 _ . @ -，最长 64 位"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    if (m != null) {
      m = m.replace(" ", "").replace("-", "");
    }
    Instant now = clock.instant();
    jdbc.sql("DELETE FROM notification_contact WHERE user_id = ?").param(userId).update();
    if (m == null && w == null) {
      return null;
    }
    jdbc.sql("INSERT INTO notification_contact (user_id, mobile, wecom_user_id, updated_at, updated_by) "
        + "VALUES (?, ?, ?, ?, ?)").params(userId, m, w, Timestamp.from(now), by).update();
    return find(userId);
  }

  private static Contact map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
        rs.getString(5));
  }
}
