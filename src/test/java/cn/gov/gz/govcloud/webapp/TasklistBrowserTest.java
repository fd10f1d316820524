package cn.gov.gz.govcloud.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import static cn.gov.gz.govcloud.support.Browser.RAW_KEY;
import static cn.gov.gz.govcloud.support.Browser.action;
import static cn.gov.gz.govcloud.support.Browser.fieldLabelled;
import static cn.gov.gz.govcloud.support.Browser.text;

import cn.gov.gz.govcloud.support.Browser;
import cn.gov.gz.govcloud.support.WebTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser ({@link Browser}: headless Debian Chromium, Chinese, Beijing time) works Tasklist: a unit user starts a
 * resource application from its Camunda Form, an engineer finds the review task, claims it and completes its form.
 * Every start form is opened once. Screenshots go to target/browser-screenshots. Skipped where Chromium is not
 * installed (.ci/run installs the Debian packages chromium and chromium-driver).
 */
class TasklistBrowserTest extends WebTest {

  Browser b;
  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void openBrowser() {
    b = Browser.open(port);
    browser = b.driver();
    wait = b.waiting();
  }

  @AfterEach
  void closeBrowser() {
    if (b != null) {
      b.close();
    }
  }

  private String tasklist() {
    return b.app("tasklist");
  }

  private void login(String user) {
    b.login("tasklist", user, DEMO_PASSWORD);
    wait.until(ExpectedConditions.visibilityOfElementLocated(text("我的任务")));
  }

  private void click(By by) {
    b.click(by);
  }

  private void type(By by, String value) {
    b.type(by, value);
  }

  private void choose(String label, String typed, String option) {
    b.choose(label, typed, option);
  }

  private void shot(String name) {
    b.shot(name);
  }

  private void openStartForm(String processName) {
    b.openStartForm(processName);
  }

  @Test
  void aUnitUserAppliesAndAnEngineerReviewsInChineseTasklist() {
    login("jtj1");
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).contains("我的任务", "发起流程");
    assertThat(RAW_KEY.matcher(page).find()).as("no untranslated label key on the start page: " + page).isFalse();
    shot("01-tasklist-unit-user");

