package cn.gov.gz.govcloud.monitoring;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.web.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Current / average / peak / trough per resource and period (DOMAIN.md §4), from the daily roll-ups and the raw
 * samples not yet rolled up; and the roll-up itself: raw samples older than the raw retention become one row per
 * resource and day (China time) and are then deleted; daily rows older than the daily retention (at least 6 months,
 * GB/T 34077.3 8.2.2 e) are deleted. The roll-up takes a row lock ({@code monitoring_lock}), works one day per
 * transaction and merges into an existing daily row, so two nodes running it at once roll each sample exactly once.
 */
@Implements(value = "P3 5.1.3.4", what = "收集监控数据：当前、平均、峰值、谷值统计与按日汇总")
@Implements(value = "GB 8.2.2 e", what = "监控记录保存：原始采样按日汇总，日汇总数据至少保存 6 个月")
@Service
class MonitoringStats {

  static final ZoneId CHINA = cn.gov.gz.govcloud.engine.CityTime.ZONE;
  private static final Logger log = LoggerFactory.getLogger(MonitoringStats.class);
  private static final String AGG = "COUNT(*), SUM(CASE WHEN power_on THEN 0 ELSE 1 END), "
      + "SUM(cpu_pct), COUNT(cpu_pct), MAX(cpu_pct), MIN(cpu_pct), "
      + "SUM(memory_pct), COUNT(memory_pct), MAX(memory_pct), MIN(memory_pct), "
      + "SUM(storage_pct), COUNT(storage_pct), MAX(storage_pct), MIN(storage_pct), "
      + "SUM(sync_lag_s), COUNT(sync_lag_s), MAX(sync_lag_s), MIN(sync_lag_s)";
  private static final String DAILY_AGG = "SUM(sample_count), SUM(power_off_count), "
      + "SUM(cpu_sum), SUM(cpu_count), MAX(cpu_max), MIN(cpu_min), "
      + "SUM(memory_sum), SUM(memory_count), MAX(memory_max), MIN(memory_min), "
      + "SUM(storage_sum), SUM(storage_count), MAX(storage_max), MIN(storage_min), "
      + "SUM(sync_lag_sum), SUM(sync_count), MAX(sync_lag_max), MIN(sync_lag_min)";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final TransactionTemplate tx;
  private final MonitoringIngest ingest;
  private final MonitoringProperties properties;
  private final Clock clock;

  MonitoringStats(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions,
      MonitoringIngest ingest, MonitoringProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.template = template;
    this.tx = new TransactionTemplate(transactions);
    this.ingest = ingest;
    this.properties = properties;
    this.clock = clock;
  }

  /** Sum, count, max and min of one metric; combinable. */
  static final class Agg {
    BigDecimal sum;
    long count;
    BigDecimal max;
    BigDecimal min;

    void add(BigDecimal s, long c, BigDecimal mx, BigDecimal mn) {
      if (c == 0) {
        return;
      }
      sum = sum == null ? s : sum.add(s);
      count += c;
      max = max == null || (mx != null && mx.compareTo(max) > 0) ? mx : max;
      min = min == null || (mn != null && mn.compareTo(min) < 0) ? mn : min;
    }

    BigDecimal average() {
      return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }
  }

  /** Everything aggregated of one resource over a span: per metric, samples and powered-off samples. */
  static final class Totals {
    final Map<Metric, Agg> metrics = new EnumMap<>(Metric.class);
    long samples;
    long poweredOff;

    Totals() {
      for (Metric m : Metric.values()) {
        metrics.put(m, new Agg());
      }
    }

    /** Reads the 18 aggregate columns starting at {@code col}. */
    void add(ResultSet rs, int col) throws SQLException {
      samples += rs.getLong(col);
      poweredOff += rs.getLong(col + 1);
      int c = col + 2;
      for (Metric m : Metric.values()) {
        metrics.get(m).add(rs.getBigDecimal(c), rs.getLong(c + 1), rs.getBigDecimal(c + 2), rs.getBigDecimal(c + 3));
        c += 4;
      }
    }
  }

  /** One metric over the period: latest value, average, peak and trough, and how many samples they come from. */
  public record MetricStats(String label, String unit, BigDecimal current, BigDecimal average, BigDecimal peak,
      BigDecimal trough, long samples) {}

