package cn.gov.gz.govcloud.monitoring;

import static cn.gov.gz.govcloud.engine.Sql.ts;
import static cn.gov.gz.govcloud.engine.Sql.instant;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.access.UnitScope;
import cn.gov.gz.govcloud.engine.CaseNumbers;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts from samples: a breach opens an alert for the resource and problem, or updates the open one (last seen,
 * count, worst value, severity); a sample back in range closes it. At most one alert per resource and problem is open
 * (a unique index on {@code open_key}); updates are relative ({@code count + n}, greatest/least), so two nodes
 * ingesting for the same resource at once lose nothing.
 */
@Service
class AlertService {

  static final String COLUMNS = "id, alert_no, resource_id, unit_code, business_system_code, resource_type, metric, "
      + "problem, severity, lower_limit, upper_limit, severe_limit, escalates, first_value, last_value, worst_value, "
      + "sample_count, first_seen_at, last_seen_at, status, closed_at, recovered_value, case_process_key, "
      + "case_instance_id, case_started_at, case_error";
  static final int CHUNK = 500;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final TransactionTemplate nested;
  private final MonitoringProperties properties;
  private final Clock clock;

  AlertService(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions,
      MonitoringProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.template = template;
    this.nested = new TransactionTemplate(transactions);
    this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.properties = properties;
    this.clock = clock;
  }

  /** What one batch did to the alerts, and which open alerts now call for a case. */
  record Outcome(int opened, int updated, int closed, List<Long> needCase) {}

  /** The running state of one alert within a batch. */
  private static final class State {
    Long id;
    final String resourceId;
    final String problem;
    final Metric metric;
    final LedgerInfo ledger;
    final Thresholds thresholds;
    final boolean high;
    boolean severe;
    BigDecimal firstValue;
    BigDecimal lastValue;
    BigDecimal worstValue;
    int newSamples;
    Instant firstSeen;
    Instant lastSeen;
    Instant dbFirstSeen;
    boolean hasCase;
    boolean closed;
    Instant closedAt;
    BigDecimal recoveredValue;

    State(String resourceId, String problem, Metric metric, LedgerInfo ledger, Thresholds thresholds, boolean high) {
      this.resourceId = resourceId;
      this.problem = problem;
      this.metric = metric;
      this.ledger = ledger;
      this.thresholds = thresholds;
      this.high = high;
    }

    void see(Instant at, BigDecimal value) {
      newSamples++;
      if (firstSeen == null || at.isBefore(firstSeen)) {
        firstSeen = at;
        firstValue = value;
      }
      if (lastSeen == null || !at.isBefore(lastSeen)) {
        lastSeen = at;
        lastValue = value;
      }
      worstValue = worstValue == null ? value : high ? worstValue.max(value) : worstValue.min(value);
      severe |= high && thresholds.severe(value);
    }
  }

  /**
   * Applies a batch of samples (any order) to the alerts, in the caller's transaction.
   *
   * @param ledger the ledger rows of every resource in the batch
   */
  Outcome apply(List<Sample> samples, Map<String, LedgerInfo> ledger, MonitoringThresholds.Lookup lookup) {
    List<Sample> ordered = new ArrayList<>(samples);
    ordered.sort((a, b) -> a.sampledAt().compareTo(b.sampledAt()));
    Map<String, State> open = loadOpen(ledger.keySet(), ledger, lookup);
    List<State> closedNow = new ArrayList<>();
    List<State> created = new ArrayList<>();
    for (Sample s : ordered) {
      LedgerInfo info = ledger.get(s.resourceId());
      for (Metric metric : Metric.values()) {
        if (!s.powerOn() && metric != Metric.STORAGE) {
          continue; // a powered-off machine has no CPU, memory or sync to judge (Appendix C tracks power-off days)
        }
        BigDecimal value = s.value(metric);
        if (value == null) {
          continue;
        }
        Thresholds t = lookup.of(metric, info.diskTb());
        boolean high = t.above(value);
        boolean low = !high && t.below(value);
        String highKey = key(s.resourceId(), metric.problem(true));
        String lowKey = key(s.resourceId(), metric.problem(false));
        close(open, high ? lowKey : low ? highKey : null, s, value, closedNow);
        if (!high && !low) {
          close(open, highKey, s, value, closedNow);
          close(open, lowKey, s, value, closedNow);
          continue;
        }
        String k = high ? highKey : lowKey;
        State state = open.get(k);
        if (state == null) {
          state = new State(s.resourceId(), metric.problem(high), metric, info, t, high);
          open.put(k, state);
          created.add(state);
        }
        state.see(s.sampledAt(), value);
      }
    }
    Instant now = clock.instant();
    // existing alerts first: new samples, then closes; new alerts last, so a problem that recovered and breached
    // again within the batch opens a fresh alert after the old one is closed
    List<Object[]> updates = new ArrayList<>();
    List<State> touched = new ArrayList<>(open.values());
    touched.addAll(closedNow);
    for (State st : touched) {
      if (st.id != null && st.newSamples > 0) {
        updates.add(updateArgs(st, now));
      }
    }
    template.batchUpdate(UPDATE, updates);
    List<Object[]> closes = new ArrayList<>();
    for (State st : closedNow) {
      if (st.id != null) {
        closes.add(new Object[] {ts(st.closedAt), st.recoveredValue, ts(now), st.id, ts(st.closedAt)});
      }
    }
    int closed = closes.isEmpty() ? 0 : sum(template.batchUpdate("UPDATE monitoring_alert SET status = 'CLOSED', "
        + "open_key = NULL, closed_at = ?, recovered_value = ?, updated_at = ? WHERE id = ? AND status = 'OPEN' "
        + "AND last_seen_at <= ?", closes));
    int opened = 0;
    for (State st : created) {
      if (insert(st, now)) {
        opened++;
        if (st.closed) {
          closed++;
        }
      }
    }
    List<Long> needCase = new ArrayList<>();
    for (State st : open.values()) {
      if (st.id != null && !st.closed && !st.hasCase && needsCase(st)) {
        needCase.add(st.id);
      }
    }
    return new Outcome(opened, updates.size(), closed, needCase);
  }