    openStartForm("云资源申请校核");
    // a unit user picks one of the own unit's systems by name, and sees no unit field
    assertThat(browser.findElements(By.xpath("//label[contains(normalize-space(.), '使用单位')]"))).isEmpty();
    choose("业务系统", "协同", "协同办公");
    type(fieldLabelled("用途说明", "textarea"), "浏览器测试：协同办公系统扩容");
    type(fieldLabelled("vCPU", "input"), "4");
    type(fieldLabelled("内存（GB）", "input"), "8");
    type(fieldLabelled("操作系统", "input"), "麒麟 V10");
    // form-js commits typed text after a short debounce: let it settle, then check every value is still there
    new org.openqa.selenium.interactions.Actions(browser).pause(Duration.ofMillis(800)).perform();
    type(fieldLabelled("用途说明", "textarea"), "浏览器测试：协同办公系统扩容");
    type(fieldLabelled("操作系统", "input"), "麒麟 V10");
    shot("02-start-form-filled");
    click(By.xpath("//button[normalize-space(.)='发起']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-container")));

    var runtime = processEngine.getRuntimeService();
    try {
      wait.until(d -> runtime.createProcessInstanceQuery().processDefinitionKey("resource-application-review")
          .variableValueEquals("purpose", "浏览器测试：协同办公系统扩容").count() == 1);
    } catch (org.openqa.selenium.TimeoutException e) {
      shot("failed-start");
      throw new AssertionError("the application was not started; page says: "
          + browser.findElement(By.tagName("body")).getText(), e);
    }
    String instanceId = runtime.createProcessInstanceQuery().processDefinitionKey("resource-application-review")
        .variableValueEquals("purpose", "浏览器测试：协同办公系统扩容").singleResult().getId();

    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult()
        .getTaskDefinitionKey()).as("checked clean: " + runtime.getVariable(instanceId, "problemsText") + " "
            + runtime.getVariables(instanceId)).isEqualTo("Task_TechnicalReview");
    login("engineer1");
    click(action("我的组任务"));
    // other tests' cases share this list (15 a page, soonest due first): page through it as a user would
    String groupFilter = processEngine.getFilterService().createFilterQuery().filterName("我的组任务").singleResult()
        .getId();
    try {
      browser.get(tasklist() + "#/?filter=" + groupFilter);
      boolean found = shortWait(action("技术审核"));
      for (int listPage = 2; listPage <= 5 && !found; listPage++) {
        nextPage();
        found = shortWait(action("技术审核"));
      }
      if (!found) {
        throw new org.openqa.selenium.TimeoutException("not on the first five pages");
      }
    } catch (org.openqa.selenium.TimeoutException e) {
      shot("failed-group-list");
      throw new AssertionError("no review task in the engineer's group list; its first tasks: " + groupList(), e);
    }
    // open this application's review task as the notice's link does (other tests' review tasks may be listed too)
    String taskId = processEngine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult()
        .getId();
    browser.get(tasklist() + "#/?task=" + taskId + "&filter=");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//*[contains(normalize-space(.), '浏览器测试：协同办公系统扩容')]")));
    shot("03-engineer-task");
    click(action("认领"));
    wait.until(d -> "engineer1".equals(processEngine.getTaskService().createTaskQuery().taskId(taskId).singleResult()
        .getAssignee()));
    // the claimed task leaves the group filter; open it again from "my tasks"
    browser.get(tasklist() + "#/?task=" + taskId + "&filter=");
    click(By.xpath("//label[contains(normalize-space(.), '同意，提交管理方审批')]"));
    shot("04-review-form");
    click(By.xpath("//button[normalize-space(.)='完成']"));
    wait.until(d -> processEngine.getTaskService().createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("Task_ManagementApproval").count() == 1);
    shot("05-review-completed");
  }

  @Test
  void theClassificationFormOffersTheUnitsBusinessSystems() {
    String instanceId = processEngine.getRuntimeService().startProcessInstanceByKey("work-order", Map.of(
        "unitCode", "JTJ", "businessSystemCode", "JTJ-TOCC", "type", "FAULT", "priority", "HIGH",
        "channel", "HOTLINE", "title", "浏览器测试工单", "description", "下拉框")).getId();
    String taskId = processEngine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult()
        .getId();
    login("desk1");
    browser.get(tasklist() + "#/?task=" + taskId + "&filter=");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//*[contains(normalize-space(.), '交通运行监测调度平台（1 级服务）')]")));
    shot("classify-form-systems");
  }

  @Test
  void cockpitAndAdminSpeakChineseToo() {
    browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=text]"))).sendKeys("manager1");
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys(DEMO_PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(action("流程")));
    String cockpit = browser.findElement(By.tagName("body")).getText();
    assertThat(cockpit).contains("流程", "决策");
    assertThat(RAW_KEY.matcher(cockpit).find()).as(cockpit).isFalse();
    shot("cockpit-zh");

    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/camunda/app/admin/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=text]"))).sendKeys("admin");
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys("admin-test-password");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(action("用户")));
    String admin = browser.findElement(By.tagName("body")).getText();
    assertThat(admin).contains("用户", "组", "授权");
    shot("admin-zh");
  }

  @Test
  void everyStartFormRendersWithoutErrors() {
    login("desk1");
    for (String process : List.of("运维工单", "云资源申请校核", "应急事件处置")) {
      openStartForm(process);
      String form = browser.findElement(By.cssSelector(".fjs-container")).getText();
      assertThat(form).as(process).isNotBlank().doesNotContain("Error", "error");
      shot("start-form-" + process);
      click(By.xpath("//button[normalize-space(.)='取消' or normalize-space(.)='关闭']"));
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-container")));
      // the dialog fades out: a click before it has gone lands on the closing dialog, not on the page
      wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".modal, .modal-backdrop"), 0));
    }
  }

  @Test
  void anInspectorFillsTheChecklistInTasklist() {
    var runtime = processEngine.getRuntimeService();
    String instanceId = runtime.startProcessInstanceByKey("inspection", Map.of("inspectionKind", "SPECIAL",
        "scopeCategories", "存储", "reason", "浏览器测试：存储巡检")).getId();
    var tasks = processEngine.getTaskService();
    tasks.complete(tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId(), Map.of(
        "dueDate", java.time.LocalDate.now().plusDays(10).toString(), "resourceInspector", "operator1"));
    String confirmId = tasks.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("Task_ConfirmRequirements").singleResult().getId();

    // management sees the requirements to confirm (P6 7.2.3.1.1) in its own Tasklist
    login("mgmt1");
    browser.get(tasklist() + "#/?task=" + confirmId + "&filter=");
    wait.until(d -> d.findElements(By.xpath("//label[starts-with(normalize-space(.),'确认结果')]")).size() == 1);
    wait.until(d -> d.findElement(By.cssSelector(".fjs-container")).getText().contains("巡检要求"));
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).contains("管理方确认巡检要求",
        "确认巡检要求（含所列巡检项变更）", "退回运维经理修改");
    shot("inspection-requirements");
    tasks.complete(confirmId, Map.of("requirementsDecision", "CONFIRM"));
    String taskId = tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("Task_ResourceChecklist")
        .singleResult().getId();

    login("manager1");
    openStartForm("政务云资源与机房巡检");
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).contains("巡检类型", "巡检原因");
    click(By.xpath("//button[normalize-space(.)='取消' or normalize-space(.)='关闭']"));

    login("operator1");
    browser.get(tasklist() + "#/?task=" + taskId + "&filter=");
    try {
      wait.until(d -> d.findElements(By.xpath("//label[starts-with(normalize-space(.),'结果')]")).size() == 3);
    } catch (org.openqa.selenium.TimeoutException e) {
      shot("failed-checklist-open");
      throw new AssertionError("the checklist did not show its items; page says: "
          + browser.findElement(By.tagName("body")).getText(), e);
    }
    shot("inspection-checklist");
    List<WebElement> results = browser.findElements(By.xpath(
        "//label[starts-with(normalize-space(.),'结果')]/following::*[contains(@class,'fjs-input-group')][1]"));
    assertThat(results).hasSize(3);
    for (WebElement select : results) {
      ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
          "arguments[0].scrollIntoView({block:'center'})", select);
      select.click();
      click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='正常']"));
    }
    shot("inspection-checklist-filled");
    // a change inside a dynamic list must not leave the Complete button disabled (scripts/dynamic-list-validity.js)
    click(By.xpath("//button[normalize-space(.)='完成']"));
    try {
      wait.until(d -> tasks.createTaskQuery().taskId(taskId).count() == 0);
    } catch (org.openqa.selenium.TimeoutException e) {
      shot("failed-checklist");
      throw new AssertionError("the checklist was not completed; page says: "
          + browser.findElement(By.tagName("body")).getText(), e);
    }
    // the report is the system's own step (the job executor is off in tests)
    var management = processEngine.getManagementService();
    management.executeJob(management.createJobQuery().processInstanceId(instanceId)
        .activityId("ServiceTask_WriteReport").singleResult().getId());
    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId)
        .singleResult().getEndTime()).as("no findings: the inspection reported and ended").isNotNull();
  }

  /** The first tasks of the engineer's group filter as Tasklist lists them (for a failure message). */
  private String groupList() {
    var filters = processEngine.getFilterService();
    var filter = filters.createFilterQuery().filterName("我的组任务").singleResult();
    var identity = processEngine.getIdentityService();
    identity.setAuthentication("engineer1", java.util.List.of("ops-engineer"));
    try {
      java.util.List<org.camunda.bpm.engine.task.Task> first = filters.listPage(filter.getId(), 0, 20);
      return first.stream().map(t -> t.getName() + " due " + t.getDueDate() + " created " + t.getCreateTime())
          .collect(java.util.stream.Collectors.joining("; "));
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Whether the element shows within five seconds. */
  private boolean shortWait(org.openqa.selenium.By by) {
    try {
      new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5))
          .until(ExpectedConditions.visibilityOfElementLocated(by));
      return true;
    } catch (org.openqa.selenium.TimeoutException e) {
      return false;
    }
  }

  /** The list's next page, with the pager under it. */
  private void nextPage() {
    var next = browser.findElements(org.openqa.selenium.By.xpath(
        "//ul[contains(@class,'pagination')]//li[contains(@class,'pagination-next')]/a"));
    if (!next.isEmpty()) {
      ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);",
          next.get(0));
      next.get(0).click();
    }
  }
}
