package cn.gov.gz.govcloud.ledger;

import cn.gov.gz.govcloud.access.UnitScope;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.ledger.Discrepancy.Kind;
import cn.gov.gz.govcloud.notification.NotificationService;
import cn.gov.gz.govcloud.notification.NotificationService.Notice;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order ↔ ledger ↔ actual (P6 7.2.2.4–7.2.2.5; P3 Appendix A.1 items 3 and 8): compares the ledger with an imported
 * inventory snapshot and the delivered orders, records every difference with both sides' values, keeps the ledger's
 * power state current (powered off since …, for Appendix C), and asks the units concerned to answer theirs.
 * Everything is compared in memory in one pass, so the city's 20,000+ resources take seconds (see benchmarks).
 */
@Implements(value = "P6 7.2.2.4", what = "核对订单、台账与实际运行资源的一致性，逐项记录差异")
@Implements(value = "P3 5.1.2.2", what = "使用方申请（订单）与实际使用情况的一致性核对")
@Implements(value = "P3 5.1.2.4", what = "台账中没有或归属单位不一致的资源通知使用单位说明")
@Implements(value = "P6 7.2.1.5", what = "每次资源清单对接和核对记录批次、数量和差异")
@Implements(value = "GB 8.2.9 e", what = "资源台账与实际资源核对，做到账物相符")
@Service
public class Reconciliation {

  private final LedgerService ledger;
  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final NotificationService notifications;
  private final Clock clock;

