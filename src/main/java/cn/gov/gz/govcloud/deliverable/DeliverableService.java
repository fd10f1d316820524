package cn.gov.gz.govcloud.deliverable;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.deliverable.DeliverableProperties.Item;
import cn.gov.gz.govcloud.engine.Privileged;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.web.ValidationException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents the provider uploads for the register and management approves: each upload is archived in the report
 * archive (kind {@value #KIND}, subject {@code D-<item>}, a new version each time, nothing overwritten) and recorded
 * here with its approval; a new upload starts {@code deliverable-approval}, an upload that replaces a returned document
 * goes back into that document's approval.
 */
@Implements(value = "P3 5.5.2.1", what = "管理类等非系统生成的交付文档上传后归档，每一版保存")
@Service
public class DeliverableService {

  /** The report-archive kind of uploaded deliverables. */
  public static final String KIND = "DELIVERABLE";
  /** Who may upload: the provider's desk, managers and engineers. */
  static final List<String> UPLOADERS = List.of(Groups.SERVICE_DESK, Groups.OPS_MANAGER, Groups.OPS_ENGINEER);
  static final String RESUBMIT_TASK = "Task_ResubmitDocument";
  private static final Map<String, String> TYPES = Map.of("pdf", "application/pdf", "docx", ReportArchive.DOCX,
      "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "doc", "application/msword",
      "xls", "application/vnd.ms-excel", "zip", "application/zip", "ofd", "application/ofd",
      "wps", "application/vnd.ms-works", "pptx",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation");
  private static final String COLUMNS = "id, item_no, title, period, note, report_id, version, file_name, size_bytes, "
      + "status, replaces_id, process_instance_id, uploaded_by, uploaded_at, decided_by, decided_at, decision_reason";

  private final JdbcClient jdbc;
  private final ReportArchive archive;
  private final DeliverableProperties properties;
  private final Privileged privileged;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final Clock clock;

  DeliverableService(JdbcClient jdbc, ReportArchive archive, DeliverableProperties properties, Privileged privileged,
      RuntimeService runtime, TaskService tasks, Clock clock) {
    this.jdbc = jdbc;
    this.archive = archive;
    this.properties = properties;
    this.privileged = privileged;
    this.runtime = runtime;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** What an upload carries besides the file. */
  record Upload(String title, String period, String note, Long replaces, boolean submit) {}

  /** The archive subject of an item's uploads, e.g. {@code D-07}. */
  static String subject(int itemNo) {
    return String.format(Locale.ROOT, "D-%02d", itemNo);
  }

  /** The item of a number given as text, or a 400 naming {@code itemNo}. */
  Item item(String itemNo) {
    int no;
    try {
      no = Integer.parseInt(itemNo.strip());
    } catch (NumberFormatException | NullPointerException e) {
      throw ValidationException.of("itemNo", "交付物编号应为 1–" + properties.getItems().size() + " 的数字");
    }
    Item item = properties.item(no);
    if (item == null) {
      throw ValidationException.of("itemNo", "没有第 " + no + " 项交付物（附录 D 表 D.1 共 "
          + properties.getItems().size() + " 项）");
    }
    return item;
  }

  /**
   * Archives an uploaded version and sends it for approval. Checks everything before writing anything.
   */
  @Transactional
  public DeliverableDocument upload(Caller caller, Item item, String fileName, byte[] content, Upload in) {
    if (!caller.inAny(UPLOADERS.toArray(String[]::new))) {
      throw new AccessDeniedException("只有服务方（服务台、运维经理、工程师）可以上传交付文档");
    }
    if (!item.uploads()) {
      throw ValidationException.of("itemNo", "第 " + item.no() + " 项“" + item.name() + "”由系统生成或为实时台账，不接受上传");
    }
    if (content == null || content.length == 0) {
      throw ValidationException.of("file", "请选择要上传的文件（文件不能为空）");
    }
    if (content.length > properties.getMaxUploadBytes()) {
      throw ValidationException.of("file", "文件不能超过 " + properties.getMaxUploadBytes() / 1024 / 1024 + " MB");
    }
    String title = in.title() == null ? "" : in.title().strip();
    if (title.isEmpty()) {
      throw ValidationException.of("title", "请填写文档标题");
    }
    if (title.length() > 200) {
      throw ValidationException.of("title", "文档标题不能超过 200 字");
    }
    String period = blankToNull(in.period());
    if (period != null && period.length() > 100) {
      throw ValidationException.of("period", "所属期间不能超过 100 字");
    }
    String note = blankToNull(in.note());
    if (note != null && note.length() > 2000) {
      throw ValidationException.of("note", "说明不能超过 2000 字");
    }
    DeliverableDocument returned = null;
    if (in.replaces() != null) {
      returned = find(in.replaces()).orElse(null);
      if (returned == null || returned.itemNo() != item.no()
          || !DeliverableDocument.RETURNED.equals(returned.status()) || resubmitTask(returned) == null) {
        throw ValidationException.of("replaces", "只能替换本项中被退回、等待重新提交的文档");
      }
    }
    String name = safeName(fileName);
    ReportDocument d = archive.archive(KIND, subject(item.no()), title, returned == null ? null
        : returned.processInstanceId(), null, name, contentType(name), content, caller.userId());
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO deliverable_document (item_no, title, period, note, report_id, version, file_name, "
            + "size_bytes, status, replaces_id, process_instance_id, uploaded_by, uploaded_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(item.no(), title, period, note, d.id(), d.version(), name, (long) content.length,
            DeliverableDocument.PENDING, in.replaces(), returned == null ? null : returned.processInstanceId(),
            caller.userId(), Timestamp.from(clock.instant()))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    if (returned == null) {
      String pi = privileged.run(() -> runtime.createProcessInstanceByKey(DeliverableVariables.APPROVAL_PROCESS)
          .businessKey("DL-" + id).setVariable(DeliverableVariables.DOCUMENT_ID, id)
          .setVariable(DeliverableVariables.ITEM_NO, item.no())
          .setVariable(DeliverableVariables.UPLOADED_BY, caller.userId()).execute().getId());
      jdbc.sql("UPDATE deliverable_document SET process_instance_id = ? WHERE id = ?").params(pi, id).update();
      archive.attach(d.id(), pi);
    } else if (in.submit()) {
      tasks.complete(resubmitTask(returned).getId(), Map.of(DeliverableVariables.RESUBMIT_ACTION,
          DeliverableVariables.RESUBMIT));
    }
    return get(id);
  }

  /** The resubmit task of a returned document's approval, or null when its approval does not wait for it. */
  Task resubmitTask(DeliverableDocument returned) {
    if (returned.processInstanceId() == null) {
      return null;
    }
    return privileged.run(() -> tasks.createTaskQuery().processInstanceId(returned.processInstanceId())
        .taskDefinitionKey(RESUBMIT_TASK).singleResult());
  }

  public DeliverableDocument get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("交付文档不存在: " + id));
  }

  Optional<DeliverableDocument> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM deliverable_document WHERE id = ?").param(id)
        .query(DeliverableService::map).optional();
  }

  /** Every uploaded version of an item, newest first. */
  public List<DeliverableDocument> versions(int itemNo) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM deliverable_document WHERE item_no = ? ORDER BY id DESC")
        .param(itemNo).query(DeliverableService::map).list();
  }

  /** Every uploaded version, newest first (the register reads the latest per item). */
  List<DeliverableDocument> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM deliverable_document ORDER BY id DESC")
        .query(DeliverableService::map).list();
  }

  /** Management's decision on a pending version. */
  @Transactional
  public DeliverableDocument decide(long id, boolean approve, String reason, String by) {
    DeliverableDocument d = get(id);
    if (!DeliverableDocument.PENDING.equals(d.status())) {
      throw ValidationException.of(DeliverableVariables.APPROVAL_DECISION, "该文档已" + d.statusLabel() + "，不能再审批");
    }
    String why = blankToNull(reason);
    if (!approve && why == null) {
      throw ValidationException.of(DeliverableVariables.APPROVAL_REASON, "退回时请填写退回理由");
    }
    if (why != null && why.length() > 2000) {
      throw ValidationException.of(DeliverableVariables.APPROVAL_REASON, "意见不能超过 2000 字");
    }
    jdbc.sql("UPDATE deliverable_document SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ? "
            + "WHERE id = ?")
        .params(approve ? DeliverableDocument.APPROVED : DeliverableDocument.RETURNED, by,
            Timestamp.from(clock.instant()), why, id)
        .update();
    return get(id);
  }

  /** The pending version uploaded to replace a returned one, if any (the newest). */
  Optional<DeliverableDocument> replacement(long returnedId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM deliverable_document WHERE replaces_id = ? AND status = ? "
            + "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
        .params(returnedId, DeliverableDocument.PENDING).query(DeliverableService::map).optional();
  }

  /** The provider gives up a returned document: it and any replacement not yet submitted are withdrawn. */
  @Transactional
  public void withdraw(long returnedId, String reason, String by) {
    String why = blankToNull(reason);
    if (why == null) {
      throw ValidationException.of(DeliverableVariables.RESUBMIT_REASON, "撤回时请填写理由");
    }
    if (why.length() > 2000) {
      throw ValidationException.of(DeliverableVariables.RESUBMIT_REASON, "理由不能超过 2000 字");
    }
    jdbc.sql("UPDATE deliverable_document SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ? "
            + "WHERE (id = ? OR (replaces_id = ? AND status = ?))")
        .params(DeliverableDocument.WITHDRAWN, by, Timestamp.from(clock.instant()), "撤回：" + why, returnedId,
            returnedId, DeliverableDocument.PENDING)
        .update();
  }

  static String contentType(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }

  static String safeName(String fileName) {
    String name = fileName == null || fileName.isBlank() ? "交付文档" : fileName.replaceAll("[\\/\\\\\\r\\n\"]", "_");
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static DeliverableDocument map(ResultSet rs, int row) throws SQLException {
    Timestamp decided = rs.getTimestamp("decided_at");
    return new DeliverableDocument(rs.getLong("id"), rs.getInt("item_no"), rs.getString("title"),
        rs.getString("period"), rs.getString("note"), rs.getLong("report_id"), rs.getInt("version"),
        rs.getString("file_name"), rs.getLong("size_bytes"), rs.getString("status"),
        rs.getObject("replaces_id", Long.class), rs.getString("process_instance_id"), rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toInstant(), rs.getString("decided_by"),
        decided == null ? null : decided.toInstant(), rs.getString("decision_reason"));
  }
}