  /** The statistics of one resource over a period. */
  public record ResourceStats(String resourceId, String unitCode, String businessSystemCode, String type,
      BigDecimal diskTb, Instant from, Instant to, long samples, long poweredOffSamples, String lastPowerState,
      Instant lastSampledAt, Map<String, MetricStats> metrics) {}

  public ResourceStats stats(String resourceId, Instant from, Instant to, Caller caller) {
    LedgerInfo info = ingest.ledger(java.util.Set.of(resourceId)).get(resourceId);
    if (info == null || !caller.mayAccessUnit(info.unitCode())) {
      throw new NotFoundException("资源不存在: " + resourceId);
    }
    if (!from.isBefore(to)) {
      throw ValidationException.of("to", "结束时间应晚于开始时间");
    }
    LocalDate firstDay = LocalDate.ofInstant(from, CHINA);
    if (firstDay.atStartOfDay(CHINA).toInstant().isBefore(from)) {
      firstDay = firstDay.plusDays(1);
    }
    LocalDate lastDay = LocalDate.ofInstant(to, CHINA).minusDays(1);
    Totals totals = new Totals();
    jdbc.sql("SELECT " + AGG + " FROM monitoring_sample WHERE resource_id = ? AND sampled_at >= ? AND sampled_at < ?")
        .params(resourceId, Timestamp.from(from), Timestamp.from(to))
        .query(rs -> {
          totals.add(rs, 1);
        });
    Last last = jdbc.sql("SELECT sampled_at, power_on, cpu_pct, memory_pct, storage_pct, sync_lag_s "
            + "FROM monitoring_sample WHERE resource_id = ? AND sampled_at >= ? AND sampled_at < ? "
            + "ORDER BY sampled_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")
        .params(resourceId, Timestamp.from(from), Timestamp.from(to))
        .query(MonitoringStats::last).optional().orElse(null);
    if (!lastDay.isBefore(firstDay)) {
      jdbc.sql("SELECT " + DAILY_AGG + " FROM monitoring_daily WHERE resource_id = ? AND sample_day >= ? "
              + "AND sample_day <= ?")
          .params(resourceId, Date.valueOf(firstDay), Date.valueOf(lastDay))
          .query(rs -> {
            totals.add(rs, 1);
          });
      Last lastDaily = jdbc.sql("SELECT last_sampled_at, last_power_on, last_cpu_pct, last_memory_pct, "
              + "last_storage_pct, last_sync_lag_s FROM monitoring_daily WHERE resource_id = ? AND sample_day >= ? "
              + "AND sample_day <= ? ORDER BY sample_day DESC FETCH FIRST 1 ROWS ONLY")
          .params(resourceId, Date.valueOf(firstDay), Date.valueOf(lastDay))
          .query(MonitoringStats::last).optional().orElse(null);
      if (last == null || (lastDaily != null && lastDaily.at().isAfter(last.at()))) {
        last = lastDaily;
      }
    }
    Map<String, MetricStats> metrics = new LinkedHashMap<>();
    for (Metric m : Metric.values()) {
      Agg a = totals.metrics.get(m);
      BigDecimal current = last == null ? null : last.values().get(m);
      if (m == Metric.SYNC) {
        metrics.put(m.key(), new MetricStats(m.label(), m.unit(), minutes(current), minutes(a.average()),
            minutes(a.max), minutes(a.min), a.count));
      } else {
        metrics.put(m.key(), new MetricStats(m.label(), m.unit(), strip(current), strip(a.average()), strip(a.max),
            strip(a.min), a.count));
      }
    }
    return new ResourceStats(resourceId, info.unitCode(), info.businessSystemCode(), info.type(), info.diskTb(), from,
        to, totals.samples, totals.poweredOff, last == null ? null : last.powerOn() ? "ON" : "OFF",
        last == null ? null : last.at(), metrics);
  }

  private record Last(Instant at, boolean powerOn, Map<Metric, BigDecimal> values) {}

  private static Last last(ResultSet rs, int row) throws SQLException {
    Map<Metric, BigDecimal> values = new EnumMap<>(Metric.class);
    values.put(Metric.CPU, rs.getBigDecimal(3));
    values.put(Metric.MEMORY, rs.getBigDecimal(4));
    values.put(Metric.STORAGE, rs.getBigDecimal(5));
    values.put(Metric.SYNC, rs.getBigDecimal(6));
    return new Last(rs.getTimestamp(1).toInstant(), rs.getBoolean(2), values);
  }

