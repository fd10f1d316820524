package cn.gov.gz.govcloud.report;

import cn.gov.gz.govcloud.access.UnitScope;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.compliance.Implements;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report archive: every generated document is kept with its kind, subject, process instance, unit, version and
 * SHA-256 checksum. Generating again for the same subject adds a version; nothing is overwritten. Unit users read
 * their own unit's reports only.
 */
@Implements(value = "P6 7.6.2.7", what = "报告归档：每一版单独保存、不覆盖，附 SHA-256 校验值，防止报告丢失或被改动")
@Implements(value = "P3 5.5.2.1", what = "服务过程产出的报告存档")
@Service
public class ReportArchive {

  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final String COLUMNS = "id, kind, subject_ref, title, process_instance_id, unit_code, version, "
      + "checksum_sha256, file_name, content_type, created_by, created_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  ReportArchive(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The version the next document about this subject will get (the rendered text names it). */
  public int nextVersion(String kind, String subjectRef) {
    return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM report_document WHERE kind = ? AND subject_ref = ?")
        .params(kind, subjectRef).query(Integer.class).single() + 1;
  }

  @Transactional
  public ReportDocument archive(String kind, String subjectRef, String title, String processInstanceId,
      String unitCode, String fileName, String contentType, byte[] content, String by) {
    int version = nextVersion(kind, subjectRef);
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO report_document (kind, subject_ref, title, process_instance_id, unit_code, version, "
            + "checksum_sha256, file_name, content_type, content, created_by, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(kind, subjectRef, title, processInstanceId, unitCode, version, sha256(content), fileName, contentType,
            content, by, Timestamp.from(clock.instant()))
        .update(keys, "id");
    return get(keys.getKey().longValue());
  }

  /**
   * Links a document archived before its process started to that process, so the process's tasks list it under
   * 相关文档 (a deliverable's first upload starts its approval only once the file is kept). A document already linked
   * stays with its process.
   */
  public void attach(long id, String processInstanceId) {
    jdbc.sql("UPDATE report_document SET process_instance_id = ? WHERE id = ? AND process_instance_id IS NULL")
        .params(processInstanceId, id).update();
  }

  public ReportDocument get(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM report_document WHERE id = ?").param(id)
        .query(ReportArchive::map).optional().orElseThrow(() -> new NotFoundException("报告不存在: " + id));
  }

  /** A report the caller may read (unit users: their unit's). */
  public ReportDocument get(long id, Caller caller) {
    ReportDocument d = get(id);
    if (!caller.seesAllUnits() && (d.unitCode() == null || !caller.unitCodes().contains(d.unitCode()))) {
      throw new NotFoundException("报告不存在: " + id);
    }
    return d;
  }

  public byte[] content(long id) {
    return jdbc.sql("SELECT content FROM report_document WHERE id = ?").param(id)
        .query((rs, i) -> rs.getBytes(1)).single();
  }

  public List<ReportDocument> search(Caller caller, String kind, String subjectRef, String processInstanceId,
      int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM report_document WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!UnitScope.restrict(caller, "unit_code", sql, params)) {
      return List.of();
    }
    if (kind != null) {
      sql.append(" AND kind = ?");
      params.add(kind);
    }
    if (subjectRef != null) {
      sql.append(" AND subject_ref = ?");
      params.add(subjectRef);
    }
    if (processInstanceId != null) {
      sql.append(" AND process_instance_id = ?");
      params.add(processInstanceId);
    }
    sql.append(" ORDER BY created_at DESC, id DESC FETCH FIRST ").append(Math.min(Math.max(limit, 1), 500))
        .append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params).query(ReportArchive::map).list();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ReportDocument map(ResultSet rs, int row) throws SQLException {
    return new ReportDocument(rs.getLong("id"), rs.getString("kind"), rs.getString("subject_ref"),
        rs.getString("title"), rs.getString("process_instance_id"), rs.getString("unit_code"), rs.getInt("version"),
        rs.getString("checksum_sha256"), rs.getString("file_name"), rs.getString("content_type"),
        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
  }
}
