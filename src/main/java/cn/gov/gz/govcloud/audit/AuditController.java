package cn.gov.gz.govcloud.audit;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit?user=&action=&q=&from=&to=&page=&size=}: the audit trail, newest first, for supervisors,
 * management and the administrator ({@code govcloud.audit.search-groups}). {@code q} is a fuzzy (substring) search over
 * path, object id and description; {@code action} matches an action and its sub-actions ({@code task} finds {@code
 * task.claim}, {@code task.complete}, ...); {@code from} and {@code to} are dates ({@code 2026-11-25}, China time) or
 * ISO date-times, {@code to} exclusive (a date means the end of that day).
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
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

  @GetMapping
  AuditLog.Page search(@RequestParam(required = false) String user, @RequestParam(required = false) String action,
      @RequestParam(required = false) String q, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
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
    int p = number("page", page, 0, 0, 100_000, errors);
    int s = number("size", size, 50, 1, MAX_SIZE, errors);
    if (f != null && t != null && !f.isBefore(t)) {
      errors.add(new FieldError(null, "to", "结束时间必须晚于开始时间"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return log.search(new AuditLog.Query(u, a, text, f, t, p, s));
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
