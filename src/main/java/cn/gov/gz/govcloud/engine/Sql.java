package cn.gov.gz.govcloud.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The conversions every room's SQL needs between instants and JDBC timestamps; null stays null. */
public final class Sql {

  private Sql() {}

  public static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  public static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    return instant(rs.getTimestamp(column));
  }
}
