package cn.gov.gz.govcloud.dashboard;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A known operation for the dashboard's tests, on 2043-05-15 10:00 Beijing time (a month no other test uses): two
 * fresh units with a user each, and for unit A emergencies in every state (one overdue for its response, one drill that
 * counts nowhere, one closed without its report), work orders in every state (one overdue, one past its dispatch
 * deadline), alerts, resources, an optimisation review with costs and idle resources, a contingency plan overdue for
 * its drill and documents; unit B has one of each so that isolation shows. This month's emergencies and work orders
 * of earlier runs (PostgreSQL keeps them) are removed first. The expected figures are the constants below.
 */
final class DashboardFixture {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final Instant NOW = at("2043-05-15T10:00");
  static final String QUARTER = "2043Q2";

  // unit A's figures
  static final int A_OPEN_EMERGENCIES = 5; // E1 E2 E3 E4 (seeded) + the one reported over the API
  static final int A_WAITING = 3; // E1 E2 + the reported one
  static final int A_OVERDUE = 1; // E2
  static final int A_RECOVERED = 1; // E4
  static final int A_OPEN_WORK_ORDERS = 4;
  static final int A_WORK_ORDERS_OVERDUE = 1;
  static final int A_DISPATCH_OVERDUE = 1;
  static final int A_OPEN_ALERTS = 2;
  static final int A_SEVERE_ALERTS = 1;
  static final int A_LEDGER = 5;
  static final int A_POWERED_OFF = 1;
  static final int A_IDLE = 2;
  static final String A_COST = "1,700.00 元";
  static final String A_IDLE_COST = "500.00 元";
  // the bureau's KPI of this month: responded 3 (E3, E4 on time; E5 late)
  static final String RESPONDED_IN_TIME = "66.7%";
  static final int RECEIVED_THIS_MONTH = 7; // unit A: 6 without the drill; unit B: 1

  final String unitA;
  final String unitB;
  final String userA;
  final String userB;
  final String systemA;
  final String systemB;
  final String nameA;
  final String nameB;
  String emergencyAOverdue;
  String emergencyBOverdue;
  String workOrderB;
  long reviewId;

  private final JdbcClient jdbc;