  private static final String UPDATE = "UPDATE monitoring_alert SET sample_count = sample_count + ?, "
      + "last_value = CASE WHEN last_seen_at <= ? THEN ? ELSE last_value END, "
      + "last_seen_at = CASE WHEN last_seen_at <= ? THEN ? ELSE last_seen_at END, "
      + "worst_value = CASE WHEN ? THEN GREATEST(worst_value, ?) ELSE LEAST(worst_value, ?) END, "
      + "severity = CASE WHEN ? THEN 'SEVERE' ELSE severity END, updated_at = ? WHERE id = ? AND status = 'OPEN'";

  private static Object[] updateArgs(State st, Instant now) {
    return new Object[] {st.newSamples, ts(st.lastSeen), st.lastValue, ts(st.lastSeen), ts(st.lastSeen), st.high,
        st.worstValue, st.worstValue, st.severe, ts(now), st.id};
  }

  /** A case is due when the breach is severe (an emergency) or has lasted the configured time (a work order). */
  private boolean needsCase(State st) {
    if (st.severe) {
      return true;
    }
    if (!st.high && !st.thresholds.lowEscalates()) {
      return false;
    }
    Instant first = st.dbFirstSeen != null && (st.firstSeen == null || st.dbFirstSeen.isBefore(st.firstSeen))
        ? st.dbFirstSeen : st.firstSeen;
    return first != null && st.lastSeen != null
        && Duration.between(first, st.lastSeen).compareTo(properties.sustainedFor()) >= 0;
  }

  private static void close(Map<String, State> open, String key, Sample s, BigDecimal value, List<State> closedNow) {
    if (key == null) {
      return;
    }
    State st = open.get(key);
    if (st == null || (st.lastSeen != null && s.sampledAt().isBefore(st.lastSeen))) {
      return;
    }
    st.closed = true;
    st.closedAt = s.sampledAt();
    st.recoveredValue = value;
    open.remove(key);
    closedNow.add(st);
  }

  /** Inserts a new alert; when another node opened the same one meanwhile, adds this batch's samples to it. */
  private boolean insert(State st, Instant now) {
    try {
      Long id = nested.execute(tx -> {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO monitoring_alert (open_key, resource_id, unit_code, business_system_code, "
                + "resource_type, metric, problem, severity, lower_limit, upper_limit, severe_limit, escalates, "
                + "first_value, last_value, worst_value, sample_count, first_seen_at, last_seen_at, status, closed_at, "
                + "recovered_value, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(st.closed ? null : key(st.resourceId, st.problem), st.resourceId, st.ledger.unitCode(),
                st.ledger.businessSystemCode(), st.ledger.type(), st.metric.name(), st.problem,
                st.severe ? "SEVERE" : "BREACH", st.thresholds.lower(), st.thresholds.upper(),
                st.thresholds.severe(), st.high || st.thresholds.lowEscalates(), st.firstValue, st.lastValue,
                st.worstValue, st.newSamples, ts(st.firstSeen), ts(st.lastSeen), st.closed ? "CLOSED" : "OPEN",
                ts(st.closedAt), st.recoveredValue, ts(now))
            .update(keys, "id");
        long newId = keys.getKey().longValue();
        jdbc.sql("UPDATE monitoring_alert SET alert_no = ? WHERE id = ?")
            .params(CaseNumbers.of("AL", newId, st.firstSeen), newId).update();
        return newId;
      });
      st.id = id;
      return true;
    } catch (DuplicateKeyException e) {
      Long existing = jdbc.sql("SELECT id FROM monitoring_alert WHERE open_key = ?")
          .param(key(st.resourceId, st.problem)).query(Long.class).optional().orElse(null);
      if (existing != null) {
        st.id = existing;
        template.update(UPDATE, updateArgs(st, now));
      }
      return false;
    }
  }

