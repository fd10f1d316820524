package cn.gov.gz.govcloud.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit?user=&action=&q=&from=&to=&page=&size=}: the audit trail, newest first, for supervisors,
 * management and the administrator ({@code govcloud.audit.search-groups}). {@code q} is a fuzzy (substring) search over
 * path, object id and description; {@code action} matches an action and its sub-actions ({@code task} finds {@code
 * task.claim}, {@code task.complete}, ...); {@code from} and {@code to} are dates ({@code 2026-11-25}, China time) or
 * ISO date-times, {@code to} exclusive (a date means the end of that day); {@code kept=true} lists the rows kept
 * beyond the retention period, {@code kept=false} the others.
 *
 * <p>{@code POST /api/audit/{id}/keep {"reason": "…"}} marks a row as important: it is kept beyond the retention period
 * (GB/T 34077.3 8.4.3 f 4); {@code POST /api/audit/{id}/release} returns it to the retention period. Both for {@code
 * govcloud.audit.keep-groups} (management and the administrator), and both are themselves in the trail.
 */
@Tag(name = "审计日志", description = "谁在何时从何处做了什么（GB/T 22239 三级）；监理方、管理方和系统管理员可查。")
@RestController
@RequestMapping("/api/audit")
class AuditController {

  static final ZoneId CHINA = cn.gov.gz.govcloud.engine.CityTime.ZONE;
  static final int MAX_SIZE = 200;
  static final int MAX_TEXT = 200;

  private final AuditLog log;
  private final AuditProperties properties;
  private final CurrentUser currentUser;

  AuditController(AuditLog log, AuditProperties properties, CurrentUser currentUser) {
    this.log = log;
    this.properties = properties;
    this.currentUser = currentUser;
  }

  @Operation(summary = "查询审计日志", description = "按用户、操作、模糊文本和时间段查询，最新在前，分页（size 1–200），不返回总数。")
  @GetMapping
  AuditLog.Page search(@RequestParam(required = false) String user, @RequestParam(required = false) String action,
      @RequestParam(required = false) String q, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String kept,
      @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
    Caller caller = currentUser.require();
    if (!caller.isAdmin() && !caller.inAny(properties.searchGroups().toArray(String[]::new))) {
      throw new AccessDeniedException("只有监理方、管理方和系统管理员可以查询审计日志");
    }
    List<FieldError> errors = new ArrayList<>();
    String u = text("user", user, errors);
    String a = text("action", action, errors);
    String text = text("q", q, errors);
    Instant f = time("from", from, false, errors);
    Instant t = time("to", to, true, errors);
    Boolean k = bool("kept", kept, errors);
    int p = number("page", page, 0, 0, 100_000, errors);
    int s = number("size", size, 50, 1, MAX_SIZE, errors);
    if (f != null && t != null && !f.isBefore(t)) {
      errors.add(new FieldError(null, "to", "结束时间必须晚于开始时间"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return log.search(new AuditLog.Query(u, a, text, f, t, k, p, s));
  }

  /** What a keep request carries: why the row matters. */
  record KeepRequest(String reason) {}

  @Operation(summary = "设定审计记录长期保存", description = "管理方或系统管理员对一条记录说明原因后长期保存，不受保留期限清理。")
  @PostMapping("/{id}/keep")
  AuditEvent keep(@PathVariable String id, @RequestBody(required = false) KeepRequest body) {
    Caller caller = requireKeeper();
    long rowId = rowId(id);
    String reason = body == null || body.reason() == null ? "" : body.reason().trim();
    if (reason.isEmpty()) {
      throw ValidationException.of("reason", "请说明长期保存的原因");
    }
    if (reason.length() > MAX_TEXT) {
      throw ValidationException.of("reason", "不能超过 " + MAX_TEXT + " 个字符");
    }
    if (!log.keep(rowId, caller.userId(), reason, Instant.now())) {
      throw new NotFoundException("审计记录 " + rowId + " 不存在（可能已超过保留期被清理）");
    }
    return log.find(rowId).orElseThrow();
  }

  @Operation(summary = "取消长期保存", description = "将一条长期保存的记录恢复为按保留期限清理。")
  @PostMapping("/{id}/release")
  AuditEvent release(@PathVariable String id) {
    requireKeeper();
    long rowId = rowId(id);
    if (!log.release(rowId)) {
      throw new NotFoundException("审计记录 " + rowId + " 不存在（可能已超过保留期被清理）");
    }
    return log.find(rowId).orElseThrow();
  }

  private Caller requireKeeper() {
    Caller caller = currentUser.require();
    if (!caller.isAdmin() && !caller.inAny(properties.keepGroups().toArray(String[]::new))) {
      throw new AccessDeniedException("只有管理方和系统管理员可以设定审计记录长期保存");
    }
    return caller;
  }

  private static long rowId(String id) {
    try {
      long n = Long.parseLong(id.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ValidationException.of("id", "审计记录编号应为正整数");
  }

  private static Boolean bool(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.trim()) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> {
        errors.add(new FieldError(null, field, "应为 true 或 false"));
        yield null;
      }
    };
  }

  private static String text(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_TEXT) {
      errors.add(new FieldError(null, field, "不能超过 " + MAX_TEXT + " 个字符"));
      return null;
    }
    return value.trim();
  }

  private static Instant time(String field, String value, boolean endOfDay, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        return (endOfDay ? d.plusDays(1) : d).atStartOfDay(CHINA).toInstant();
      }
      if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(v).toInstant();
      }
      return LocalDateTime.parse(v).atZone(CHINA).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(null, field, "日期格式应为 2026-11-25 或 2026-11-25T08:30:00"));
      return null;
    }
  }

  private static int number(String field, String value, int dflt, int min, int max, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < min || n > max) {
        errors.add(new FieldError(null, field, "取值应在 " + min + " 到 " + max + " 之间"));
      }
      return n;
    } catch (NumberFormatException e) {
      errors.add(new FieldError(null, field, "应为整数"));
      return dflt;
    }
  }
}