  DashboardFixture(JdbcClient jdbc) {
    this.jdbc = jdbc;
    // digits only: the units' names are on the screen, which shows no Latin words but names and case numbers
    String suffix = String.valueOf(100_000 + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 900_000L));
    unitA = "DA" + suffix;
    unitB = "DB" + suffix;
    nameA = "看板测试甲局" + suffix;
    nameB = "看板测试乙局" + suffix;
    systemA = unitA + "-SYS";
    systemB = unitB + "-SYS";
    userA = unitA.toLowerCase() + "user";
    userB = unitB.toLowerCase() + "user";
  }

  static Instant at(String chinaLocal) {
    return LocalDateTime.parse(chinaLocal).atZone(CHINA).toInstant();
  }

  static Timestamp ts(String chinaLocal) {
    return Timestamp.from(at(chinaLocal));
  }

  /** A POST over our REST API as a user, answered 2xx (the test fails otherwise) with its JSON. */
  @FunctionalInterface
  interface Poster {
    com.fasterxml.jackson.databind.JsonNode post(String user, String path, Object body);
  }

  /** The fixture of this JVM, seeded once (its clock must stand at {@link #NOW}). */
  static synchronized DashboardFixture seeded(JdbcClient jdbc, IdentityService identity, Poster post) {
    if (shared == null) {
      DashboardFixture f = new DashboardFixture(jdbc);
      f.people(identity, post);
      f.seed();
      f.reported = f.reportOverTheApi(post);
      shared = f;
    }
    return shared;
  }

  private static DashboardFixture shared;
  /** The emergency reported over the API (a real case with its response task). */
  String reported;

  /** Unit A's duty desk reports an interruption of its important system: 重大, 5 minutes to respond. */
  String reportOverTheApi(Poster post) {
    return post.post("desk1", "/api/emergencies", java.util.Map.of("businessSystemCode", systemA, "category",
        "INTERRUPTION", "description", REPORTED, "source", "MONITORING")).get("emergencyNo").asText();
  }

  static final String REPORTED = "看板测试：甲局政务服务系统中断";

  /** Units, systems and users (the units' groups get their rights from the unit register, as in production). */
  void people(IdentityService identity, Poster post) {
    post.post("mgmt1", "/api/units", java.util.Map.of("code", unitA, "name", nameA));
    post.post("mgmt1", "/api/units", java.util.Map.of("code", unitB, "name", nameB));
    post.post("mgmt1", "/api/business-systems", java.util.Map.of("code", systemA, "name", "甲局政务服务系统", "unitCode",
        unitA, "importance", "IMPORTANT", "serviceLevel", 2));
    post.post("mgmt1", "/api/business-systems", java.util.Map.of("code", systemB, "name", "乙局数据平台", "unitCode",
        unitB, "importance", "CORE", "serviceLevel", 1));
    for (String[] u : new String[][] {{userA, unitA, "甲局"}, {userB, unitB, "乙局"}}) {
      User user = identity.newUser(u[0]);
      user.setPassword("demo");
      user.setFirstName(u[2]);
      user.setLastName("值班员");
      user.setEmail(u[0] + "@example.org");
      identity.saveUser(user);
      identity.createMembership(u[0], "unit-user");
      identity.createMembership(u[0], "unit-" + u[1]);
    }
  }

  /** Removes what earlier runs left in the fixture's month and quarter, then seeds it. */
  void seed() {
    Timestamp from = ts("2043-05-01T00:00");
    Timestamp to = ts("2043-06-01T00:00");
    jdbc.sql("DELETE FROM emergency_event WHERE emergency_id IN (SELECT id FROM emergency WHERE received_at >= ? "
        + "AND received_at < ?)").params(from, to).update();
    jdbc.sql("DELETE FROM emergency WHERE received_at >= ? AND received_at < ?").params(from, to).update();
    jdbc.sql("DELETE FROM work_order WHERE received_at >= ? AND received_at < ?").params(from, to).update();
    jdbc.sql("DELETE FROM inspection_finding WHERE inspection_id IN (SELECT id FROM inspection WHERE quarter_key = ?)")
        .param(QUARTER).update();
    jdbc.sql("DELETE FROM inspection_area WHERE inspection_id IN (SELECT id FROM inspection WHERE quarter_key = ?)")
        .param(QUARTER).update();
    jdbc.sql("DELETE FROM inspection WHERE quarter_key = ?").param(QUARTER).update();

    // emergencies: E1 特别重大 waiting (3 minutes left), E2 重大 overdue, E3 较大 responded on time, E4 一般 recovered,
    // E5 重大 closed on 05-10 after a late response and without its report, E6 a drill (counts nowhere)
    emergency(unitA, systemA, "E1", "特别重大", "OPEN", "2043-05-15T09:58", "2043-05-15T10:03", null, null, null, false);
    emergencyAOverdue = emergency(unitA, systemA, "E2", "重大", "OPEN", "2043-05-15T09:40", "2043-05-15T09:45", null,
        null, null, false);
    emergency(unitA, systemA, "E3", "较大", "RESPONDED", "2043-05-15T08:00", "2043-05-15T08:10", "2043-05-15T08:05",
        null, null, false);
    emergency(unitA, systemA, "E4", "一般", "RECOVERED", "2043-05-14T08:00", "2043-05-14T08:10", "2043-05-14T08:06",
        "2043-05-14T09:30", null, false);
    emergency(unitA, systemA, "E5", "重大", "CLOSED", "2043-05-09T08:00", "2043-05-09T08:05", "2043-05-09T08:20",
        "2043-05-09T10:00", "2043-05-10T12:00", false);
    emergency(unitA, systemA, "E6", "特别重大", "OPEN", "2043-05-15T09:00", "2043-05-15T09:05", null, null, null, true);
    emergencyBOverdue = emergency(unitB, systemB, "EB", "特别重大", "OPEN", "2043-05-15T09:00", "2043-05-15T09:05",
        null, null, null, false);

    // work orders: W1 received today, past its dispatch deadline; W2 dispatched, past its recovery deadline (overdue);
    // W3 waiting for the user; W4 resolved (past its deadline but resolved: not overdue); W5 closed
    workOrder(unitA, systemA, "W1", "FAULT", "RECEIVED", "2043-05-15T09:00", "2043-05-15T09:30", null,
        "2043-05-15T14:00", null, null);
    workOrder(unitA, systemA, "W2", "FAULT", "DISPATCHED", "2043-05-14T09:00", "2043-05-14T09:30",
        "2043-05-14T09:10", "2043-05-15T09:00", null, null);
    workOrder(unitA, systemA, "W3", "COMPLAINT", "WAITING_USER", "2043-05-10T09:00", "2043-05-10T09:15",
        "2043-05-10T09:05", null, null, null);
    workOrder(unitA, systemA, "W4", "SERVICE_REQUEST", "RESOLVED", "2043-05-12T09:00", "2043-05-12T13:00",
        "2043-05-12T10:00", "2043-05-13T09:00", "2043-05-14T09:00", null);
    workOrder(unitA, systemA, "W5", "CONSULTATION", "CLOSED", "2043-05-02T09:00", "2043-05-02T13:00",
        "2043-05-02T09:30", "2043-05-03T09:00", "2043-05-02T11:00", 4);
    workOrderB = workOrder(unitB, systemB, "WB", "FAULT", "DISPATCHED", "2043-05-15T08:00", "2043-05-15T08:30",
        "2043-05-15T08:10", "2043-05-15T12:00", null, null);

    // alerts: A1 CPU severe (today), A2 storage low (two days ago), A3 memory closed (today); B1 for unit B
    alert(unitA, systemA, "CPU", "CPU_HIGH", "SEVERE", "OPEN", "2043-05-15T08:00");
    alert(unitA, systemA, "STORAGE", "STORAGE_LOW", "BREACH", "OPEN", "2043-05-13T08:00");
    alert(unitA, systemA, "MEMORY", "MEMORY_HIGH", "BREACH", "CLOSED", "2043-05-15T07:00");
    alert(unitB, systemB, "CPU", "CPU_HIGH", "BREACH", "OPEN", "2043-05-15T06:00");

    // this quarter's inspection: 2 of 4 areas checked, one finding open for unit A, one closed
    long inspection = insert("INSERT INTO inspection (inspection_no, kind, quarter_key, status, due_at, started_by, "
        + "created_at) VALUES (?, 'QUARTERLY', ?, 'IN_PROGRESS', ?, 'manager1', ?)", "IN20430401-" + digits(), QUARTER,
        ts("2043-05-31T18:00"), ts("2043-04-01T09:00"));
    for (int i = 0; i < 4; i++) {
      jdbc.sql("INSERT INTO inspection_area (inspection_id, kind, ref, name, status) VALUES (?, 'ROOM', ?, ?, ?)")
          .params(inspection, "R" + i, "机房 " + i, i < 2 ? "DONE" : "PENDING").update();
    }
    jdbc.sql("INSERT INTO inspection_finding (finding_no, inspection_id, source, title, description, severity, "
            + "unit_code, status, created_at) VALUES (?, ?, 'CHECK', '机柜标签未更新', '机柜标签未更新', 'GENERAL', ?, "
            + "'OPEN', ?)").params("FD1-" + digits(), inspection, unitA, ts("2043-05-10T10:00")).update();
    jdbc.sql("INSERT INTO inspection_finding (finding_no, inspection_id, source, title, description, severity, "
            + "unit_code, status, created_at, closed_at) VALUES (?, ?, 'CHECK', 'UPS 告警', 'UPS 告警', 'SEVERE', NULL, "
            + "'CLOSED', ?, ?)").params("FD2-" + digits(), inspection, ts("2043-05-10T10:00"), ts("2043-05-11T10:00"))
        .update();

    // the ledger: unit A 3 VMs running, 1 powered off, 1 storage, 1 released (not counted); unit B 1 VM
    ledger(unitA + "-VM1", unitA, "VM", "ACTIVE", 4, 8, null);
    ledger(unitA + "-VM2", unitA, "VM", "ACTIVE", 4, 8, null);
    ledger(unitA + "-VM3", unitA, "VM", "ACTIVE", 4, 8, null);
    ledger(unitA + "-VM4", unitA, "VM", "POWERED_OFF", 2, 4, null);
    ledger(unitA + "-ST1", unitA, "STORAGE", "ACTIVE", null, null, "2");
    ledger(unitA + "-VM5", unitA, "VM", "RELEASED", 2, 4, null);
    ledger(unitB + "-VM1", unitB, "VM", "ACTIVE", 8, 16, null);

    // the latest optimisation review (April 2043): unit A 4 resources, 2 idle; unit B 1 resource
    reviewId = insert("INSERT INTO optimization_review (review_no, period_from, period_to, status, started_by, "
        + "resources, total_cost, candidates, created_at, closed_at) VALUES (?, ?, ?, 'CLOSED', 'system', 5, 2500, 2, "
        + "?, ?)", reviewNo(), java.sql.Date.valueOf("2043-04-01"), java.sql.Date.valueOf("2043-04-30"),
        ts("2043-05-01T08:00"), ts("2043-05-05T08:00"));
    usage(unitA + "-VM1", unitA, "VM", 4, 8, "50.00", "60.00", "400", "KEEP");
    usage(unitA + "-VM2", unitA, "VM", 4, 8, "3.00", "5.00", "300", "SCALE_DOWN");
    usage(unitA + "-VM4", unitA, "VM", 2, 4, null, null, "200", "REVOKE");
    usage(unitA + "-ST1", unitA, "STORAGE", null, null, null, null, "800", "KEEP");
    usage(unitB + "-VM1", unitB, "VM", 8, 16, "40.00", "50.00", "800", "KEEP");
    candidate(unitA + "-VM2", unitA, "SCALE_DOWN", "300", "150");
    candidate(unitA + "-VM4", unitA, "REVOKE", "200", "200");

    // a data-level DR plan of unit A last drilled 2042-10-01: due 2043-04-01 (six months), overdue
    insert("INSERT INTO contingency_plan (plan_no, title, plan_type, unit_code, business_system_code, owner, status, "
        + "current_version, last_drilled_at, created_at, updated_at) VALUES (?, '甲局数据级容灾预案', 'DATA_DR', ?, ?, "
        + "'manager1', 'ACTIVE', 1, ?, ?, ?)", planNo(), unitA, systemA, ts("2042-10-01T10:00"),
        ts("2042-01-01T10:00"), ts("2042-01-01T10:00"));

    // documents: one of each unit, and the bureau's published service report of April
    document("EMERGENCY_RESPONSE", "EM-DOC-" + unitA, "应急事件响应报告（甲局）", unitA, "2043-05-12T09:00");
    document("EMERGENCY_RESPONSE", "EM-DOC-" + unitB, "应急事件响应报告（乙局）", unitB, "2043-05-12T09:30");
    document("SERVICE_REPORT", "SR-2043-04-01_2043-04-30", "政务云运维服务报告 2043-04-01 至 2043-04-30", null,
        "2043-05-02T09:00");
  }

  /** The unit codes' digits (the same for both units of a run). */
  String digits() {
    return unitA.substring(2);
  }

  /**
   * A case number as the processes write them (a prefix and digits: the screen shows no Latin words but those), made
   * unique by the tag, the unit and the run: {@code EM20430515-1xxxxxx} for tag E1 of unit A.
   */
  static String number(String prefix, String tag, String unit) {
    int kind = switch (tag) {
      case "CPU_HIGH" -> 1;
      case "STORAGE_LOW" -> 2;
      case "MEMORY_HIGH" -> 3;
      default -> tag.replaceAll("[^0-9]", "").isEmpty() ? 0 : Integer.parseInt(tag.replaceAll("[^0-9]", ""));
    };
    return prefix + "20430515-" + (unit.startsWith("DA") ? "1" : "2") + kind + unit.substring(2);
  }

  String emergencyNo(String tag) {
    return number("EM", tag, tag.endsWith("B") ? unitB : unitA);
  }

  String planNo() {
    return "YA20420101-" + digits();
  }

  /** The review's number: digits only after OR, like the real ones, and no unit code in it. */
  String reviewNo() {
    return "OR20430501-" + unitA.substring(2);
  }

  private String emergency(String unit, String system, String tag, String severity, String status, String detected,
      String due, String responded, String recovered, String closed, boolean drill) {
    String no = number("EM", tag, unit);
    jdbc.sql("INSERT INTO emergency (emergency_no, unit_code, business_system_code, category, severity, "
            + "service_hours, source, description, detected_at, received_at, status, response_clock_start, "
            + "response_within_s, response_due_at, responded_at, responded_by, feedback_interval_s, recovered_at, "
            + "closed_at, updated_at, drill) VALUES (?, ?, ?, 'INTERRUPTION', ?, '7x24', 'MONITORING', '看板测试', ?, ?, ?, "
            + "?, 300, ?, ?, ?, 1800, ?, ?, ?, ?)")
        .params(no, unit, system, severity, ts(detected), ts(detected), status, ts(detected), ts(due),
            responded == null ? null : ts(responded), responded == null ? null : "engineer1",
            recovered == null ? null : ts(recovered), closed == null ? null : ts(closed), ts(detected), drill)
        .update();
    return no;
  }

  private String workOrder(String unit, String system, String tag, String type, String status, String received,
      String dispatchDue, String dispatched, String recoveryDue, String resolved, Integer score) {
    String no = number("WO", tag, unit);
    jdbc.sql("INSERT INTO work_order (order_no, unit_code, business_system_code, type, priority, service_level, "
            + "channel, title, description, status, received_at, dispatch_due_at, dispatched_at, recovery_due_at, "
            + "resolved_at, closed_at, satisfaction_score, updated_at) VALUES (?, ?, ?, ?, 'MEDIUM', 2, 'HOTLINE', ?, "
            + "'看板测试', ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(no, unit, system, type, "看板测试工单 " + tag, status, ts(received), ts(dispatchDue),
            dispatched == null ? null : ts(dispatched), recoveryDue == null ? null : ts(recoveryDue),
            resolved == null ? null : ts(resolved), "CLOSED".equals(status) ? ts(resolved) : null, score,
            ts(received))
        .update();
    return no;
  }

  private void alert(String unit, String system, String metric, String problem, String severity, String status,
      String firstSeen) {
    String resource = unit + "-VM1";
    jdbc.sql("INSERT INTO monitoring_alert (alert_no, open_key, resource_id, unit_code, business_system_code, "
            + "resource_type, metric, problem, severity, lower_limit, upper_limit, severe_limit, escalates, "
            + "first_value, last_value, worst_value, sample_count, first_seen_at, last_seen_at, status, closed_at, "
            + "updated_at) VALUES (?, ?, ?, ?, ?, 'VM', ?, ?, ?, 8, 90, 98, ?, 95, 95, 99, 3, ?, ?, ?, ?, ?)")
        .params(number("ALM", problem, unit), "OPEN".equals(status) ? resource + "|" + problem : null, resource,
            unit, system, metric, problem, severity, "SEVERE".equals(severity), ts(firstSeen), ts(firstSeen), status,
            "OPEN".equals(status) ? null : ts(firstSeen), ts(firstSeen))
        .update();
  }

  private void ledger(String id, String unit, String type, String state, Integer vcpu, Integer memory, String disk) {
    jdbc.sql("INSERT INTO ledger_resource (resource_id, unit_code, type, vcpu, memory_gb, disk_tb, state, "
            + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, unit, type, vcpu, memory, disk == null ? null : new BigDecimal(disk), state,
            ts("2043-01-01T09:00"), ts("2043-01-01T09:00"))
        .update();
  }

  private void usage(String id, String unit, String type, Integer vcpu, Integer memory, String cpu, String mem,
      String cost, String action) {
    jdbc.sql("INSERT INTO optimization_usage (review_id, resource_id, unit_code, type, vcpu, memory_gb, "
            + "days_in_period, monitored_days, off_days_run, cpu_avg, memory_avg, cost, action) "
            + "VALUES (?, ?, ?, ?, ?, ?, 30, 30, 0, ?, ?, ?, ?)")
        .params(reviewId, id, unit, type, vcpu, memory, cpu == null ? null : new BigDecimal(cpu),
            mem == null ? null : new BigDecimal(mem), new BigDecimal(cost), action)
        .update();
  }

  private void candidate(String id, String unit, String action, String cost, String saving) {
    jdbc.sql("INSERT INTO optimization_candidate (review_id, resource_id, unit_code, type, action, target, rule_label, "
            + "evidence, monthly_cost, estimated_saving, decision) VALUES (?, ?, ?, 'VM', ?, ?, '附录 C 规则', '利用率低', ?, "
            + "?, 'PENDING')")
        .params(reviewId, id, unit, action, "REVOKE".equals(action) ? "ALL" : "CPU_MEMORY", new BigDecimal(cost),
            new BigDecimal(saving)).update();
  }

  private void document(String kind, String subject, String title, String unit, String created) {
    jdbc.sql("INSERT INTO report_document (kind, subject_ref, title, unit_code, version, checksum_sha256, file_name, "
            + "content_type, content, created_by, created_at) VALUES (?, ?, ?, ?, 1, ?, ?, 'application/octet-stream', "
            + "?, 'test', ?)")
        .params(kind, subject, title, unit, "0".repeat(64), title + ".docx", new byte[] {1}, ts(created)).update();
  }

  private long insert(String sql, Object... params) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(sql).params(params).update(keys, "id");
    return keys.getKey().longValue();
  }
}
