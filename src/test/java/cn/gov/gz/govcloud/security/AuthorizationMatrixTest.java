package cn.gov.gz.govcloud.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The authorization matrix of docs/security.md ("Who may do what") checked cell by cell over REST, as a demo user of each role
 * (issue 12 item 4). Writes are sent with an invalid body: a role that may write gets 400 (the request reached the
 * validation and stored nothing), a role that may not gets 403.
 */
class AuthorizationMatrixTest extends WebTest {

  /** One user per role, in the column order of the matrix in docs/security.md. */
  static final List<String> ROLES = List.of("jtj1", "desk1", "engineer1", "operator1", "manager1", "mgmt1",
      "supervisor1", "admin");

  final ObjectMapper json = new ObjectMapper();

  /** Process keys the user may start (Tasklist's "start process" list). */
  Set<String> startable(String user) throws Exception {
    ResponseEntity<String> answer = get(user, "/engine-rest/process-definition?latestVersion=true"
        + "&startablePermissionCheck=true&startableInTasklist=true");
    assertThat(answer.getStatusCode().value()).as(user).isEqualTo(200);
    Set<String> keys = new HashSet<>();
    for (JsonNode d : json.readTree(answer.getBody())) {
      keys.add(d.get("key").asText());
    }
    return keys;
  }

