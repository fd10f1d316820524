package cn.gov.gz.govcloud.dashboard;

import static cn.gov.gz.govcloud.dashboard.DashboardFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.kpi.Kpi;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's figures against a known operation ({@link DashboardFixture}) as the bureau and a unit see them: the
 * seeded numbers, unit isolation exactly as on the REST API, every figure equal to the list it opens, the KPIs equal
 * to the KPI room's (and so to {@code /api/kpis} and the documents). Navigation and access: {@link DashboardAccessTest}.
 */
class DashboardTest extends DashboardTestSupport {

  @Test
  void aUnitSeesItsOwnUnitsFiguresOnly() throws Exception {
    WebappSession a = WebappSession.login(port, "tasklist", fixture.userA, DEMO_PASSWORD);
    JsonNode s = snapshot(a);
    assertThat(s.get("viewer").get("scope").asText()).isEqualTo(fixture.nameA);
    assertThat(s.get("viewer").get("allUnits").asBoolean()).isFalse();
    assertThat(s.get("viewer").get("cockpit").asBoolean()).isFalse();
    assertThat(figure(s, "emergencies", "open")).isEqualTo(A_OPEN_EMERGENCIES);
    assertThat(figure(s, "emergencies", "notResponded")).isEqualTo(A_WAITING);
    assertThat(figure(s, "emergencies", "overdue")).isEqualTo(A_OVERDUE);
    assertThat(figure(s, "emergencies", "recovered")).isEqualTo(A_RECOVERED);
    assertThat(figure(s, "workOrders", "open")).isEqualTo(A_OPEN_WORK_ORDERS);
    assertThat(figure(s, "workOrders", "overdue")).isEqualTo(A_WORK_ORDERS_OVERDUE);
    assertThat(figure(s, "workOrders", "dispatchOverdue")).isEqualTo(A_DISPATCH_OVERDUE);
    assertThat(figure(s, "workOrders", "receivedToday")).isEqualTo(1);
    assertThat(figure(s, "alerts", "open")).isEqualTo(A_OPEN_ALERTS);
    assertThat(figure(s, "alerts", "severe")).isEqualTo(A_SEVERE_ALERTS);
    assertThat(figure(s, "alerts", "raisedToday")).isEqualTo(2);
    assertThat(figure(s, "resources", "total")).isEqualTo(A_LEDGER);
    assertThat(figure(s, "resources", "poweredOff")).isEqualTo(A_POWERED_OFF);
    assertThat(figure(s, "resources", "idle")).isEqualTo(A_IDLE);
    JsonNode costs = s.get("sections").get("costs").get("data");
    assertThat(costs.get("total").asText()).isEqualTo(A_COST);
    assertThat(costs.get("idleCost").asText()).isEqualTo(A_IDLE_COST);
    assertThat(costs.get("units").asInt()).isEqualTo(1);
    assertThat(costs.get("byUnit").get("categories")).extracting(JsonNode::asText).containsExactly(fixture.nameA);

    // the levels of the open cases, waiting / responded / recovered: E1 特别重大, E2 and the reported one 重大, ...
    JsonNode levels = s.get("sections").get("emergencies").get("data").get("byLevel");
    assertThat(levels.get("categories")).extracting(JsonNode::asText)
        .containsExactly("特别重大", "重大", "较大", "一般", "待定");
    assertThat(levels.get("series").get(0).get("values")).extracting(JsonNode::asLong).containsExactly(1L, 2L, 0L, 0L,
        0L);
    assertThat(levels.get("series").get(1).get("values")).extracting(JsonNode::asLong).containsExactly(0L, 0L, 1L, 0L,
        0L);
    assertThat(levels.get("series").get(2).get("values")).extracting(JsonNode::asLong).containsExactly(0L, 0L, 0L, 1L,
        0L);
    // the clocks: the overdue case first, with its lateness; the waiting one with the minutes left
    JsonNode cases = s.get("sections").get("emergencies").get("data").get("cases");
    assertThat(cases.get(0).get("emergencyNo").asText()).isEqualTo(fixture.emergencyNo("E1"));
    assertThat(cases.get(0).get("response").asText()).isEqualTo("剩余 3 分钟（2043-05-15 10:03 前）");
    assertThat(cases.get(1).get("emergencyNo").asText()).isEqualTo(fixture.emergencyAOverdue);
    assertThat(cases.get(1).get("response").asText()).isEqualTo("已超时 15 分钟 未响应");
    assertThat(cases.get(1).get("late").asBoolean()).isTrue();
    assertThat(cases.get(1).get("recovery").asText()).isEqualTo("未恢复，距发现 20 分钟");
    assertThat(cases).extracting(c -> c.get("emergencyNo").asText())
        .doesNotContain(fixture.emergencyBOverdue, fixture.emergencyNo("E6"));

    // what the API refuses a unit, the dashboard does not show it either
    assertThat(s.get("sections").get("evaluation").get("data").isNull()).isTrue();
    assertThat(s.get("sections").get("evaluation").get("note").asText()).isEqualTo(DashboardService.KPIS_CLOSED);
    assertThat(s.get("sections").get("inspection").get("data").isNull()).isTrue();
    assertThat(a.getBytes(DashboardController.API + "/lists/findings", "application/json").statusCode())
        .isEqualTo(403);
    assertThat(a.getBytes(DashboardController.API + "/lists/inspections", "application/json").statusCode())
        .isEqualTo(403);

    // lists: the unit's own rows only, even when asked for another unit's
    JsonNode open = read(a, DashboardController.API + "/lists/emergencies?state=open");
    assertThat(open.get("total").asLong()).isEqualTo(A_OPEN_EMERGENCIES);
    assertThat(column(open, "unit")).containsOnly(fixture.nameA);
    assertThat(read(a, DashboardController.API + "/lists/emergencies?no=" + fixture.emergencyBOverdue).get("total")
        .asLong()).isZero();
    assertThat(read(a, DashboardController.API + "/lists/costs?unit=" + fixture.unitB).get("total").asLong()).isZero();
    assertThat(read(a, DashboardController.API + "/lists/work-orders?state=open").toString())
        .doesNotContain(fixture.workOrderB);
    JsonNode plansOfA = read(a, DashboardController.API + "/lists/plans");
    assertThat(column(plansOfA, "no")).containsExactly(fixture.planNo());
    assertThat(column(plansOfA, "status")).containsExactly("逾期未演练");
    JsonNode docs = read(a, DashboardController.API + "/lists/documents");
    assertThat(column(docs, "title")).containsExactly("应急事件响应报告（甲局）");
    JsonNode due = read(a, DashboardController.API + "/lists/reports-due");
    assertThat(column(due, "no")).containsExactly(fixture.emergencyNo("E5"));
    assertThat(column(due, "status")).containsExactly("已逾期");

    // unit B: its own case, none of A's
    WebappSession b = WebappSession.login(port, "tasklist", fixture.userB, DEMO_PASSWORD);
    JsonNode sb = snapshot(b);
    assertThat(figure(sb, "emergencies", "open")).isEqualTo(1);
    assertThat(figure(sb, "emergencies", "overdue")).isEqualTo(1);
    assertThat(figure(sb, "workOrders", "open")).isEqualTo(1);
    assertThat(figure(sb, "alerts", "open")).isEqualTo(1);
    assertThat(sb.toString()).doesNotContain(fixture.unitA, fixture.nameA, fixture.emergencyAOverdue);
  }

