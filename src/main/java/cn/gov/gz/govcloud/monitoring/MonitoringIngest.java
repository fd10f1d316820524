package cn.gov.gz.govcloud.monitoring;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingestion of metric samples from the cloud platform (P6 7.2.3.3): a batch is validated row by row (a bad row is
 * rejected with its index, field and reason; the good rows are stored), stored with batched inserts, checked against
 * the thresholds, and alerts that call for a case are handed to {@link MonitoringCases} after the batch has committed.
 */
@Implements(value = "P6 7.2.1.3",
    what = "监控数据对接：按接口规范接收云平台推送的采样（POST /api/monitoring/samples）")
@Implements(value = "P6 7.2.1.4",
    what = "采集数据清洗：无效值、缺失字段、未登记的资源逐行拒收并说明原因，有效行入库")
@Implements(value = "P3 5.1.1", what = "运营数据对接服务：监控采样接口")
@Implements(value = "P6 7.2.3.3.2", what = "按附录 B 阈值（决策表 monitoring-thresholds）判定越限并告警")
@Implements(value = "P3 5.1.3.3", what = "实时监控：每个采样按附录 B 监控项判定")
@Service
class MonitoringIngest {

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final TransactionTemplate tx;
  private final MonitoringThresholds thresholds;
  private final AlertService alerts;
  private final MonitoringCases cases;
  private final MonitoringProperties properties;
  private final Clock clock;

  MonitoringIngest(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions,
      MonitoringThresholds thresholds, AlertService alerts, MonitoringCases cases, MonitoringProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.template = template;
    this.tx = new TransactionTemplate(transactions);
    this.thresholds = thresholds;
    this.alerts = alerts;
    this.cases = cases;
    this.properties = properties;
    this.clock = clock;
  }

  /** The answer to a batch: how many rows were stored and rejected (with reasons), and what the alerts did. */
  public record Result(int accepted, int rejected, List<FieldError> errors, int alertsOpened, int alertsUpdated,
      int alertsClosed, int casesStarted, int casesJoined) {}

  /** Who may post samples: the administrator and the configured groups (ops staff, an integration account's group). */
  void requireIngest(Caller caller) {
    if (!caller.isAdmin() && !caller.inAny(properties.ingestGroups().toArray(String[]::new))) {
      throw new AccessDeniedException("无权上报监控数据（仅限运维人员或监控接入账号）");
    }
  }

