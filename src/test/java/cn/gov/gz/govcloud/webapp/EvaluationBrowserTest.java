package cn.gov.gz.govcloud.webapp;

import static cn.gov.gz.govcloud.support.Browser.action;
import static cn.gov.gz.govcloud.support.Browser.fieldLabelled;
import static cn.gov.gz.govcloud.support.Browser.text;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Browser;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The survey in a real browser (Chinese Tasklist): management starts it from its Camunda Form for one unit, the unit's
 * user fills the five scores in its task, the supervisor writes the opinion and the evaluation report is filed.
 * Skipped where Chromium is not installed (see {@link Browser}).
 */
class EvaluationBrowserTest extends WebTest {

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

  @Clause("P3 7.2")
  @Test
  void aUnitAnswersTheSurveyAndTheSupervisorWritesTheOpinionInTasklist() {
    b.login("tasklist", "mgmt1", DEMO_PASSWORD);
    b.waiting().until(ExpectedConditions.visibilityOfElementLocated(text("我的任务")));
    b.openStartForm("满意度调查与服务评价");
    assertThat(b.driver().findElement(By.cssSelector(".fjs-container")).getText()).contains("开始日期", "结束日期",
        "调查的使用单位编码");
    b.shot("evaluation-01-start-form");
    b.click(By.xpath("//button[normalize-space(.)='取消' or normalize-space(.)='关闭']"));

    // started as management would for one unit (the dates are typed through form-js's date picker in other tests)
    var runtime = processEngine.getRuntimeService();
    String pid = runtime.startProcessInstanceByKey("satisfaction-survey", Map.of("periodFrom", "2035-01-01",
        "periodTo", "2035-06-30", "unitCodes", "JTJ")).getId();
    var tasks = processEngine.getTaskService();
    Task answer = tasks.createTaskQuery().processInstanceId(pid).singleResult();
    openTask("jtj1", answer.getId(), "服务态度");
    assertThat(b.page()).contains("政务云运营服务满意度调查", "2035-01-01", "响应速度", "问题解决效果", "事后反馈", "整体满意度");
    b.type(fieldLabelled("服务态度", "input"), "5");
    b.type(fieldLabelled("响应速度", "input"), "4");
    b.type(fieldLabelled("问题解决效果", "input"), "4");
    b.type(fieldLabelled("事后反馈", "input"), "3");
    b.type(fieldLabelled("整体满意度", "input"), "4");
    b.type(fieldLabelled("服务中发现的问题", "textarea"), "浏览器测试：夜间响应偏慢");
    b.settle();
    b.shot("evaluation-02-unit-answer");
    b.click(By.xpath("//button[normalize-space(.)='完成']"));
    b.waiting().until(d -> tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_WriteOpinion")
        .count() == 1);

    Task opinion = tasks.createTaskQuery().processInstanceId(pid).singleResult();
    openTask("supervisor1", opinion.getId(), "评价意见");
    assertThat(b.page()).contains("已答复 1 家");
    b.type(fieldLabelled("评价意见", "textarea"), "浏览器测试：总体良好");
    b.settle();
    b.shot("evaluation-03-opinion");
    b.click(By.xpath("//button[normalize-space(.)='完成']"));
    b.waiting().until(d -> processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(pid).finished().count() == 1);
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pid)
        .variableName("reportId").singleResult().getValue()).isNotNull();
  }
}