  Reconciliation(LedgerService ledger, JdbcClient jdbc, JdbcTemplate template, NotificationService notifications,
      Clock clock) {
    this.ledger = ledger;
    this.jdbc = jdbc;
    this.template = template;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** What one reconciliation found. */
  public record RunSummary(long runId, long importId, int ledgerResources, int reportedResources, long durationMs,
      Map<Kind, Long> counts) {}

  /** Imports a snapshot (all or nothing) and reconciles the ledger against it. */
  @Transactional
  public RunSummary importAndReconcile(List<InventoryRow> rows, String source, Caller caller) {
    LedgerService.requireStaff(caller);
    ledger.validate(rows);
    long importId = ledger.storeSnapshot(rows, source == null || source.isBlank() ? "api" : source, caller.userId());
    return reconcile(importId, caller.userId());
  }

  /** Whether an inventory snapshot has been imported, so {@link #reconcileLatest} has something to compare with. */
  public boolean hasInventory() {
    return jdbc.sql("SELECT COUNT(*) FROM inventory_import").query(Long.class).single() > 0;
  }

  /** Reconciles against the latest snapshot; usable from any process. */
  @Transactional
  public RunSummary reconcileLatest(String by) {
    Long importId = jdbc.sql("SELECT MAX(id) FROM inventory_import").query(Long.class).optional().orElse(null);
    if (importId == null) {
      throw new NotFoundException("尚未导入资源清单，无法核对");
    }
    return reconcile(importId, by);
  }

  RunSummary reconcile(long importId, String by) {
    long started = System.nanoTime();
    Timestamp now = Timestamp.from(clock.instant());
    Map<String, LedgerResource> inLedger = new HashMap<>();
    jdbc.sql("SELECT resource_id, unit_code, business_system_code, application_id, line_no, type, vcpu, memory_gb, "
            + "disk_tb, os, brand, model, location, ip, state, powered_off_since, created_at, updated_at "
            + "FROM ledger_resource WHERE state <> 'RELEASED'")
        .query(LedgerService::map).list().forEach(r -> inLedger.put(r.resourceId(), r));
    Map<String, Item> actual = new HashMap<>();
    jdbc.sql("SELECT resource_id, unit_code, type, vcpu, memory_gb, disk_tb, brand, model, location, ip, power_state "
            + "FROM inventory_item WHERE import_id = ?")
        .param(importId)
        .query((rs, i) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3),
            (Integer) rs.getObject(4, Integer.class), (Integer) rs.getObject(5, Integer.class), rs.getBigDecimal(6),
            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)))
        .list().forEach(i -> actual.put(i.resourceId(), i));

    List<Discrepancy> found = new ArrayList<>();
    List<Object[]> powerChanges = new ArrayList<>();
    for (Item item : actual.values()) {
      LedgerResource l = inLedger.get(item.resourceId());
      if (l == null) {
        found.add(new Discrepancy(Kind.NOT_IN_LEDGER, item.resourceId(), item.unitCode(), null, null, null,
            item.type(), "平台上运行但台账中没有: " + item.resourceId()));
        continue;
      }
      compare(found, l, "vcpu", l.vcpu(), item.vcpu(), Kind.SPEC_MISMATCH);
      compare(found, l, "memoryGb", l.memoryGb(), item.memoryGb(), Kind.SPEC_MISMATCH);
      compare(found, l, "diskTb", strip(l.diskTb()), strip(item.diskTb()), Kind.SPEC_MISMATCH);
      compare(found, l, "brand", l.brand(), item.brand(), Kind.BRAND_MODEL_MISMATCH);
      compare(found, l, "model", l.model(), item.model(), Kind.BRAND_MODEL_MISMATCH);
      compare(found, l, "location", l.location(), item.location(), Kind.LOCATION_MISMATCH);
      compare(found, l, "ip", l.ip(), item.ip(), Kind.LOCATION_MISMATCH);
      if (item.unitCode() != null && !item.unitCode().equals(l.unitCode())) {
        found.add(new Discrepancy(Kind.OWNER_MISMATCH, l.resourceId(), l.unitCode(), l.applicationId(), "unitCode",
            l.unitCode(), item.unitCode(), "平台登记的使用单位与台账不一致"));
      }
      boolean running = "RUNNING".equals(item.powerState());
      if (running && l.state() == LedgerResource.State.POWERED_OFF) {
        powerChanges.add(new Object[] {"ACTIVE", null, now, l.resourceId(), "开机（资源清单）"});
      } else if (!running && l.state() == LedgerResource.State.ACTIVE) {
        powerChanges.add(new Object[] {"POWERED_OFF", now, now, l.resourceId(), "关机（资源清单）"});
      }
    }
    for (LedgerResource l : inLedger.values()) {
      if (!actual.containsKey(l.resourceId()) && l.state() == LedgerResource.State.ACTIVE) {
        found.add(new Discrepancy(Kind.NOT_RUNNING, l.resourceId(), l.unitCode(), l.applicationId(), null,
            l.type().name(), null, "台账中在用但平台上没有: " + l.resourceId()));
      }
    }
    // order ↔ ledger: delivered order lines against the resources the ledger holds for them
    jdbc.sql("SELECT al.application_id, al.line_no, al.quantity, al.unit_code, "
            + "(SELECT COUNT(*) FROM ledger_resource r WHERE r.application_id = al.application_id "
            + "AND r.line_no = al.line_no AND r.state <> 'RELEASED') "
            + "FROM rv_application_line al WHERE al.application_status = 'DELIVERED'")
        .query((rs, i) -> {
          int ordered = rs.getInt(3);
          long held = rs.getLong(5);
          if (held != ordered) {
            found.add(new Discrepancy(Kind.QUANTITY_MISMATCH, null, rs.getString(4), rs.getLong(1), "quantity",
                String.valueOf(held), String.valueOf(ordered),
                "订单第 " + rs.getInt(2) + " 行订购 " + ordered + "，台账中有 " + held));
          }
          return null;
        }).list();

    template.batchUpdate("UPDATE ledger_resource SET state = ?, powered_off_since = ?, updated_at = ? "
        + "WHERE resource_id = ?", powerChanges.stream().map(p -> new Object[] {p[0], p[1], p[2], p[3]}).toList());
    template.batchUpdate("INSERT INTO ledger_history (resource_id, change, changed_by, changed_at) VALUES (?, ?, ?, ?)",
        powerChanges.stream().map(p -> new Object[] {p[3], p[4], by, now}).toList());

    long durationMs = (System.nanoTime() - started) / 1_000_000;
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("INSERT INTO reconciliation_run (import_id, started_by, started_at, duration_ms, discrepancy_count) "
            + "VALUES (?, ?, ?, ?, ?)")
        .params(importId, by, now, durationMs, found.size()).update(keys, "id");
    long runId = keys.getKey().longValue();
    template.batchUpdate("INSERT INTO ledger_discrepancy (run_id, kind, resource_id, unit_code, application_id, field, "
            + "ledger_value, actual_value, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", found, 1000,
        (ps, d) -> {
          ps.setLong(1, runId);
          ps.setString(2, d.kind().name());
          ps.setString(3, d.resourceId());
          ps.setString(4, d.unitCode());
          ps.setObject(5, d.applicationId());
          ps.setString(6, d.field());
          ps.setString(7, cut(d.ledgerValue()));
          ps.setString(8, cut(d.actualValue()));
          ps.setString(9, cut(d.description()));
        });
    askUnits(runId, found);
    Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    found.forEach(d -> counts.merge(d.kind(), 1L, Long::sum));
    return new RunSummary(runId, importId, inLedger.size(), actual.size(), durationMs, counts);
  }

  /** Differences a unit must answer (resources it runs that the ledger lacks, or that name it as another owner). */
  private void askUnits(long runId, List<Discrepancy> found) {
    Map<String, Long> perUnit = new TreeMap<>();
    for (Discrepancy d : found) {
      if (d.unitCode() != null && (d.kind() == Kind.NOT_IN_LEDGER || d.kind() == Kind.OWNER_MISMATCH)) {
        perUnit.merge(d.unitCode(), 1L, Long::sum);
      }
    }
    perUnit.forEach((unit, count) -> notifications.notifyAll(List.of(), List.of(Groups.unitGroup(unit)),
        new Notice("ledger-discrepancy", "reconciliation-" + runId + "-" + unit, "【台账核对】请确认 " + count + " 项差异",
            "台账核对发现贵单位有 " + count + " 项资源与台账不一致（平台上运行但台账中没有，或使用单位不一致）。"
                + "请登录系统查看核对结果并向服务台说明（P6 7.2.2.5）。")));
  }

  @Transactional(readOnly = true)
  public List<Discrepancy> discrepancies(Long runId, Kind kind, Caller caller, int limit) {
    Long run = runId != null ? runId
        : jdbc.sql("SELECT MAX(id) FROM reconciliation_run").query(Long.class).optional().orElse(null);
    if (run == null) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("SELECT kind, resource_id, unit_code, application_id, field, ledger_value, "
        + "actual_value, description FROM ledger_discrepancy WHERE run_id = ?");
    List<Object> params = new ArrayList<>(List.of(run));
    if (kind != null) {
      sql.append(" AND kind = ?");
      params.add(kind.name());
    }
    if (!UnitScope.restrict(caller, "unit_code", sql, params)) {
      return List.of();
    }
    sql.append(" ORDER BY id FETCH FIRST ").append(Math.min(Math.max(limit, 1), 10_000)).append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params)
        .query((rs, i) -> new Discrepancy(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
            (Long) rs.getObject(4, Long.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
        .list();
  }

  private record Item(String resourceId, String unitCode, String type, Integer vcpu, Integer memoryGb,
      BigDecimal diskTb, String brand, String model, String location, String ip, String powerState) {}

  private static void compare(List<Discrepancy> found, LedgerResource l, String field, Object ledgerValue,
      Object actualValue, Kind kind) {
    if (actualValue == null || (actualValue instanceof String s && s.isBlank())) {
      return; // the platform did not report it: nothing to compare
    }
    if (!Objects.equals(norm(ledgerValue), norm(actualValue))) {
      found.add(new Discrepancy(kind, l.resourceId(), l.unitCode(), l.applicationId(), field,
          ledgerValue == null ? null : ledgerValue.toString(), actualValue.toString(),
          "台账 " + field + " 为 " + ledgerValue + "，实际为 " + actualValue));
    }
  }

  private static Object norm(Object v) {
    return v instanceof String s ? s.strip().toLowerCase(Locale.ROOT) : v;
  }

  private static BigDecimal strip(BigDecimal v) {
    return v == null ? null : v.stripTrailingZeros();
  }

  private static String cut(String s) {
    return s == null || s.length() <= 200 ? s : s.substring(0, 200);
  }
}
