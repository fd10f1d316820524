package cn.gov.gz.govcloud.optimization;

import cn.gov.gz.govcloud.sla.WorkingCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The utilisation of every resource over a period, read from the monitoring room's reporting views
 * ({@code rv_monitoring_daily}, {@code rv_monitoring_sample}): what the statistics (P6 7.5.2) measure.
 */
@Component
class MonitoringFigures {

  private final JdbcClient jdbc;

  MonitoringFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Monitoring figures per resource and day, summed over the period. */
  static final class Acc {
    int days;
    double cpuSum;
    long cpuCount;
    BigDecimal cpuMax;
    double memSum;
    long memCount;
    BigDecimal memMax;
    double stoSum;
    long stoCount;
    BigDecimal stoMax;
    TreeSet<LocalDate> offDays;

    void add(ResultSet rs, int c) throws SQLException {
      days += rs.getInt(c);
      cpuSum += rs.getDouble(c + 1);
      cpuCount += rs.getLong(c + 2);
      cpuMax = max(cpuMax, rs.getBigDecimal(c + 3));
      memSum += rs.getDouble(c + 4);
      memCount += rs.getLong(c + 5);
      memMax = max(memMax, rs.getBigDecimal(c + 6));
      stoSum += rs.getDouble(c + 7);
      stoCount += rs.getLong(c + 8);
      stoMax = max(stoMax, rs.getBigDecimal(c + 9));
    }

    void off(LocalDate day) {
      if (offDays == null) {
        offDays = new TreeSet<>();
      }
      offDays.add(day);
    }

    int longestOffRun() {
      if (offDays == null) {
        return 0;
      }
      int best = 0;
      int run = 0;
      LocalDate prev = null;
      for (LocalDate d : offDays) {
        run = prev != null && prev.plusDays(1).equals(d) ? run + 1 : 1;
        best = Math.max(best, run);
        prev = d;
      }
      return best;
    }

    BigDecimal cpuAvg() {
      return avg(cpuSum, cpuCount);
    }

    BigDecimal memAvg() {
      return avg(memSum, memCount);
    }

    BigDecimal stoAvg() {
      return avg(stoSum, stoCount);
    }

    private static BigDecimal avg(double sum, long count) {
      return count == 0 ? null : BigDecimal.valueOf(sum / count).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
      return a == null ? b : b == null ? a : a.max(b);
    }
  }

  /**
   * Per resource over the period: days with data, sums and peaks of CPU, memory and storage, and the days it was off
   * all day. Whole days rolled up into the daily figures are read from there; days whose raw samples are still kept
   * are aggregated from the samples, one day at a time.
   */
  Map<String, Acc> perResource(LocalDate from, LocalDate to) {
    Map<String, Acc> acc = new HashMap<>();
    jdbc.sql("SELECT resource_id, COUNT(*), SUM(cpu_sum), SUM(cpu_count), MAX(cpu_max), SUM(memory_sum), "
            + "SUM(memory_count), MAX(memory_max), SUM(storage_sum), SUM(storage_count), MAX(storage_max) "
            + "FROM rv_monitoring_daily WHERE sample_day >= ? AND sample_day <= ? AND sample_count > 0 "
            + "GROUP BY resource_id")
        .params(Date.valueOf(from), Date.valueOf(to))
        .query(rs -> {
          acc.computeIfAbsent(rs.getString(1), k -> new Acc()).add(rs, 2);
        });
    jdbc.sql("SELECT resource_id, sample_day FROM rv_monitoring_daily WHERE sample_day >= ? AND sample_day <= ? "
            + "AND sample_count > 0 AND power_off_count >= sample_count")
        .params(Date.valueOf(from), Date.valueOf(to))
        .query(rs -> {
          acc.computeIfAbsent(rs.getString(1), k -> new Acc()).off(rs.getDate(2).toLocalDate());
        });
    Timestamp firstRaw = jdbc.sql("SELECT MIN(sampled_at) FROM rv_monitoring_sample").query(Timestamp.class).optional()
        .orElse(null);
    if (firstRaw == null) {
      return acc;
    }
    LocalDate day = LocalDate.ofInstant(firstRaw.toInstant(), WorkingCalendar.CHINA);
    for (LocalDate d = day.isAfter(from) ? day : from; !d.isAfter(to); d = d.plusDays(1)) {
      LocalDate current = d;
      jdbc.sql("SELECT resource_id, 1, SUM(cpu_pct), COUNT(cpu_pct), MAX(cpu_pct), SUM(memory_pct), "
              + "COUNT(memory_pct), MAX(memory_pct), SUM(storage_pct), COUNT(storage_pct), MAX(storage_pct), "
              + "SUM(CASE WHEN power_on THEN 1 ELSE 0 END) FROM rv_monitoring_sample "
              + "WHERE sampled_at >= ? AND sampled_at < ? GROUP BY resource_id")
          .params(Timestamp.from(d.atStartOfDay(WorkingCalendar.CHINA).toInstant()),
              Timestamp.from(d.plusDays(1).atStartOfDay(WorkingCalendar.CHINA).toInstant()))
          .query(rs -> {
            Acc a = acc.computeIfAbsent(rs.getString(1), k -> new Acc());
            a.add(rs, 2);
            if (rs.getLong(12) == 0) {
              a.off(current);
            }
          });
    }
    return acc;
  }
}
