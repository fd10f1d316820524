package cn.gov.gz.govcloud.benchmark;

import static cn.gov.gz.govcloud.benchmark.DashboardBenchmark.*;

import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.organization.Unit;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The city of {@link DashboardBenchmark} written straight into the database: units, business systems, a ledger with an
 * inventory snapshot, a year of work orders, emergencies, alerts, applications, inspections, optimisation reviews and
 * contingency plans, sized by the benchmark's settings, under a fresh code prefix.
 */
final class DashboardCity {

  private final JdbcTemplate jdbc;
  private final OrganizationService organization;
  String prefix;
  List<String> units;
  List<String> systems;

  DashboardCity(JdbcTemplate jdbc, OrganizationService organization) {
    this.jdbc = jdbc;
    this.organization = organization;
  }

  static Timestamp at(LocalDate day, int minutes) {
    return Timestamp.from(day.atStartOfDay(CHINA).plusMinutes(minutes).toInstant());
  }

  static Timestamp plus(Timestamp t, int minutes) {
    return new Timestamp(t.getTime() + minutes * 60_000L);
  }

  void seed() {
    prefix = "Z" + UUID.randomUUID().toString().replace("-", "").substring(0, 5).toUpperCase();
    LocalDate today = NOW.atZone(CHINA).toLocalDate();
    Timestamp now = Timestamp.from(NOW);
    units = new ArrayList<>();
    List<Unit> register = new ArrayList<>();
    for (int i = 0; i < UNITS; i++) {
      units.add(prefix + i);
      register.add(new Unit(prefix + i, "看板基准单位" + prefix + i, null, null, null));
    }
    organization.registerUnits(register, ADMIN, true);
    systems = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    for (int j = 0; j < SYSTEMS; j++) {
      systems.add(prefix + "S" + j);
      rows.add(new Object[] {prefix + "S" + j, "基准业务系统 " + j, units.get(j % UNITS), j % 10 == 0 ? "CORE"
          : "GENERAL", 1 + j % 4, now, now});
    }
    jdbc.batchUpdate("INSERT INTO business_system (code, name, unit_code, importance, service_level, created_at, "
        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);

    // ledger and an inventory snapshot
    rows.clear();
    List<Object[]> items = new ArrayList<>();
    String[] types = {"VM", "VM", "VM", "VM", "VM", "VM", "PHYSICAL", "STORAGE", "DATABASE", "OTHER"};
    for (int r = 0; r < RESOURCES; r++) {
      String type = types[r % types.length];
      int j = r % SYSTEMS;
      rows.add(new Object[] {prefix + "R" + r, units.get(j % UNITS), systems.get(j), type, "STORAGE".equals(type)
          ? null : 4 + r % 4 * 4, "STORAGE".equals(type) ? null : 8 + r % 4 * 8,
          "STORAGE".equals(type) ? new BigDecimal("2.000") : null, r % 20 == 0 ? "POWERED_OFF" : "ACTIVE", now, now});
      items.add(new Object[] {prefix + "R" + r, units.get(j % UNITS), type, r % 20 == 0 ? "OFF" : "ON",
          new BigDecimal(5 + r % 80), new BigDecimal(10 + r % 70)});
    }
    jdbc.batchUpdate("INSERT INTO ledger_resource (resource_id, unit_code, business_system_code, type, vcpu, "
        + "memory_gb, disk_tb, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    long importId = insert("INSERT INTO inventory_import (source, row_count, imported_by, imported_at) VALUES "
        + "('benchmark', " + RESOURCES + ", 'benchmark', ?)", now);
    jdbc.batchUpdate("INSERT INTO inventory_item (import_id, resource_id, unit_code, type, power_state, cpu_util, "
        + "mem_util) VALUES (" + importId + ", ?, ?, ?, ?, ?, ?)", items);

    // a year of work orders, emergencies (with feedback beats and reports), alerts, applications
    List<Object[]> orders = new ArrayList<>();
    List<Object[]> emergencies = new ArrayList<>();
    List<Object[]> alerts = new ArrayList<>();
    List<Object[]> applications = new ArrayList<>();
    String[] woTypes = {"FAULT", "SERVICE_REQUEST", "CONSULTATION", "FAULT", "COMPLAINT", "FINDING"};
    String[] open = {"RECEIVED", "DISPATCHED", "WAITING_USER", "RESOLVED"};
    String[] severities = {"特别重大", "重大", "较大", "一般"};
    String[] problems = {"CPU_HIGH", "MEMORY_HIGH", "STORAGE_LOW", "STORAGE_HIGH", "CPU_LOW"};
    int n = 0;
    for (int d = DAYS - 1; d >= 0; d--) {
      LocalDate day = today.minusDays(d);
      boolean recent = d <= 1;
      for (int i = 0; i < WORK_ORDERS_PER_DAY; i++, n++) {
        int j = n % SYSTEMS;
        Timestamp received = at(day, (i * 600 / WORK_ORDERS_PER_DAY) + 8 * 60);
        if (received.after(now)) {
          received = plus(now, -(i + 1));
        }
        Timestamp resolved = plus(received, i % 7 == 0 ? 300 : 120);
        String status = recent ? open[i % open.length] : "CLOSED";
        orders.add(new Object[] {prefix + "WO" + n, units.get(j % UNITS), systems.get(j), woTypes[i % woTypes.length],
            1 + j % 4, status, received, plus(received, 30), "RECEIVED".equals(status) ? null
                : plus(received, i % 10 == 0 ? 40 : 10), plus(received, 240),
            "CLOSED".equals(status) || "RESOLVED".equals(status) ? resolved : null,
            "CLOSED".equals(status) ? plus(resolved, 60) : null, "CLOSED".equals(status) ? 3 + i % 3 : null,
            received});
      }
      for (int i = 0; i < EMERGENCIES_PER_DAY; i++) {
        int j = (n + i * 7) % SYSTEMS;
        Timestamp detected = at(day, i * 24 * 60 / EMERGENCIES_PER_DAY);
        if (detected.after(now)) {
          detected = plus(now, -(i + 5));
        }
        String status = recent ? new String[] {"OPEN", "RESPONDED", "RECOVERED"}[i % 3] : "CLOSED";
        emergencies.add(new Object[] {prefix + "EM" + d + "-" + i, units.get(j % UNITS), systems.get(j),
            severities[i % 4], status, detected, detected, detected, plus(detected, 5),
            "OPEN".equals(status) ? null : plus(detected, i % 5 == 0 ? 8 : 3),
            "RECOVERED".equals(status) || "CLOSED".equals(status) ? plus(detected, 60) : null,
            "CLOSED".equals(status) ? plus(detected, 24 * 60) : null, detected});
      }
      for (int i = 0; i < ALERTS_PER_DAY; i++) {
        int r = (n + i * 13) % RESOURCES;
        boolean isOpen = recent || i % 25 == 0 && d < 30;
        Timestamp seen = at(day, i * 24 * 60 / ALERTS_PER_DAY);
        if (seen.after(now)) {
          seen = plus(now, -(i + 1));
        }
        int j = r % SYSTEMS;
        alerts.add(new Object[] {prefix + "AL" + d + "-" + i, isOpen ? prefix + "R" + r + "|" + d + "|" + i : null,
            prefix + "R" + r, units.get(j % UNITS), systems.get(j), problems[i % problems.length].split("_")[0],
            problems[i % problems.length], i % 10 == 0 ? "SEVERE" : "BREACH", i % 10 == 0, seen, seen,
            isOpen ? "OPEN" : "CLOSED", isOpen ? null : plus(seen, 45), seen});
      }
      for (int i = 0; i < APPLICATIONS_PER_DAY; i++) {
        int j = (n + i * 3) % SYSTEMS;
        Timestamp created = at(day, 9 * 60 + i * 30);
        applications.add(new Object[] {prefix + "RA" + d + "-" + i, units.get(j % UNITS), systems.get(j),
            d < 5 ? "IN_REVIEW" : i % 10 == 0 ? "REJECTED" : "DELIVERED", created, d < 5 ? null
                : plus(created, 5 * 24 * 60), created});
      }
    }
    jdbc.batchUpdate("INSERT INTO work_order (order_no, unit_code, business_system_code, type, priority, "
        + "service_level, channel, title, description, status, received_at, dispatch_due_at, dispatched_at, "
        + "recovery_due_at, resolved_at, closed_at, satisfaction_score, updated_at) VALUES (?, ?, ?, ?, 'MEDIUM', ?, "
        + "'HOTLINE', '基准工单', '基准工单', ?, ?, ?, ?, ?, ?, ?, ?, ?)", orders);
    jdbc.batchUpdate("INSERT INTO emergency (emergency_no, unit_code, business_system_code, category, severity, "
        + "service_hours, source, description, status, detected_at, received_at, response_clock_start, "
        + "response_within_s, response_due_at, responded_at, feedback_interval_s, recovered_at, closed_at, "
        + "updated_at) VALUES (?, ?, ?, 'INTERRUPTION', ?, '7x24', 'MONITORING', '基准事件', ?, ?, ?, ?, 300, ?, ?, "
        + "1800, ?, ?, ?)", emergencies);
    jdbc.batchUpdate("INSERT INTO monitoring_alert (alert_no, open_key, resource_id, unit_code, "
        + "business_system_code, resource_type, metric, problem, severity, lower_limit, upper_limit, severe_limit, "
        + "escalates, first_value, last_value, worst_value, sample_count, first_seen_at, last_seen_at, status, "
        + "closed_at, updated_at) VALUES (?, ?, ?, ?, ?, 'VM', ?, ?, ?, 8, 90, 98, ?, 95, 95, 99, 3, ?, ?, ?, ?, ?)",
        alerts);
    jdbc.batchUpdate("INSERT INTO resource_application (application_no, unit_code, business_system_code, purpose, "
        + "urgency, status, created_at, closed_at, updated_at) VALUES (?, ?, ?, '基准申请', 'NORMAL', ?, ?, ?, ?)",
        applications);
    // two feedback beats per emergency; a response report for 19 of 20 closed ones
    jdbc.update("INSERT INTO emergency_event (emergency_id, kind, author, text, due_at, on_time, created_at) "
        + "SELECT id, 'FEEDBACK', 'engineer1', '进展反馈', received_at, TRUE, received_at FROM emergency "
        + "WHERE emergency_no LIKE ?", prefix + "EM%");
    jdbc.update("INSERT INTO emergency_event (emergency_id, kind, author, text, due_at, on_time, created_at) "
        + "SELECT id, 'FEEDBACK', 'engineer1', '进展反馈', received_at, MOD(id, 10) <> 0, received_at FROM emergency "
        + "WHERE emergency_no LIKE ?", prefix + "EM%");
    jdbc.update("INSERT INTO report_document (kind, subject_ref, title, unit_code, version, checksum_sha256, "
        + "file_name, content_type, content, created_by, created_at) SELECT 'EMERGENCY_RESPONSE', emergency_no, "
        + "'应急事件响应报告', unit_code, 1, ?, 'r.docx', 'application/octet-stream', ?, 'benchmark', closed_at "
        + "FROM emergency WHERE emergency_no LIKE ? AND status = 'CLOSED' AND MOD(id, 20) <> 0", "0".repeat(64),
        new byte[] {1}, prefix + "EM%");

    // monthly service reports, four quarterly inspections with 40 areas and 25 findings each
    for (int m = 1; m <= 12; m++) {
      YearMonth month = YearMonth.from(today).minusMonths(m);
      jdbc.update("INSERT INTO report_document (kind, subject_ref, title, unit_code, version, checksum_sha256, "
          + "file_name, content_type, content, created_by, created_at) VALUES ('SERVICE_REPORT', ?, ?, NULL, 1, ?, "
          + "'sr.docx', 'application/octet-stream', ?, 'benchmark', ?)", "SR-" + month.atDay(1) + "_"
          + month.atEndOfMonth() + "-" + prefix, "政务云运维服务报告 " + month, "0".repeat(64), new byte[] {1},
          at(month.plusMonths(1).atDay(1), 8 * 60));
    }
    for (int q = 0; q < 4; q++) {
      LocalDate first = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).minusMonths(3L * q);
      String key = first.getYear() + "Q" + ((first.getMonthValue() - 1) / 3 + 1);
      jdbc.update("DELETE FROM inspection_finding WHERE inspection_id IN (SELECT id FROM inspection WHERE "
          + "quarter_key = ?)", key);
      jdbc.update("DELETE FROM inspection_area WHERE inspection_id IN (SELECT id FROM inspection WHERE "
          + "quarter_key = ?)", key);
      jdbc.update("DELETE FROM inspection WHERE quarter_key = ?", key);
      long id = insert("INSERT INTO inspection (inspection_no, kind, quarter_key, status, due_at, started_by, "
          + "created_at, checked_at) VALUES (?, 'QUARTERLY', ?, ?, ?, 'manager1', ?, ?)", prefix + "IN" + q, key,
          q == 0 ? "IN_PROGRESS" : "COMPLETED", at(first.plusDays(30), 18 * 60), at(first, 9 * 60),
          q == 0 ? null : at(first.plusDays(20), 9 * 60));
      List<Object[]> areas = new ArrayList<>();
      for (int a = 0; a < 40; a++) {
        areas.add(new Object[] {id, "R" + a, "区域 " + a, q == 0 && a % 2 == 0 ? "PENDING" : "DONE"});
      }
      jdbc.batchUpdate("INSERT INTO inspection_area (inspection_id, kind, ref, name, status) VALUES (?, 'RESOURCE', "
          + "?, ?, ?)", areas);
      List<Object[]> findings = new ArrayList<>();
      for (int f = 0; f < 25; f++) {
        findings.add(new Object[] {prefix + "F" + q + "-" + f, id, units.get(f % UNITS), q == 0 && f % 3 == 0
            ? "OPEN" : "CLOSED", at(first.plusDays(10), 9 * 60)});
      }
      jdbc.batchUpdate("INSERT INTO inspection_finding (finding_no, inspection_id, source, title, description, "
          + "severity, unit_code, status, created_at) VALUES (?, ?, 'CHECK', '基准问题', '基准问题', 'GENERAL', ?, ?, ?)",
          findings);
    }

