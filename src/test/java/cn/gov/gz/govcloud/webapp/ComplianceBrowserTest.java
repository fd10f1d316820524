package cn.gov.gz.govcloud.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Browser;
import cn.gov.gz.govcloud.support.WebTest;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In a real browser: the supervisor opens the compliance matrix from its address without a session (through the
 * Cockpit login) and from Cockpit's navigation (更多 → 合规矩阵); the page is Chinese apart from the data (element ids, class and test
 * names). Screenshots go to target/browser-screenshots. Skipped where Chromium is not installed.
 */
class ComplianceBrowserTest extends WebTest {

  static final String PAGE = "/camunda/api/govcloud/compliance";

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

  @Test
  void theSupervisorReachesTheMatrixThroughTheLoginAndFromCockpit() {
    var browser = b.driver();
    var wait = b.waiting();
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + PAGE);
    wait.until(ExpectedConditions.urlContains("/camunda/app/cockpit/default/"));
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=text]")));
    name.sendKeys("supervisor1");
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys(DEMO_PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + PAGE));
    assertThat(browser.getTitle()).startsWith("标准条款合规矩阵");
    assertThat(browser.findElement(By.id("coverage")).getText()).isEqualTo("覆盖率");
    b.assertChinese("compliance-page", Set.of("DGAG"), "table", "code");

    browser.get(b.app("cockpit"));
    b.click(Browser.action("更多")); // Cockpit shows its first entries and the others under 更多
    b.click(Browser.action("合规矩阵"));
    wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + PAGE));
    assertThat(b.page()).contains("尚未实现的系统实现类条款");
  }
}
