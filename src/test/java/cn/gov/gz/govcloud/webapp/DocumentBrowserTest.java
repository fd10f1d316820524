package cn.gov.gz.govcloud.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Browser;
import cn.gov.gz.govcloud.support.WebTest;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real browser: the reviewer of a service report opens the draft with one click from the task (the button above
 * the form and the link in the form), with the Tasklist session; a mail's link opened without a session leads through
 * the login to the document. Screenshots go to target/browser-screenshots. Skipped where Chromium is not installed.
 */
class DocumentBrowserTest extends WebTest {

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

  String base() {
    return "http://localhost:" + port;
  }

  void logInOnThePage(String user) {
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=text]")));
    name.sendKeys(user);
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys(DEMO_PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
  }

  void shot(String name) {
    b.shot(name);
  }

  /** What the browser gets for a link, fetched in the page with its cookies: status and content type. */
  String fetch(String href) {
    return (String) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status + ' '"
        + " + r.headers.get('content-type'))).catch(e => done('error ' + e));", href);
  }

  @Test
  void theReviewerOpensTheDraftWithOneClickAndAMailLinkLeadsThroughTheLogin() {
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey("service-report",
        Map.of("periodFrom", "2039-03-01", "periodTo", "2039-03-31"));
    Task review = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    long draft = ((Number) processEngine.getRuntimeService().getVariable(pi.getId(), "reportId")).longValue();
    String content = "/camunda/api/govcloud/documents/" + draft + "/content";

    browser.get(base() + "/camunda/app/tasklist/default/");
    logInOnThePage("manager1");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[normalize-space(text())='我的任务']")));
    browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + review.getId());
    WebElement button = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
        "a.govcloud-document")));
    assertThat(button.getText()).contains("政务云运维服务报告", "第 1 版");
    assertThat(button.getAttribute("href")).endsWith(content);
    WebElement formLink = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//a[contains(normalize-space(.), '打开报告初稿')]")));
    assertThat(formLink.getAttribute("href")).endsWith(content);
    shot("document-review-task");
    assertThat(fetch(button.getAttribute("href"))).as("the click downloads the draft with the session")
        .startsWith("200 application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(fetch(formLink.getAttribute("href"))).startsWith("200 ");

    // a mail's link, opened in a browser that is not logged in
    browser.manage().deleteAllCookies();
    browser.get(base() + content);
    wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/default/"));
    logInOnThePage("manager1");
    WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".govcloud-document-page h3")));
    assertThat(title.getText()).contains("政务云运维服务报告 2039-03-01 至 2039-03-31");
    assertThat(browser.getCurrentUrl()).endsWith("#/document/" + draft);
    shot("document-after-login");
    WebElement again = browser.findElement(By.cssSelector(".govcloud-document-page a.govcloud-document"));
    assertThat(fetch(again.getAttribute("href"))).startsWith("200 ");
  }
}