  private static BigDecimal minutes(BigDecimal seconds) {
    return seconds == null ? null
        : seconds.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  private static BigDecimal strip(BigDecimal d) {
    return d == null ? null : d.stripTrailingZeros();
  }

  // ---- roll-up ----

  /** What one roll-up did. */
  public record RollupResult(int days, long samplesRolled, int dailyRowsWritten, int dailyRowsExpired) {}

  @Scheduled(cron = "${govcloud.monitoring.rollup-cron:0 20 2 * * *}", zone = "${govcloud.time-zone:Asia/Shanghai}")
  void scheduledRollup() {
    RollupResult r = rollUp();
    if (r.days() > 0 || r.dailyRowsExpired() > 0) {
      log.info("Monitoring roll-up: {}", r);
    }
  }

  /** Rolls every whole day older than the raw retention into daily rows, then expires old daily rows. */
  public RollupResult rollUp() {
    Instant now = clock.instant();
    LocalDate cutoffDay = LocalDate.ofInstant(now.minus(properties.rawRetention()), CHINA);
    Instant boundary = cutoffDay.atStartOfDay(CHINA).toInstant();
    int days = 0;
    long rolled = 0;
    int written = 0;
    while (true) {
      long[] step = tx.execute(status -> rollOneDay(boundary, now));
      if (step == null) {
        break;
      }
      days++;
      rolled += step[0];
      written += (int) step[1];
    }
    LocalDate expireBefore = LocalDate.ofInstant(now.minus(properties.dailyRetention()), CHINA);
    Integer expired = tx.execute(status -> {
      lock();
      return jdbc.sql("DELETE FROM monitoring_daily WHERE sample_day < ?").param(Date.valueOf(expireBefore)).update();
    });
    return new RollupResult(days, rolled, written, expired == null ? 0 : expired);
  }

  private void lock() {
    jdbc.sql("SELECT name FROM monitoring_lock WHERE name = 'rollup' FOR UPDATE").query(String.class).single();
  }

  /** Rolls the oldest raw day before the boundary; null when there is none. */
  private long[] rollOneDay(Instant boundary, Instant now) {
    lock();
    Timestamp oldest = jdbc.sql("SELECT MIN(sampled_at) FROM monitoring_sample WHERE sampled_at < ?")
        .param(Timestamp.from(boundary)).query(Timestamp.class).optional().orElse(null);
    if (oldest == null) {
      return null;
    }
    LocalDate day = LocalDate.ofInstant(oldest.toInstant(), CHINA);
    Instant dayStart = day.atStartOfDay(CHINA).toInstant();
    Instant dayEnd = day.plusDays(1).atStartOfDay(CHINA).toInstant();
    if (dayEnd.isAfter(boundary)) {
      dayEnd = boundary;
    }
    Timestamp s = Timestamp.from(dayStart);
    Timestamp e = Timestamp.from(dayEnd);
    Map<String, Totals> groups = new HashMap<>();
    jdbc.sql("SELECT resource_id, " + AGG + " FROM monitoring_sample WHERE sampled_at >= ? AND sampled_at < ? "
            + "GROUP BY resource_id")
        .params(s, e).query(rs -> {
          Totals t = new Totals();
          t.add(rs, 2);
          groups.put(rs.getString(1), t);
        });
    Map<String, Last> lasts = new HashMap<>();
    jdbc.sql("SELECT m.resource_id, m.sampled_at, m.power_on, m.cpu_pct, m.memory_pct, m.storage_pct, m.sync_lag_s "
            + "FROM monitoring_sample m JOIN (SELECT resource_id, MAX(sampled_at) AS last_at FROM monitoring_sample "
            + "WHERE sampled_at >= ? AND sampled_at < ? GROUP BY resource_id) x "
            + "ON x.resource_id = m.resource_id AND x.last_at = m.sampled_at")
        .params(s, e).query(rs -> {
          Map<Metric, BigDecimal> values = new EnumMap<>(Metric.class);
          values.put(Metric.CPU, rs.getBigDecimal(4));
          values.put(Metric.MEMORY, rs.getBigDecimal(5));
          values.put(Metric.STORAGE, rs.getBigDecimal(6));
          values.put(Metric.SYNC, rs.getBigDecimal(7));
          lasts.put(rs.getString(1), new Last(rs.getTimestamp(2).toInstant(), rs.getBoolean(3), values));
        });
    // a day rolled before may get late samples: merge them into its row
    Map<String, Totals> existing = new HashMap<>();
    Map<String, Last> existingLast = new HashMap<>();
    jdbc.sql("SELECT resource_id, " + DAILY_AGG.replace("SUM(", "(").replace("MAX(", "(").replace("MIN(", "(")
            + ", last_sampled_at, last_power_on, last_cpu_pct, last_memory_pct, last_storage_pct, last_sync_lag_s "
            + "FROM monitoring_daily WHERE sample_day = ?")
        .param(Date.valueOf(day)).query(rs -> {
          Totals t = new Totals();
          t.add(rs, 2);
          existing.put(rs.getString(1), t);
          Map<Metric, BigDecimal> values = new EnumMap<>(Metric.class);
          values.put(Metric.CPU, rs.getBigDecimal(22));
          values.put(Metric.MEMORY, rs.getBigDecimal(23));
          values.put(Metric.STORAGE, rs.getBigDecimal(24));
          values.put(Metric.SYNC, rs.getBigDecimal(25));
          existingLast.put(rs.getString(1), new Last(rs.getTimestamp(20).toInstant(), rs.getBoolean(21), values));
        });
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    long samples = 0;
    for (var g : groups.entrySet()) {
      String resourceId = g.getKey();
      Totals t = g.getValue();
      samples += t.samples;
      Last last = lasts.get(resourceId);
      Totals before = existing.get(resourceId);
      if (before != null) {
        before.samples += t.samples;
        before.poweredOff += t.poweredOff;
        for (Metric m : Metric.values()) {
          Agg a = t.metrics.get(m);
          before.metrics.get(m).add(a.sum, a.count, a.max, a.min);
        }
        Last previous = existingLast.get(resourceId);
        if (previous.at().isAfter(last.at())) {
          last = previous;
        }
        t = before;
      }
      List<Object> row = new ArrayList<>();
      row.add(t.samples);
      for (Metric m : Metric.values()) {
        Agg a = t.metrics.get(m);
        row.add(a.sum);
        row.add(a.count);
        row.add(a.max);
        row.add(a.min);
      }
      row.add(t.poweredOff);
      row.add(Timestamp.from(last.at()));
      row.add(last.powerOn());
      row.add(last.values().get(Metric.CPU));
      row.add(last.values().get(Metric.MEMORY));
      row.add(last.values().get(Metric.STORAGE));
      row.add(last.values().get(Metric.SYNC));
      row.add(resourceId);
      row.add(Date.valueOf(day));
      (before != null ? updates : inserts).add(row.toArray());
    }
    String cols = "sample_count = ?, cpu_sum = ?, cpu_count = ?, cpu_max = ?, cpu_min = ?, memory_sum = ?, "
        + "memory_count = ?, memory_max = ?, memory_min = ?, storage_sum = ?, storage_count = ?, storage_max = ?, "
        + "storage_min = ?, sync_lag_sum = ?, sync_count = ?, sync_lag_max = ?, sync_lag_min = ?, "
        + "power_off_count = ?, last_sampled_at = ?, last_power_on = ?, last_cpu_pct = ?, last_memory_pct = ?, "
        + "last_storage_pct = ?, last_sync_lag_s = ?";
    template.batchUpdate("UPDATE monitoring_daily SET " + cols + " WHERE resource_id = ? AND sample_day = ?", updates);
    template.batchUpdate("INSERT INTO monitoring_daily (sample_count, cpu_sum, cpu_count, cpu_max, cpu_min, "
        + "memory_sum, memory_count, memory_max, memory_min, storage_sum, storage_count, storage_max, storage_min, "
        + "sync_lag_sum, sync_count, sync_lag_max, sync_lag_min, power_off_count, last_sampled_at, last_power_on, "
        + "last_cpu_pct, last_memory_pct, last_storage_pct, last_sync_lag_s, resource_id, sample_day) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
    jdbc.sql("DELETE FROM monitoring_sample WHERE sampled_at >= ? AND sampled_at < ?").params(s, e).update();
    return new long[] {samples, inserts.size() + updates.size()};
  }
}