  @Clause("P3 5.1.4")
  @Clause("P6 7.2.4.6")
  @Test
  void theBureauSeesEveryUnitAndTheSameKpisAsTheDocuments() throws Exception {
    WebappSession bureau = WebappSession.login(port, "tasklist", "mgmt1", DEMO_PASSWORD);
    JsonNode s = snapshot(bureau);
    assertThat(s.get("viewer").get("allUnits").asBoolean()).isTrue();
    assertThat(s.get("viewer").get("scope").asText()).isEqualTo("全市（全部使用单位）");
    // every unit's open cases, counted independently from the tables (other tests' cases included)
    assertThat(figure(s, "emergencies", "open")).isEqualTo(count(
        "SELECT COUNT(*) FROM emergency WHERE status <> 'CLOSED' AND drill = FALSE"));
    assertThat(figure(s, "emergencies", "overdue")).isEqualTo(count("SELECT COUNT(*) FROM emergency WHERE status = "
        + "'OPEN' AND responded_at IS NULL AND drill = FALSE AND response_due_at < ?", NOW));
    assertThat(figure(s, "workOrders", "open")).isEqualTo(count("SELECT COUNT(*) FROM work_order WHERE status <> "
        + "'CLOSED'"));
    assertThat(figure(s, "alerts", "open")).isEqualTo(count("SELECT COUNT(*) FROM monitoring_alert WHERE status = "
        + "'OPEN'"));
    assertThat(figure(s, "emergencies", "overdue")).isGreaterThanOrEqualTo(A_OVERDUE + 1);

    // the KPIs of this month: the seeded answer, the KPI room's figures and /api/kpis alike
    JsonNode evaluation = s.get("sections").get("evaluation").get("data");
    JsonNode responded = find(evaluation.get("figures"), Kpi.EMERGENCY_RESPONDED_IN_TIME.name());
    assertThat(responded.get("current").asText()).isEqualTo(RESPONDED_IN_TIME);
    assertThat(responded.get("definition").asText()).isEqualTo(Kpi.EMERGENCY_RESPONDED_IN_TIME.definition());
    Map<Kpi, Double> figures = kpis.figures(LocalDate.parse("2043-05-01"), LocalDate.parse("2043-05-15"));
    Map<Kpi, Double> full = Kpi.valuesIn(kpis.compute(LocalDate.parse("2043-05-01"), LocalDate.parse("2043-05-15")));
    assertThat(figures).isEqualTo(full);
    for (JsonNode f : evaluation.get("figures")) {
      Kpi k = Kpi.valueOf(f.get("key").asText());
      assertThat(f.get("current").asText()).as(k.label()).isEqualTo(k.format(figures.get(k)));
    }
    JsonNode api = json.readTree(get("mgmt1", "/api/kpis?from=2043-05-01&to=2043-05-15").getBody());
    assertThat(api.get("efficiency").get("emergencyRespondedInTime").asDouble())
        .isEqualTo(figures.get(Kpi.EMERGENCY_RESPONDED_IN_TIME));
    assertThat(evaluation.get("months")).hasSize(7);
    JsonNode overdueNow = find(evaluation.get("figures"), Kpi.OPEN_WORK_ORDERS_OVERDUE.name());
    assertThat(overdueNow.get("texts")).extracting(JsonNode::asText).as("a count of now is not a past month's")
        .containsExactly("—", "—", "—", "—", "—", "—", overdueNow.get("current").asText());
    assertThat(evaluation.get("months").get(6).asText()).isEqualTo("2043年5月");
    JsonNode received = list(bureau, responded.get("list"));
    assertThat(received.get("total").asLong()).isEqualTo(RECEIVED_THIS_MONTH);
    assertThat(column(received, "response").stream().filter(r -> r.contains("按时")).count()).isEqualTo(2);
    assertThat(column(received, "response").stream().filter(r -> r.contains("超时）")).count()).isEqualTo(1);

    // this quarter's inspection, the deliverables, the costs of every unit
    JsonNode inspection = s.get("sections").get("inspection").get("data");
    assertThat(inspection.get("quarter").asText()).isEqualTo("2043 年第 2 季度");
    assertThat(inspection.get("areasDone").asLong()).isEqualTo(2);
    assertThat(inspection.get("areas").asLong()).isEqualTo(4);
    assertThat(inspection.get("findingsOpen").asLong()).isEqualTo(1);
    JsonNode items = s.get("sections").get("deliverables").get("data").get("items");
    assertThat(items.toString()).contains("运维服务报告（月度）", "2043 年 4 月", "已发布（第 1 版）", "巡检报告（季度全面巡检）",
        "应急演练报告", "逾期未演练", "应急事件响应报告", "交付物登记册（附录 D）", "/deliverables/");
    // the panel names the soonest drills (other tests' plans may come first); the list behind it every one
    assertThat(column(read(bureau, DashboardController.API + "/lists/plans"), "no")).contains(fixture.planNo());
    JsonNode costs = s.get("sections").get("costs").get("data");
    assertThat(costs.get("total").asText()).isEqualTo("2,500.00 元");
    // horizontal bars are drawn bottom up: the most expensive unit last, on top
    assertThat(costs.get("byUnit").get("categories")).extracting(JsonNode::asText)
        .containsExactly(fixture.nameB, fixture.nameA);
    assertThat(s.get("sections").get("resources").get("freshness").asText()).contains(fixture.reviewNo(),
        "2043-04-01 至 2043-04-30");
    // every panel states when its figures were read
    s.get("sections").fields().forEachRemaining(e -> assertThat(e.getValue().get("asOf").asText())
        .as(e.getKey()).isEqualTo("2043-05-15 10:00:00"));
  }

