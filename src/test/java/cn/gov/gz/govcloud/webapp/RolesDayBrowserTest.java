package cn.gov.gz.govcloud.webapp;

import static cn.gov.gz.govcloud.support.Browser.action;
import static cn.gov.gz.govcloud.support.Browser.fieldLabelled;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Browser;
import cn.gov.gz.govcloud.support.WebTest;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 19: each role's day in the webapps as Chinese staff see them, on a server whose zone is UTC (the suite's JVM)
 * and a browser in Beijing: a unit reports an emergency on its own system by name and is told the case number; the duty
 * engineer finds it by its number and system, responds and handles it; the unit verifies recovery knowing cause and
 * result; the desk, the bureau and the ops manager open their lists; the supervisor reads Cockpit without write
 * controls; the administrator opens users and groups. Every page is saved as a screenshot under
 * target/browser-screenshots (the pictures README shows come from here) and must show no English but product names,
 * units and codes.
 */
class RolesDayBrowserTest extends WebTest {

  /** Process and decision keys Cockpit lists beside their Chinese names (the public contract of integrations). */
  static final Set<String> KEYS = Set.of("emergency", "response", "work", "order", "resource", "application",
      "review", "inspection", "schedule", "optimization", "drill", "reminder", "service", "report", "classification",
      "monitoring", "thresholds", "appendix", "candidates", "line", "check", "dispatch", "rules", "level", "targets");

  Browser b;

  @BeforeEach
  void open() {
    b = Browser.open(port);
  }

  @AfterEach
  void close() {
    if (b != null) {
      b.close();
    }
  }

  Task only(String definitionKey, String taskKey) {
    return processEngine.getTaskService().createTaskQuery().processDefinitionKey(definitionKey)
        .taskDefinitionKey(taskKey).processVariableValueEquals("description", "浏览器测试：协同办公系统响应缓慢")
        .singleResult();
  }

  void openTask(Task task) {
    b.driver().get(b.app("tasklist") + "#/?task=" + task.getId() + "&filter=");
    b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
  }

  /** Claims the open task and opens it again, as a user does, so its form is editable. */
  void claim(Task task, String user) {
    b.click(action("认领"));
    b.waiting().until(d -> user.equals(processEngine.getTaskService().createTaskQuery().taskId(task.getId())
        .singleResult().getAssignee()));
    openTask(task);
  }