    // twelve monthly optimisation reviews of every resource, 8 % of them idle
    for (int m = REVIEWS; m >= 1; m--) {
      YearMonth month = YearMonth.from(today).minusMonths(m);
      long review = insert("INSERT INTO optimization_review (review_no, period_from, period_to, status, started_by, "
          + "resources, total_cost, candidates, created_at, closed_at) VALUES (?, ?, ?, 'CLOSED', 'system', ?, 0, 0, "
          + "?, ?)", prefix + "OR" + m, Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()), RESOURCES,
          at(month.plusMonths(1).atDay(1), 8 * 60), at(month.plusMonths(1).atDay(5), 8 * 60));
      List<Object[]> usage = new ArrayList<>();
      List<Object[]> candidates = new ArrayList<>();
      for (int r = 0; r < RESOURCES; r++) {
        String type = types[r % types.length];
        int j = r % SYSTEMS;
        boolean vm = !"STORAGE".equals(type);
        String action = r % 25 == 0 ? "REVOKE" : r % 25 == 1 ? "SCALE_DOWN" : "KEEP";
        BigDecimal cost = new BigDecimal(vm ? 200 + r % 4 * 150 : 600);
        usage.add(new Object[] {review, prefix + "R" + r, units.get(j % UNITS), systems.get(j), type,
            vm ? 4 + r % 4 * 4 : null, vm ? 8 + r % 4 * 8 : null, vm ? null : new BigDecimal("2.000"),
            vm ? new BigDecimal(3 + r % 80) : null, vm ? new BigDecimal(5 + r % 70) : null,
            vm ? null : new BigDecimal(20 + r % 60), cost, action});
        if (!"KEEP".equals(action)) {
          candidates.add(new Object[] {review, prefix + "R" + r, units.get(j % UNITS), systems.get(j), type, action,
              "REVOKE".equals(action) ? "ALL" : vm ? "CPU_MEMORY" : "STORAGE", cost, cost.divide(BigDecimal.valueOf(2))});
        }
      }
      jdbc.batchUpdate("INSERT INTO optimization_usage (review_id, resource_id, unit_code, business_system_code, "
          + "type, vcpu, memory_gb, disk_tb, days_in_period, monitored_days, off_days_run, cpu_avg, memory_avg, "
          + "storage_avg, cost, action) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 30, 30, 0, ?, ?, ?, ?, ?)", usage);
      jdbc.batchUpdate("INSERT INTO optimization_candidate (review_id, resource_id, unit_code, business_system_code, "
          + "type, action, target, rule_label, evidence, monthly_cost, estimated_saving, decision) VALUES (?, ?, ?, ?, "
          + "?, ?, ?, '附录 C', '利用率低', ?, ?, 'PENDING')", candidates);
      jdbc.update("UPDATE optimization_review SET total_cost = (SELECT SUM(cost) FROM optimization_usage WHERE "
          + "review_id = ?), candidates = ? WHERE id = ?", review, candidates.size(), review);
    }

    // a contingency plan per business system, drilled at various times
    List<Object[]> plans = new ArrayList<>();
    String[] planTypes = {"APPLICATION_DR", "DATA_DR", "SECURITY", "GENERAL"};
    for (int j = 0; j < SYSTEMS; j++) {
      plans.add(new Object[] {prefix + "YA" + j, "基准预案 " + j, planTypes[j % 4], units.get(j % UNITS), systems.get(j),
          j % 3 == 0 ? null : plus(now, -(j % 400) * 24 * 60), plus(now, -500 * 24 * 60), now});
    }
    jdbc.batchUpdate("INSERT INTO contingency_plan (plan_no, title, plan_type, unit_code, business_system_code, owner, "
        + "status, current_version, last_drilled_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'manager1', "
        + "'ACTIVE', 1, ?, ?, ?)", plans);
  }

  long insert(String sql, Object... params) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement(sql, new String[] {"id"});
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }
}
