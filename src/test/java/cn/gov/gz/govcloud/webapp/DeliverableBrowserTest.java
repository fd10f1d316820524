package cn.gov.gz.govcloud.webapp;

import static cn.gov.gz.govcloud.support.Browser.action;
import static cn.gov.gz.govcloud.support.Browser.fieldLabelled;
import static cn.gov.gz.govcloud.support.Browser.text;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Browser;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The deliverables register in a real browser: the ops manager opens the register page with the Tasklist login and
 * uploads a document of item 15, management returns it in its Chinese Tasklist form, the ops manager withdraws it in
 * 修改后重新提交. Skipped where Chromium is not installed (see {@link Browser}).
 */
class DeliverableBrowserTest extends WebTest {

  Browser b;

  @BeforeEach
  void openBrowser() {
    b = Browser.open(port);
  }

  @AfterEach
  void closeBrowser() {
    if (b != null) {
      b.close();
    }
  }

  private void openTask(String user, String taskId, String visibleText) {
    b.openAndClaim(user, DEMO_PASSWORD, taskId, visibleText, processEngine.getTaskService());
  }

  @Clause("P6 7.6.2.5")
  @Test
  void theProviderUploadsOnThePageAndManagementReturnsItInTasklist() throws Exception {
    b.login("tasklist", "manager1", DEMO_PASSWORD);
    b.waiting().until(ExpectedConditions.visibilityOfElementLocated(text("我的任务")));
    b.driver().get("http://localhost:" + port + "/deliverables/");
    b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#upload-form")));
    assertThat(b.page()).contains("交付物登记册", "云资源台账", "系统实时台账", "服务总结报告", "上传交付文档");
    new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.cssSelector("select[name=itemNo]")))
        .selectByValue("15");
    b.driver().findElement(By.cssSelector("input[name=title]")).sendKeys("浏览器测试：变更实施记录");
    Path file = Files.createTempFile("deliverable", ".pdf");
    Files.writeString(file, "%PDF-1.4 test");
    b.driver().findElement(By.cssSelector("input[name=file]")).sendKeys(file.toAbsolutePath().toString());
    b.shot("deliverables-01-register-page");
    b.click(By.cssSelector("#upload-form button[type=submit]"));
    b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-result"), "已上传"));

    var tasks = processEngine.getTaskService();
    Task approve = tasks.createTaskQuery().processDefinitionKey("deliverable-approval")
        .taskNameLike("%浏览器测试：变更实施记录%").singleResult();
    assertThat(approve).isNotNull();
    openTask("mgmt1", approve.getId(), "审批结果");
    assertThat(b.page()).contains("其他（过程类）", "浏览器测试：变更实施记录", "打开文档");
    // the uploaded file is under the task's 相关文档 too, from the first upload on
    assertThat(b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.govcloud-document")))
        .getText()).contains("浏览器测试：变更实施记录", "第 1 版");
    b.pick("退回修改");
    b.type(fieldLabelled("退回理由", "textarea"), "浏览器测试：请补充签字页");
    b.settle();
    b.shot("deliverables-02-approve-form");
    b.click(By.xpath("//button[normalize-space(.)='完成']"));
    String pid = approve.getProcessInstanceId();
    b.waiting().until(d -> tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_ResubmitDocument")
        .count() == 1);

    Task resubmit = tasks.createTaskQuery().processInstanceId(pid).singleResult();
    openTask("manager1", resubmit.getId(), "处理方式");
    assertThat(b.page()).contains("浏览器测试：请补充签字页", "交付物登记册");
    b.pick("撤回，不再提交");
    b.type(fieldLabelled("撤回理由", "textarea"), "浏览器测试：改在下月提交");
    b.settle();
    b.click(By.xpath("//button[normalize-space(.)='完成']"));
    b.waiting().until(d -> processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(pid).finished().count() == 1);
  }
}