  @Test
  void eachRoleWorksItsDayInChinese() {
    // a unit reports: the system by name, no codes to type, told the case number
    b.login("tasklist", "jtj1", DEMO_PASSWORD);
    b.assertChinese("day-01-unit-tasklist", Set.of(), ".tasks-list");
    b.openStartForm("应急事件处置");
    b.select("业务系统", "交通局协同办公系统");
    b.select("事件类别", "业务系统性能下降");
    b.type(fieldLabelled("事件现象", "textarea"), "浏览器测试：协同办公系统响应缓慢");
    b.select("来源", "用户报告");
    b.settle();
    b.assertChinese("day-02-unit-reports-emergency", Set.of(), ".tasks-list");
    b.click(By.xpath("//button[normalize-space(.)='发起']"));
    b.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-container")));
    b.waiting().until(d -> only("emergency-response", "Task_RespondEmergency") != null);
    Task respond = only("emergency-response", "Task_RespondEmergency");
    String caseNo = respond.getName().replaceAll(".*｜(EM\\d{8}-\\d{6}).*", "$1");
    b.waiting().until(d -> b.page().contains(caseNo));
    b.shot("day-03-unit-told-case-number");

    // the duty engineer: the list tells the case apart, the form speaks words and Beijing time
    b.login("tasklist", "engineer1", DEMO_PASSWORD);
    b.click(action("应急事件"));
    // other tests' cases share this list (15 a page, soonest due first): page through it as the engineer would
    String emergencyFilter = processEngine.getFilterService().createFilterQuery().filterName("应急事件").singleResult()
        .getId();
    boolean listed = false;
    b.driver().get(b.app("tasklist") + "#/?filter=" + emergencyFilter);
    for (int page = 1; page <= 5 && !listed; page++) {
      if (page > 1) {
        var next = b.driver().findElements(By.xpath(
            "//ul[contains(@class,'pagination')]//li[contains(@class,'pagination-next')]/a"));
        if (next.isEmpty()) {
          break;
        }
        ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView(true);",
            next.get(0));
        next.get(0).click();
      }
      try {
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(5))
            .until(d -> b.page().contains(caseNo));
        listed = true;
      } catch (org.openqa.selenium.TimeoutException e) {
        // the next page
      }
    }
    assertThat(listed).as("case " + caseNo + " in the engineer's emergency list").isTrue();
    assertThat(b.page()).contains("交通局协同办公系统");
    b.assertChinese("day-04-engineer-emergency-filter", Set.of(), ".tasks-list");
    openTask(respond);
    assertThat(b.page()).contains("业务系统性能下降", "交通局协同办公系统（广州市交通运输局）", "北京时间")
        .doesNotContain("DEGRADATION", "JTJ-OA");
    b.assertChinese("day-05-engineer-respond-form", Set.of(), ".tasks-list");
    claim(respond, "engineer1");
    b.type(fieldLabelled("初步研判", "textarea"), "浏览器测试：数据库连接池耗尽");
    b.settle();
    b.click(By.xpath("//button[normalize-space(.)='完成']"));
    b.waiting().until(d -> only("emergency-response", "Task_HandleEmergency") != null);
    Task handle = only("emergency-response", "Task_HandleEmergency");
    openTask(handle);
    assertThat(b.page()).contains("已于", "响应（按时）");
    claim(handle, "engineer1");
    b.select("措施类型", "恢复");
    b.type(fieldLabelled("处置措施与进展", "textarea"), "重启连接池并扩容");
    // 未启动预案 when no plan applies, 预案未涵盖的措施 when some were started (other tests' plans may be active)
    b.choose("依据的预案步骤", "未", "未");
    b.pick("业务已恢复");
    b.type(fieldLabelled("原因", "textarea"), "连接池配置过小");
    b.type(fieldLabelled("处置结果", "textarea"), "响应时间恢复正常");
    b.settle();
    b.assertChinese("day-06-engineer-handle-form", Set.of(), ".tasks-list");
    b.click(By.xpath("//button[normalize-space(.)='完成']"));
    b.waiting().until(d -> only("emergency-response", "Task_VerifyRecovery") != null);

    // the unit verifies knowing cause and result
    b.login("tasklist", "jtj1", DEMO_PASSWORD);
    openTask(only("emergency-response", "Task_VerifyRecovery"));
    assertThat(b.page()).contains("连接池配置过小", "响应时间恢复正常", "重启连接池并扩容");
    b.assertChinese("day-07-unit-verify-form", Set.of(), ".tasks-list");

    // the desk, the bureau and the ops manager open their lists
    b.login("tasklist", "desk1", DEMO_PASSWORD);
    b.click(action("我的组任务"));
    // task names carry what people typed into their cases (other tests' cases too): the list's entries are data
    b.assertChinese("day-08-desk-group-tasks", Set.of(), ".tasks-list");
    b.login("tasklist", "mgmt1", DEMO_PASSWORD);
    b.click(action("待我审批的资源申请"));
    b.assertChinese("day-09-bureau-approvals", Set.of(), ".tasks-list");
    b.login("cockpit", "manager1", DEMO_PASSWORD);
    b.waiting().until(ExpectedConditions.visibilityOfElementLocated(action("流程")));
    b.assertChinese("day-10-manager-cockpit", KEYS);

    // the supervisor reads, without write controls
    b.login("cockpit", "supervisor1", DEMO_PASSWORD);
    b.driver().get(b.app("cockpit") + "#/process-instance/" + respond.getProcessInstanceId() + "/runtime");
    b.waiting().until(d -> b.page().contains("变量"));
    b.waiting().until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("govcloud-read-only"));
    // the variable table and the instance's ids are the engine's own technical names, shown as they are
    b.assertChinese("day-11-supervisor-instance", KEYS, "table", "dd");
    assertThat(b.driver().findElements(By.cssSelector(".cancel-process-instance-action, .suspension-state-action, "
        + "[ng-click^='deleteVariable'], [ng-click^='saveVariable'], [ng-click^='uploadVariable'], "
        + "[cam-widget-variables-table] .actions")).stream().filter(e -> e.isDisplayed())
        .map(e -> e.getAttribute("outerHTML")))
        .as("write controls shown to the supervisor").isEmpty();

    // the administrator: users and groups
    b.login("admin", "admin", "admin-test-password");
    b.driver().get(b.app("admin") + "#/groups");
    b.waiting().until(d -> b.page().contains("管理方"));
    // the lists are data (group ids are a public contract; units and users registered by people and other tests)
    assertThat(b.page()).contains("参与方", "系统管理员");
    b.assertChinese("day-12-admin-groups", Set.of(), "table");
    b.driver().get(b.app("admin") + "#/users");
    b.waiting().until(d -> b.page().contains("jtj1"));
    b.assertChinese("day-13-admin-users", Set.of(), "table");
  }
}
