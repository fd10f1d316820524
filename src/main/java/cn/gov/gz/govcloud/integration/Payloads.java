package cn.gov.gz.govcloud.integration;

import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The two formats we read, checked field by field (a bad payload answers 400 naming every bad field, and nothing is
 * stored), into {@link ExternalAlert}s.
 */
final class Payloads {

  static final int MAX_ALERTS = 1000;
  private static final Pattern FINGERPRINT = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
  private static final Pattern EVENT_ID = Pattern.compile("^[0-9]{1,20}$");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
  /** A Zabbix macro its server could not resolve arrives as its own name, e.g. {EVENT.RECOVERY.ID}. */
  private static final Pattern UNRESOLVED_MACRO = Pattern.compile("^(\\{[A-Z0-9_.]+}\\s*)+$");
  private static final DateTimeFormatter ZABBIX_TIME = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm[:ss]");
  static final List<String> ZABBIX_SEVERITIES =
      List.of("not_classified", "information", "warning", "average", "high", "disaster");

  private Payloads() {}

  /** A group notification of an Alertmanager webhook receiver (payload version 4). */
  record AlertmanagerGroup(String receiver, String status, String groupKey, String externalUrl,
      List<ExternalAlert> alerts) {}

  static AlertmanagerGroup alertmanager(JsonNode body) {
    List<FieldError> errors = new ArrayList<>();
    if (body == null || !body.isObject()) {
      throw ValidationException.of("body", "请求体应为 Alertmanager webhook 的 JSON 对象");
    }
    if (!"4".equals(text(body, "version"))) {
      errors.add(new FieldError(null, "version", "仅支持 Alertmanager webhook 第 4 版（\"version\": \"4\"）"));
    }
    String status = text(body, "status");
    if (status != null && !status.equals("firing") && !status.equals("resolved")) {
      errors.add(new FieldError(null, "status", "取值 firing 或 resolved"));
    }
    JsonNode alerts = body.get("alerts");
    List<ExternalAlert> out = new ArrayList<>();
    if (alerts == null || !alerts.isArray() || alerts.isEmpty()) {
      errors.add(new FieldError(null, "alerts", "至少需要一条告警"));
    } else if (alerts.size() > MAX_ALERTS) {
      errors.add(new FieldError(null, "alerts", "一次最多 " + MAX_ALERTS + " 条告警"));
    } else {
      for (int i = 0; i < alerts.size(); i++) {
        ExternalAlert a = alertmanagerAlert(alerts.get(i), "alerts[" + i + "].", errors);
        if (a != null) {
          out.add(a);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new AlertmanagerGroup(cut(text(body, "receiver"), 100), status, cut(text(body, "groupKey"), 500),
        cut(text(body, "externalURL"), 500), out);
  }

  private static ExternalAlert alertmanagerAlert(JsonNode a, String at, List<FieldError> errors) {
    if (a == null || !a.isObject()) {
      errors.add(new FieldError(null, at.substring(0, at.length() - 1), "应为告警对象"));
      return null;
    }
    int before = errors.size();
    String status = text(a, "status");
    if (!"firing".equals(status) && !"resolved".equals(status)) {
      errors.add(new FieldError(null, at + "status", "取值 firing 或 resolved"));
    }
    String fingerprint = text(a, "fingerprint");
    if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
      errors.add(new FieldError(null, at + "fingerprint", "应为告警指纹（字母和数字，最长 64 位）"));
    }
    Map<String, String> labels = strings(a.get("labels"), at + "labels", errors);
    Map<String, String> annotations = strings(a.get("annotations"), at + "annotations", errors);
    Instant startsAt = time(a, "startsAt", at, errors);
    Instant endsAt = time(a, "endsAt", at, errors);
    if (errors.size() > before) {
      return null;
    }
    String name = labels.getOrDefault("alertname", fingerprint);
    String summary = first(annotations, "summary", "message", "title");
    return new ExternalAlert(fingerprint, "firing".equals(status), cut(name, 200), labels,
        cut(summary == null ? name : summary, 1000), cut(first(annotations, "description"), 2000), startsAt,
        "firing".equals(status) ? null : endsAt, cut(text(a, "generatorURL"), 500));
  }

  /**
   * One event of a Zabbix webhook media type (our script, docs/integration.md): {@code eventId}, {@code eventValue}
   * (1 problem, 0 recovery), {@code severity} (0–5 or its name), {@code host}, {@code triggerName}, {@code tags}
   * ({@code [{"tag", "value"}]}, as {EVENT.TAGSJSON} gives them), {@code eventTime} and {@code recoveryTime}
   * ({@code yyyy.MM.dd HH:mm:ss} in Beijing time, or ISO 8601), {@code message}, {@code url}, {@code updateStatus}
   * (1 for an update such as an acknowledgement: recorded, changes nothing).
   */
  record ZabbixEvent(ExternalAlert alert, boolean update) {}

  static ZabbixEvent zabbix(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ValidationException.of("body", "请求体应为 JSON 对象（见 Zabbix 媒体类型脚本）");
    }
    List<FieldError> errors = new ArrayList<>();
    String eventId = zabbixText(body, "eventId");
    if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
      errors.add(new FieldError(null, "eventId", "应为 Zabbix 问题事件编号 {EVENT.ID}（数字）"));
    }
    String value = zabbixText(body, "eventValue");
    if (!"1".equals(value) && !"0".equals(value)) {
      errors.add(new FieldError(null, "eventValue", "应为 {EVENT.VALUE}：1 问题，0 恢复"));
    }
    String severity = zabbixText(body, "severity");
    String severityName = null;
    if (severity != null) {
      String s = severity.toLowerCase(Locale.ROOT).replace(' ', '_');
      if (s.matches("[0-5]")) {
        severityName = ZABBIX_SEVERITIES.get(Integer.parseInt(s));
      } else if (ZABBIX_SEVERITIES.contains(s)) {
        severityName = s;
      } else {
        errors.add(new FieldError(null, "severity", "应为 {EVENT.NSEVERITY}（0–5）或严重性名称"));
      }
    }
    String trigger = zabbixText(body, "triggerName");
    if (trigger == null) {
      errors.add(new FieldError(null, "triggerName", "请传入触发器名称 {EVENT.NAME}"));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    JsonNode tags = body.get("tags");
    if (tags != null && !tags.isNull() && !(tags.isTextual() && UNRESOLVED_MACRO.matcher(tags.asText()).matches())) {
      if (tags.isArray()) {
        for (int i = 0; i < tags.size(); i++) {
          JsonNode t = tags.get(i);
          String tag = t == null ? null : text(t, "tag");
          if (tag == null) {
            errors.add(new FieldError(null, "tags[" + i + "].tag", "应为 {\"tag\": …, \"value\": …}"));
          } else {
            labels.put(cut(tag, 100), cut(clean(t.path("value").asText("")), 500));
          }
        }
      } else if (tags.isObject()) {
        labels.putAll(strings(tags, "tags", errors));
      } else {
        errors.add(new FieldError(null, "tags", "应为 {EVENT.TAGSJSON} 的数组"));
      }
    }
    Instant eventTime = zabbixTime(body, "eventTime", errors);
    Instant recoveryTime = zabbixTime(body, "recoveryTime", errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    String host = zabbixText(body, "host");
    if (host != null) {
      labels.putIfAbsent("host", cut(host, 200));
    }
    if (severityName != null) {
      labels.put("severity", severityName);
    }
    boolean firing = "1".equals(value);
    String message = zabbixText(body, "message");
    ExternalAlert alert = new ExternalAlert(eventId, firing, cut(trigger, 200), labels,
        cut(trigger + (host == null ? "" : "（主机 " + host + "）"), 1000), cut(message, 2000), eventTime,
        firing ? null : recoveryTime, cut(zabbixText(body, "url"), 500));
    return new ZabbixEvent(alert, "1".equals(zabbixText(body, "updateStatus")));
  }

  private static String zabbixText(JsonNode body, String field) {
    String s = text(body, field);
    return s == null || UNRESOLVED_MACRO.matcher(s).matches() ? null : s;
  }

  private static Instant zabbixTime(JsonNode body, String field, List<FieldError> errors) {
    String s = zabbixText(body, field);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s, ZABBIX_TIME).atZone(CityTime.ZONE).toInstant();
      } catch (DateTimeParseException again) {
        errors.add(new FieldError(null, field, "时间格式应为 yyyy.MM.dd HH:mm:ss（北京时间）或 ISO 8601"));
        return null;
      }
    }
  }

  private static Instant time(JsonNode node, String field, String at, List<FieldError> errors) {
    String s = text(node, field);
    if (s == null || s.startsWith("0001-01-01")) {
      return null; // Alertmanager's zero time: not set
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(null, at + field, "时间格式应为 RFC 3339，如 2026-11-25T08:40:00+08:00"));
      return null;
    }
  }

  private static Map<String, String> strings(JsonNode node, String at, List<FieldError> errors) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      errors.add(new FieldError(null, at, "应为键值对象"));
      return out;
    }
    if (node.size() > 100) {
      errors.add(new FieldError(null, at, "最多 100 项"));
      return out;
    }
    node.fields().forEachRemaining(e -> {
      if (e.getValue().isValueNode()) {
        out.put(cut(clean(e.getKey()), 100), cut(clean(e.getValue().asText()), 2000));
      }
    });
    return out;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = clean(v.asText()).strip();
    return s.isEmpty() ? null : s;
  }

  private static String first(Map<String, String> map, String... keys) {
    for (String k : keys) {
      String v = map.get(k);
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  /** Control characters (other than tab and line breaks) are dropped: the engine refuses them in variables. */
  static String clean(String s) {
    return s == null ? null : CONTROL.matcher(s).replaceAll("");
  }

  static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