  public Result ingest(JsonNode body, Caller caller) {
    requireIngest(caller);
    if (body == null || !body.isArray()) {
      throw ValidationException.of("samples", "请求体应为采样记录的 JSON 数组");
    }
    if (body.isEmpty()) {
      throw ValidationException.of("samples", "至少需要一条采样记录");
    }
    if (body.size() > properties.maxBatch()) {
      throw ValidationException.of("samples", "一次最多上报 " + properties.maxBatch() + " 条");
    }
    Instant now = clock.instant();
    List<FieldError> errors = new ArrayList<>();
    List<Integer> rows = new ArrayList<>(body.size());
    List<Sample> parsed = new ArrayList<>(body.size());
    for (int i = 0; i < body.size(); i++) {
      Sample s = parse(i, body.get(i), now, errors);
      if (s != null) {
        rows.add(i);
        parsed.add(s);
      }
    }
    Map<String, LedgerInfo> ledger = ledger(parsed.stream().map(Sample::resourceId).collect(
        java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    List<Sample> good = new ArrayList<>(parsed.size());
    Set<String> seen = new HashSet<>();
    for (int k = 0; k < parsed.size(); k++) {
      Sample s = parsed.get(k);
      LedgerInfo info = ledger.get(s.resourceId());
      if (info == null) {
        errors.add(new FieldError(rows.get(k), "resourceId", "资源编号不在台账中: " + s.resourceId()));
      } else if ("RELEASED".equals(info.state())) {
        errors.add(new FieldError(rows.get(k), "resourceId", "资源已释放，不再接收监控数据: " + s.resourceId()));
      } else if (!seen.add(s.resourceId() + "|" + s.sampledAt())) {
        errors.add(new FieldError(rows.get(k), "sampledAt", "同一批次中该资源的采样时间重复"));
      } else {
        good.add(s);
      }
    }
    errors.sort((a, b) -> Integer.compare(a.row(), b.row()));
    if (good.isEmpty()) {
      return new Result(0, body.size(), errors, 0, 0, 0, 0, 0);
    }
    AlertService.Outcome outcome = tx.execute(status -> {
      store(good, now);
      return alerts.apply(good, ledger, thresholds.current());
    });
    Map<MonitoringCases.Result, Integer> started = outcome.needCase().isEmpty() ? Map.of()
        : cases.handle(outcome.needCase());
    return new Result(good.size(), body.size() - good.size(), errors, outcome.opened(), outcome.updated(),
        outcome.closed(), started.getOrDefault(MonitoringCases.Result.STARTED, 0),
        started.getOrDefault(MonitoringCases.Result.JOINED, 0));
  }

  private void store(List<Sample> samples, Instant now) {
    Timestamp received = Timestamp.from(now);
    template.batchUpdate("INSERT INTO monitoring_sample (resource_id, sampled_at, cpu_pct, memory_pct, storage_pct, "
            + "power_on, synced_at, sync_lag_s, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", samples, 1000,
        (ps, s) -> {
          ps.setString(1, s.resourceId());
          ps.setTimestamp(2, Timestamp.from(s.sampledAt()));
          ps.setBigDecimal(3, s.cpuPct());
          ps.setBigDecimal(4, s.memoryPct());
          ps.setBigDecimal(5, s.storagePct());
          ps.setBoolean(6, s.powerOn());
          ps.setTimestamp(7, s.syncedAt() == null ? null : Timestamp.from(s.syncedAt()));
          ps.setObject(8, s.syncLagSeconds(), java.sql.Types.BIGINT);
          ps.setTimestamp(9, received);
        });
  }

  /** The ledger rows of these resources (those not in the ledger are absent). */
  Map<String, LedgerInfo> ledger(Set<String> resourceIds) {
    Map<String, LedgerInfo> found = new HashMap<>();
    List<String> ids = new ArrayList<>(resourceIds);
    for (int from = 0; from < ids.size(); from += AlertService.CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + AlertService.CHUNK));
      jdbc.sql("SELECT resource_id, unit_code, business_system_code, type, disk_tb, state FROM rv_ledger_resource "
              + "WHERE resource_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")
          .params(chunk)
          .query((rs, i) -> new LedgerInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getBigDecimal(5), rs.getString(6)))
          .list().forEach(l -> found.put(l.resourceId(), l));
    }
    return found;
  }

  private Sample parse(int row, JsonNode n, Instant now, List<FieldError> errors) {
    if (n == null || !n.isObject()) {
      errors.add(new FieldError(row, "", "采样记录应为 JSON 对象"));
      return null;
    }
    int before = errors.size();
    String resourceId = text(n, "resourceId");
    if (resourceId == null) {
      errors.add(new FieldError(row, "resourceId", "缺少资源编号"));
    } else if (resourceId.length() > 64) {
      errors.add(new FieldError(row, "resourceId", "资源编号最长 64 位"));
    }
    Instant sampledAt = time(row, n, "sampledAt", errors);
    if (sampledAt == null && !n.hasNonNull("sampledAt")) {
      errors.add(new FieldError(row, "sampledAt", "缺少采样时间"));
    } else if (sampledAt != null && sampledAt.isAfter(now.plus(properties.futureTolerance()))) {
      errors.add(new FieldError(row, "sampledAt", "采样时间晚于当前时间"));
    } else if (sampledAt != null && sampledAt.isBefore(now.minus(properties.rawRetention()))) {
      errors.add(new FieldError(row, "sampledAt",
          "采样时间早于原始数据保留期（" + properties.rawRetention().toDays() + " 天）"));
    }
    String power = text(n, "powerState");
    Boolean powerOn = null;
    if (power == null) {
      errors.add(new FieldError(row, "powerState", "缺少电源状态（ON 或 OFF）"));
    } else if ("ON".equals(power.toUpperCase(Locale.ROOT))) {
      powerOn = true;
    } else if ("OFF".equals(power.toUpperCase(Locale.ROOT))) {
      powerOn = false;
    } else {
      errors.add(new FieldError(row, "powerState", "电源状态应为 ON 或 OFF: " + power));
    }
    BigDecimal cpu = percent(row, n, "cpuPct", Boolean.TRUE.equals(powerOn), errors);
    BigDecimal memory = percent(row, n, "memoryPct", Boolean.TRUE.equals(powerOn), errors);
    BigDecimal storage = percent(row, n, "storagePct", false, errors);
    Instant syncedAt = time(row, n, "syncedAt", errors);
    Long lag = null;
    if (syncedAt != null && sampledAt != null) {
      if (syncedAt.isAfter(sampledAt.plus(properties.futureTolerance()))) {
        errors.add(new FieldError(row, "syncedAt", "同步时间不能晚于采样时间"));
      } else {
        lag = Math.max(0, Duration.between(syncedAt, sampledAt).toSeconds());
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return new Sample(resourceId, sampledAt, cpu, memory, storage, powerOn, syncedAt, lag);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
  }

  private static Instant time(int row, JsonNode n, String field, List<FieldError> errors) {
    String s = text(n, field);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (RuntimeException e) {
      try {
        return Instant.parse(s);
      } catch (RuntimeException again) {
        errors.add(new FieldError(row, field, "时间格式应为 ISO 8601，如 2026-11-25T08:40:00+08:00"));
        return null;
      }
    }
  }

  private static BigDecimal percent(int row, JsonNode n, String field, boolean required, List<FieldError> errors) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        errors.add(new FieldError(row, field, "开机状态下必须上报该利用率"));
      }
      return null;
    }
    BigDecimal d;
    if (v.isNumber()) {
      d = v.decimalValue();
    } else {
      try {
        d = new BigDecimal(v.asText().strip());
      } catch (NumberFormatException e) {
        errors.add(new FieldError(row, field, "利用率应为数字"));
        return null;
      }
    }
    if (d.signum() < 0 || d.compareTo(HUNDRED) > 0) {
      errors.add(new FieldError(row, field, "利用率应在 0–100 之间"));
      return null;
    }
    return d.setScale(2, RoundingMode.HALF_UP);
  }
}