  private Map<String, State> loadOpen(Set<String> resourceIds, Map<String, LedgerInfo> ledger,
      MonitoringThresholds.Lookup lookup) {
    Map<String, State> open = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>(resourceIds);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      jdbc.sql("SELECT id, resource_id, problem, severity, first_seen_at, last_seen_at, case_instance_id, case_error "
              + "FROM monitoring_alert WHERE status = 'OPEN' AND resource_id IN ("
              + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")
          .params(chunk)
          .query((rs, i) -> {
            String resourceId = rs.getString(2);
            String problem = rs.getString(3);
            Metric metric = Metric.valueOf(problem.substring(0, problem.lastIndexOf('_')));
            LedgerInfo info = ledger.get(resourceId);
            State st = new State(resourceId, problem, metric, info, lookup.of(metric, info.diskTb()),
                problem.endsWith("_HIGH"));
            st.id = rs.getLong(1);
            st.severe = "SEVERE".equals(rs.getString(4));
            st.dbFirstSeen = rs.getTimestamp(5).toInstant();
            st.lastSeen = rs.getTimestamp(6).toInstant();
            st.hasCase = rs.getString(7) != null || rs.getString(8) != null;
            open.put(key(resourceId, problem), st);
            return null;
          }).list();
    }
    return open;
  }

  static String key(String resourceId, String problem) {
    return resourceId + "|" + problem;
  }

  // ---- reading ----

  public Alert get(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_alert WHERE id = ?").param(id).query(AlertService::map)
        .optional().orElseThrow(() -> new NotFoundException("告警不存在: " + id));
  }

  /** Locks an alert row for the case decision (serializes nodes deciding on the same alert). */
  Alert lock(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_alert WHERE id = ? FOR UPDATE").param(id)
        .query(AlertService::map).single();
  }

  /** Process instances started for this resource and problem by any alert (open or closed). */
  List<String[]> casesOf(String resourceId, String problem) {
    return jdbc.sql("SELECT case_instance_id, case_process_key FROM monitoring_alert WHERE resource_id = ? "
            + "AND problem = ? AND case_instance_id IS NOT NULL ORDER BY id DESC")
        .params(resourceId, problem).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
  }

  void linkCase(long id, String processKey, String instanceId, Instant at) {
    jdbc.sql("UPDATE monitoring_alert SET case_process_key = ?, case_instance_id = ?, case_started_at = ?, "
            + "case_error = NULL, updated_at = ? WHERE id = ?")
        .params(processKey, instanceId, ts(at), ts(clock.instant()), id).update();
  }

  void caseFailed(long id, String error) {
    jdbc.sql("UPDATE monitoring_alert SET case_error = ?, updated_at = ? WHERE id = ?")
        .params(error.length() > 1000 ? error.substring(0, 1000) : error, ts(clock.instant()), id).update();
  }

  /** One page of alerts the caller may see, newest first. */
  public record Page(long total, int page, int size, List<Alert> items) {}

  public Page search(Caller caller, Boolean open, String resourceId, String problem, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!UnitScope.restrict(caller, "unit_code", where, params)) {
      return new Page(0, page, size, List.of());
    }
    if (open != null) {
      where.append(open ? " AND status = 'OPEN'" : " AND status = 'CLOSED'");
    }
    if (resourceId != null && !resourceId.isBlank()) {
      where.append(" AND resource_id = ?");
      params.add(resourceId.strip());
    }
    if (problem != null && !problem.isBlank()) {
      where.append(" AND problem = ?");
      params.add(problem.strip());
    }
    long total = jdbc.sql("SELECT COUNT(*) FROM monitoring_alert" + where).params(params).query(Long.class).single();
    List<Alert> items = jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_alert" + where
            + " ORDER BY first_seen_at DESC, id DESC OFFSET " + ((long) page * size) + " ROWS FETCH FIRST " + size
            + " ROWS ONLY")
        .params(params).query(AlertService::map).list();
    return new Page(total, page, size, items);
  }

  static Alert map(ResultSet rs, int row) throws SQLException {
    String problem = rs.getString("problem");
    return new Alert(rs.getLong("id"), rs.getString("alert_no"), rs.getString("resource_id"),
        rs.getString("unit_code"), rs.getString("business_system_code"), rs.getString("resource_type"),
        rs.getString("metric"), problem, Alert.label(problem), rs.getString("severity"),
        strip(rs.getBigDecimal("lower_limit")), strip(rs.getBigDecimal("upper_limit")),
        strip(rs.getBigDecimal("severe_limit")), rs.getBoolean("escalates"), strip(rs.getBigDecimal("first_value")),
        strip(rs.getBigDecimal("last_value")), strip(rs.getBigDecimal("worst_value")), rs.getInt("sample_count"),
        instant(rs.getTimestamp("first_seen_at")), instant(rs.getTimestamp("last_seen_at")), rs.getString("status"),
        instant(rs.getTimestamp("closed_at")), strip(rs.getBigDecimal("recovered_value")),
        rs.getString("case_process_key"), rs.getString("case_instance_id"), instant(rs.getTimestamp("case_started_at")),
        rs.getString("case_error"));
  }

  static BigDecimal strip(BigDecimal d) {
    return d == null ? null : d.stripTrailingZeros();
  }

  private static int sum(int[] counts) {
    int n = 0;
    for (int c : counts) {
      n += c > 0 ? c : 0;
    }
    return n;
  }
}