  @Clause("P6 7.2.4.4")
  @Test
  void everyFigureOpensTheListThatCountsIt() throws Exception {
    for (String user : List.of("mgmt1", "supervisor1", fixture.userA)) {
      WebappSession session = WebappSession.login(port, "tasklist", user, DEMO_PASSWORD);
      JsonNode s = snapshot(session);
      List<JsonNode[]> checks = new ArrayList<>();
      collect(s.get("sections"), checks);
      assertThat(checks).as(user).hasSizeGreaterThan(20);
      for (JsonNode[] c : checks) {
        assertThat(list(session, c[1]).get("total").asLong()).as(user + ": " + c[1]).isEqualTo(c[0].asLong());
      }
    }
  }

  /** Every figure (value + list) and every chart value with its list, anywhere in the answer. */
  static void collect(JsonNode node, List<JsonNode[]> out) {
    if (node == null || !node.isContainerNode()) {
      return;
    }
    if (node.has("value") && node.has("list") && node.get("list").isObject()) {
      out.add(new JsonNode[] {node.get("value"), node.get("list")});
    }
    // a chart of amounts (元) opens the units or resources behind them, which are not counted by the amount
    boolean counts = !node.has("name") || !node.get("name").asText().contains("元");
    if (counts && node.has("values") && node.has("lists") && node.get("lists").isArray()) {
      for (int i = 0; i < node.get("values").size(); i++) {
        out.add(new JsonNode[] {node.get("values").get(i), node.get("lists").get(i)});
      }
    }
    node.forEach(child -> collect(child, out));
  }
}