  @Test
  void whoMayStartWhichProcess() throws Exception {
    Map<String, Set<String>> expected = new LinkedHashMap<>();
    expected.put("jtj1", Set.of("work-order", "emergency-response", "resource-application-review"));
    expected.put("desk1", Set.of("work-order", "emergency-response", "resource-application-review", "assurance"));
    expected.put("engineer1", Set.of("work-order", "emergency-response"));
    expected.put("operator1", Set.of("work-order", "emergency-response"));
    expected.put("manager1", Set.of("work-order", "emergency-response", "service-report", "inspection",
        "emergency-drill", "optimization-review", "assurance", "demand-research", "training", "security-assessment",
        "norm-review", "service-summary-report"));
    expected.put("mgmt1", Set.of("service-report", "optimization-review", "assurance", "demand-research", "training",
        "norm-review", "service-summary-report"));
    expected.put("supervisor1", Set.of());
    List<String> wrong = new ArrayList<>();
    for (var e : expected.entrySet()) {
      Set<String> ours = new HashSet<>(startable(e.getKey()));
      ours.retainAll(Set.of("work-order", "emergency-response", "resource-application-review", "service-report",
          "inspection", "emergency-drill", "optimization-review", "assurance", "demand-research", "training",
          "security-assessment", "staff-pledge", "norm-review", "service-summary-report", "deliverable-approval"));
      if (!ours.equals(e.getValue())) {
        wrong.add(e.getKey() + " may start " + ours + ", the matrix says " + e.getValue());
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** A write with an invalid body: 400 for a role that may write, 403 for one that may not. */
  record Write(String row, HttpMethod method, String path, String body, Set<String> allowed) {}

  static final List<Write> WRITES = List.of(
      new Write("units and business systems: write", HttpMethod.POST, "/api/units", "{}",
          Set.of("manager1", "mgmt1", "admin")),
      new Write("knowledge base: write", HttpMethod.POST, "/api/knowledge", "{}",
          Set.of("desk1", "engineer1", "operator1", "manager1", "admin")),
      new Write("ledger: import inventory", HttpMethod.POST, "/api/ledger/inventory", "[]",
          Set.of("engineer1", "operator1", "manager1", "mgmt1", "admin")),
      new Write("working-day calendar: load", HttpMethod.PUT, "/api/calendar/2035", "{}",
          Set.of("manager1", "mgmt1", "admin")),
      new Write("inspections: checklist templates", HttpMethod.POST, "/api/inspections/checklist-items", "{}",
          Set.of("manager1", "admin")),
      new Write("inspections: machine rooms", HttpMethod.PUT, "/api/inspections/rooms/GZ-MATRIX", "{}",
          Set.of("manager1", "admin")),
      new Write("inspections: management decides on checklist changes", HttpMethod.POST,
          "/api/inspections/checklist-changes/99999999/reject", "{}", Set.of("mgmt1")),
      new Write("monitoring: post samples", HttpMethod.POST, "/api/monitoring/samples", "[{}]",
          Set.of("engineer1", "operator1", "manager1", "admin")),
      new Write("contingency plans: write", HttpMethod.POST, "/api/plans", "{}", Set.of("manager1", "admin")),
      new Write("price list: write", HttpMethod.POST, "/api/optimization/prices", "{}",
          Set.of("manager1", "mgmt1", "admin")),
      new Write("audit log: keep beyond retention", HttpMethod.POST, "/api/audit/1/keep", "{}",
          Set.of("mgmt1", "admin")),
      new Write("trainings: request", HttpMethod.POST, "/api/trainings", "{}", Set.of("manager1", "mgmt1", "admin")),
      new Write("staff roster: joining", HttpMethod.POST, "/api/staff", "{}", Set.of("manager1", "admin")),
      new Write("security assessments: start", HttpMethod.POST, "/api/security-assessments", "{}",
          Set.of("manager1", "admin")),
      new Write("management norms: register", HttpMethod.POST, "/api/norms", "{}", Set.of("manager1", "mgmt1",
          "admin")));

  @Clause("GB 8.4.2 j")
  @Clause("P6 7.4.1.3 d")
  @Test
  void whoMayWriteWhat() {
    List<String> wrong = new ArrayList<>();
    for (Write w : WRITES) {
      for (String user : ROLES) {
        int status = exchange(user, w.method(), w.path(), w.body()).getStatusCode().value();
        int expected = w.allowed().contains(user) ? 400 : 403;
        if (status != expected) {
          wrong.add(w.row() + " as " + user + ": HTTP " + status + ", the matrix says " + expected);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** A read: 200 for a role that may read, 403 for one that may not. */
  record Read(String row, String path, Set<String> refused) {}

  static final List<Read> READS = List.of(
      new Read("KPIs", "/api/kpis?from=2026-01-01&to=2026-01-31", Set.of("jtj1")),
      new Read("inspections: read", "/api/inspections", Set.of("jtj1")),
      new Read("audit log: search", "/api/audit?size=1",
          Set.of("jtj1", "desk1", "engineer1", "operator1", "manager1")));

  @Clause("GB 8.4.2 j")
  @Test
  void whoMayReadWhat() {
    List<String> wrong = new ArrayList<>();
    for (Read r : READS) {
      for (String user : ROLES) {
        int status = get(user, r.path()).getStatusCode().value();
        int expected = r.refused().contains(user) ? 403 : 200;
        if (status != expected) {
          wrong.add(r.row() + " as " + user + ": HTTP " + status + ", the matrix says " + expected);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void unitUsersSeeOnlyTheirOwnUnitsInstancesAndSupervisorsChangeNothing() throws Exception {
    String wjw = processEngine.getRuntimeService().startProcessInstanceByKey("work-order", Map.of("unitCode", "WJW",
        "businessSystemCode", "WJW-WEB", "type", "FAULT", "priority", "LOW", "channel", "HOTLINE",
        "title", "权限矩阵测试", "description", "只有卫健委可见")).getId();
    try {
      assertThat(get("jtj1", "/engine-rest/process-instance/" + wjw).getStatusCode().value()).isEqualTo(404);
      assertThat(get("wjw1", "/engine-rest/process-instance/" + wjw).getStatusCode().value()).isEqualTo(200);
      assertThat(get("supervisor1", "/engine-rest/process-instance/" + wjw).getStatusCode().value()).isEqualTo(200);
      String task = processEngine.getTaskService().createTaskQuery().processInstanceId(wjw).singleResult().getId();
      assertThat(post("supervisor1", "/engine-rest/task/" + task + "/claim", Map.of("userId", "supervisor1"))
          .getStatusCode().value()).isEqualTo(403);
      assertThat(exchange("supervisor1", HttpMethod.DELETE, "/engine-rest/process-instance/" + wjw, null)
          .getStatusCode().value()).isEqualTo(403);
    } finally {
      processEngine.getRuntimeService().deleteProcessInstance(wjw, "test finished");
    }
  }
}
