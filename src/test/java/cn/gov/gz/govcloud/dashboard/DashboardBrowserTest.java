package cn.gov.gz.govcloud.dashboard;

import cn.gov.gz.govcloud.support.Clause;
import static cn.gov.gz.govcloud.dashboard.DashboardFixture.*;
import static cn.gov.gz.govcloud.support.Browser.action;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Browser;
import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 24 in a real browser (headless Chromium, Chinese, Beijing time): the bureau, a unit and the supervisor open
 * the dashboard and the big screen, logged in with their Tasklist session. The figures on the screen are checked
 * against the seeded operation ({@link DashboardFixture}; the bureau's against the tables, since other tests' cases
 * are every unit's too), a unit sees its own unit only, a figure opens its list and a list leads on to Tasklist and
 * Cockpit, a browser without a session goes through the login and back, the welcome page links to both screens, and
 * the big screen refreshes itself. The screenshots (target/browser-screenshots/dashboard-*.png) are those README
 * shows.
 */
class DashboardBrowserTest extends WebTest {

  /** Data on the page that people or other tests typed (names, case numbers, resource ids), left out of the check. */
  static final String[] DATA = {".cases tbody", ".recent ul", ".deliverables tbody td:nth-child(2)", ".dialog tbody"};

  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired DashboardService dashboard;

  Browser b;
  DashboardFixture fixture;

  @BeforeEach
  void open() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    dashboard.forget();
    fixture = DashboardFixture.seeded(jdbc, processEngine.getIdentityService(), (user, path, body) -> {
      var answer = post(user, path, body);
      assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " " + answer.getBody()).isTrue();
      try {
        return json.readTree(answer.getBody());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    b = Browser.open(port);
  }

  @AfterEach
  void close() {
    if (b != null) {
      b.close();
    }
    ClockUtil.reset();
  }

  String dashboardUrl(String path) {
    return "http://localhost:" + port + "/dashboard/" + path;
  }

  /** Opens the dashboard (or the big screen) and waits until its charts are drawn. */
  void openDashboard(String path) {
    b.driver().get(dashboardUrl(path));
    b.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".panel")));
    b.waiting().until(d -> (Boolean) js("return !!document.querySelector('#chart-work-order-status') "
        + "&& !!echarts.getInstanceByDom(document.querySelector('#chart-work-order-status'))"));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) b.driver()).executeScript(script, args);
  }

  /** The number in the tile labelled so (the first such tile on the page). */
  String tile(String label) {
    // found and read in one script: the big screen redraws its tiles while it refreshes
    String xpath = "//div[contains(@class,'tile')][div[@class='tile-label' and normalize-space(.)='" + label
        + "']]/div[@class='tile-value']";
    Object text = js("var v = document.evaluate(arguments[0], document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, "
        + "null).singleNodeValue; return v && v.firstChild ? v.firstChild.nodeValue : null;", xpath);
    return text == null ? "" : String.valueOf(text).strip(); // "" while the tile is being redrawn
  }

  @SuppressWarnings("unchecked")
  List<Number> chartValues(String chart, int series) {
    return (List<Number>) js("return echarts.getInstanceByDom(document.getElementById('chart-' + arguments[0]))"
        + ".getOption().series[arguments[1]].data", chart, series);
  }

  /** The viewport at {@code width} × the page's whole height, so a screenshot shows every panel. */
  void wholePage(int width) {
    long height = ((Number) js("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
    viewport(width, (int) height);
  }

  /** The viewport's size in CSS pixels, whatever the window around it (the big screen is laid out for 1920×1080). */
  void viewport(int width, int height) {
    b.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width, "height",
        height, "deviceScaleFactor", 1, "mobile", false));
    settle();
  }

  void normalViewport() {
    b.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    settle();
  }

  /** Lets the charts redraw at a new size (they follow the window's resize event). */
  void settle() {
    new org.openqa.selenium.interactions.Actions(b.driver()).pause(Duration.ofMillis(700)).perform();
  }

  /**
   * The open list's text over all its pages. The bureau's lists hold every unit's cases, other tests' among them, so
   * the fixture's own rows may be on any page.
   */
  String wholeList() {
    StringBuilder text = new StringBuilder(b.driver().findElement(By.cssSelector(".dialog")).getText());
    while (nextPage()) {
      text.append('\n').append(b.driver().findElement(By.cssSelector(".dialog")).getText());
    }
    return text.toString();
  }

  /** The row of the open list that holds {@code cell}, paging on until it is shown. */
  WebElement rowInList(String cell) {
    By row = By.xpath("//div[@class='dialog']//table[@class='list']//tr[td[normalize-space(.)='" + cell + "']]");
    while (b.driver().findElements(row).isEmpty()) {
      assertThat(nextPage()).as(cell + " in the list").isTrue();
    }
    return b.driver().findElement(row);
  }

  /** Goes on to the open list's next page and waits for it; false on the last page. */
  boolean nextPage() {
    List<WebElement> next = b.driver().findElements(By.xpath("//div[@class='dialog']//div[@class='pager']"
        + "/button[normalize-space(.)='下一页']"));
    if (next.isEmpty() || !next.get(0).isEnabled()) {
      return false;
    }
    WebElement shown = b.driver().findElement(By.cssSelector(".dialog"));
    next.get(0).click();
    b.waiting().until(ExpectedConditions.stalenessOf(shown));
    b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dialog .pager")));
    return true;
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
  }

  @Clause("P6 7.2.4.5")
  @Test
  void theBureauSeesTheCityOpensTheListsBehindAndGoesOnToTasklistAndCockpit() {
    // from the welcome page, where the link is
    b.login("welcome", "mgmt1", DEMO_PASSWORD);
    b.waiting().until(ExpectedConditions.visibilityOfElementLocated(action("运营可视化")));
    b.assertChinese("dashboard-00-welcome-link", Set.of());
    b.click(action("运营可视化"));
    b.waiting().until(ExpectedConditions.urlContains("/dashboard/"));
    b.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".panel")));
    openDashboard("");

    long open = count("SELECT COUNT(*) FROM emergency WHERE status <> 'CLOSED' AND drill = FALSE");
    long overdue = count("SELECT COUNT(*) FROM emergency WHERE status = 'OPEN' AND responded_at IS NULL "
        + "AND drill = FALSE AND response_due_at < ?", java.sql.Timestamp.from(NOW));
    assertThat(tile("未结应急事件")).isEqualTo(String.valueOf(open));
    assertThat(tile("超过响应时限仍未响应的应急事件")).isEqualTo(String.valueOf(overdue));
    assertThat(tile("未结工单")).isEqualTo(String.valueOf(count("SELECT COUNT(*) FROM work_order WHERE status <> "
        + "'CLOSED'")));
    assertThat(tile("本季度巡检进度")).isEqualTo("50");
    assertThat(b.page()).contains("查看范围：全市（全部使用单位）", "管理方王处长", "2043 年第 2 季度",
        "数据时间 2043-05-15 10:00:00", "应急事件按时响应率", RESPONDED_IN_TIME, "运维服务报告（月度）", "已发布（第 1 版）",
        "应急演练报告", "逾期未演练", "恢复时限尚未纳入系统", "交付物登记册");
    // the charts draw the figures: the seeded KPI month and every unit's open cases by level
    List<Number> trend = chartValues("kpi-trend", 0);
    assertThat(trend).hasSize(7);
    assertThat(trend.get(6).doubleValue()).isEqualTo(66.7);
    long waitingTop = count("SELECT COUNT(*) FROM emergency WHERE status = 'OPEN' AND drill = FALSE "
        + "AND severity = '特别重大'");
    assertThat(chartValues("emergency-levels", 0).get(0).longValue()).isEqualTo(waitingTop);
    wholePage(1440);
    b.assertChinese("dashboard-01-bureau", Set.of(), DATA);
    normalViewport();

    // a figure opens the list that counts it; the list says by which definition
    b.click(By.xpath("//section[@class='tiles']//div[contains(@class,'tile')][div[normalize-space(.)="
        + "'超过响应时限仍未响应的应急事件']]"));
    b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dialog table.list")));
    b.assertChinese("dashboard-02-bureau-list", Set.of(), DATA);
    assertThat(wholeList()).contains("超过响应时限仍未响应", "共 " + overdue + " 条", fixture.emergencyAOverdue,
        fixture.emergencyBOverdue, "口径：截至报告生成时");
    b.driver().findElement(By.cssSelector(".dialog .close")).click();

    // the case reported over the API: on to its task in Tasklist and its instance in Cockpit
    b.click(By.xpath("//div[contains(@class,'tile')][div[normalize-space(.)='待响应']]"));
    b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dialog table.list")));
    WebElement row = rowInList(fixture.reported);
    String task = row.findElement(By.xpath(".//a[starts-with(normalize-space(.), '办理：')]")).getAttribute("href");
    String cockpit = row.findElement(By.xpath(".//a[normalize-space(.)='流程监控']")).getAttribute("href");
    b.driver().get(task);
    b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    assertThat(b.page()).contains(fixture.reported, "甲局政务服务系统");
    b.shot("dashboard-03-bureau-to-tasklist");
    b.driver().get(cockpit);
    b.waiting().until(d -> b.page().contains("应急事件处置"));
    b.shot("dashboard-04-bureau-to-cockpit");

    // the duty room's big screen: 1920×1080, no controls
    viewport(1920, 1080);
    openDashboard("screen");
    assertThat(b.driver().findElements(By.cssSelector("button, nav, .clickable"))).isEmpty();
    assertThat(b.page()).contains("广州市政务云运营监控大屏", "（北京时间）");
    b.assertChinese("dashboard-05-screen", Set.of(), DATA);
  }

  @Clause("P6 7.2.4.3")
  @Test
  void aUnitSeesItsOwnUnitOnlyAndItsBigScreenRefreshesItself() {
    // without a session the dashboard goes through the Tasklist login and back
    b.driver().get(dashboardUrl(""));
    b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    b.driver().findElement(By.cssSelector("input[type=text]")).sendKeys(fixture.userA);
    b.driver().findElement(By.cssSelector("input[type=password]")).sendKeys(DEMO_PASSWORD);
    b.driver().findElement(By.cssSelector("button[type=submit]")).click();
    b.waiting().until(ExpectedConditions.urlMatches(".*/dashboard/$"));
    openDashboard("");

    assertThat(tile("未结应急事件")).isEqualTo(String.valueOf(A_OPEN_EMERGENCIES));
    assertThat(tile("超过响应时限仍未响应的应急事件")).isEqualTo(String.valueOf(A_OVERDUE));
    assertThat(tile("未结工单")).isEqualTo(String.valueOf(A_OPEN_WORK_ORDERS));
    assertThat(tile("逾期未解决的工单")).isEqualTo(String.valueOf(A_WORK_ORDERS_OVERDUE));
    assertThat(tile("未关闭告警")).isEqualTo(String.valueOf(A_OPEN_ALERTS));
    assertThat(tile("闲置资源")).isEqualTo(String.valueOf(A_IDLE));
    assertThat(tile("本期资源费用")).isEqualTo(A_COST.replace(" 元", ""));
    assertThat(b.page()).contains("查看范围：" + fixture.nameA, DashboardService.KPIS_CLOSED,
        DashboardService.INSPECTION_CLOSED, fixture.emergencyAOverdue, "已超时 15 分", "甲局数据级容灾预案")
        .doesNotContain(fixture.nameB, fixture.emergencyBOverdue, "乙局", "流程监控");
    assertThat(chartValues("emergency-levels", 0)).extracting(Number::longValue).containsExactly(1L, 2L, 0L, 0L, 0L);
    // a unit's page holds only its own data: checked whole
    wholePage(1440);
    b.assertChinese("dashboard-06-unit", Set.of());
    normalViewport();

    b.click(By.xpath("//section[@class='tiles']//div[contains(@class,'tile')][div[normalize-space(.)='未结工单']]"));
    b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dialog table.list")));
    assertThat(b.driver().findElement(By.cssSelector(".dialog")).getText()).contains("共 " + A_OPEN_WORK_ORDERS + " 条")
        .doesNotContain(fixture.workOrderB);
    b.shot("dashboard-07-unit-list");

    // the big screen refreshes by itself: a new case appears without anyone touching it
    viewport(1920, 1080);
    openDashboard("screen");
    assertThat(tile("未结应急事件")).isEqualTo(String.valueOf(A_OPEN_EMERGENCIES));
    b.assertChinese("dashboard-08-screen-unit", Set.of());
    jdbc.sql("INSERT INTO emergency (emergency_no, unit_code, business_system_code, category, severity, service_hours, "
            + "source, description, detected_at, received_at, status, response_clock_start, response_within_s, "
            + "response_due_at, feedback_interval_s, updated_at) VALUES (?, ?, ?, 'OTHER', '一般', '5x8', 'USER', "
            + "'看板测试：刷新', ?, ?, 'OPEN', ?, 600, ?, 3600, ?)")
        .params(number("EM", "E8", fixture.unitA), fixture.unitA, fixture.systemA, java.sql.Timestamp.from(NOW),
            java.sql.Timestamp.from(NOW), java.sql.Timestamp.from(NOW), java.sql.Timestamp.from(NOW.plusSeconds(600)),
            java.sql.Timestamp.from(NOW))
        .update();
    try {
      dashboard.forget();
      new WebDriverWait(b.driver(), Duration.ofSeconds(45)).until(d -> tile("未结应急事件")
          .equals(String.valueOf(A_OPEN_EMERGENCIES + 1)));
    } finally {
      jdbc.sql("DELETE FROM emergency WHERE emergency_no = ?").param(number("EM", "E8", fixture.unitA)).update();
      dashboard.forget();
    }
  }

  @Test
  void theSupervisorReadsEverythingWithCockpitAndNothingToChange() {
    b.login("tasklist", "supervisor1", DEMO_PASSWORD);
    openDashboard("");
    assertThat(b.page()).contains("查看范围：全市（全部使用单位）", "监理周监理", "应急事件按时响应率", "2043 年第 2 季度",
        "流程监控");
    wholePage(1440);
    b.assertChinese("dashboard-09-supervisor", Set.of(), DATA);
    normalViewport();
    b.click(By.xpath("//a[normalize-space(.)='" + RESPONDED_IN_TIME + "']"));
    b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dialog table.list")));
    assertThat(b.driver().findElement(By.cssSelector(".dialog")).getText()).contains("共 " + RECEIVED_THIS_MONTH + " 条",
        "口径：应急事件按时响应率的统计对象");
    b.shot("dashboard-10-supervisor-kpi-list");
  }
}
