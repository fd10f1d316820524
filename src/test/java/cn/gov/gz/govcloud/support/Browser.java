package cn.gov.gz.govcloud.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium as a Chinese user in Guangzhou sees the webapps: language zh-CN, the browser's clock in
 * Beijing time (the server's may be UTC), 1440×900. Helpers to log in, find things by the words on the page, type and
 * pick in Camunda Forms, take screenshots under target/browser-screenshots, and check a page for English words.
 * Skips the test where Chromium is not installed (.ci/run installs Debian's chromium and chromium-driver).
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SHOTS = Path.of("target", "browser-screenshots");
  /** An untranslated label key, as Camunda shows it when a locale lacks the key. */
  public static final Pattern RAW_KEY = Pattern.compile("\\b[A-Z][A-Z0-9]{2,}(_[A-Z0-9]+){2,}\\b");
  static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  static final Pattern MAIL = Pattern.compile("[\\w.+-]+@[\\w.-]+");
  /** A Latin word of two letters or more. */
  static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z]+");
  /**
   * Latin words a Chinese page may show: product names, units, standards, case-number prefixes, the demo users' ids
   * and systems' codes people typed. Anything else on a page is an untranslated leftover.
   */
  public static final Set<String> ALLOWED = Set.of("Camunda", "Platform", "Tasklist", "Cockpit", "BPMN", "DMN",
      "CMMN", "FEEL", "JSON", "REST", "API", "GB", "TB", "MB", "KB", "vCPU", "CPU", "IP", "OS", "ID", "DB", "DR", "PDF",
      "Word", "Excel", "EM", "WO", "RA", "IN", "OR", "SR", "YA", "ALM", "REF", "UTC", "CST", "OA", "HIS", "WEB",
      "TOCC", "JTJ", "WJW", "V", "jtj", "wjw", "desk", "engineer", "manager", "operator", "mgmt", "supervisor", "admin");

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final int port;

  private Browser(ChromeDriver driver, int port) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    // Tasklist redraws a form when a task is claimed: an element found a moment ago may be gone, look again
    this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    this.port = port;
  }

  public static Browser open(int port) {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "Chromium is not installed (Debian packages chromium and chromium-driver): browser test skipped");
    try {
      Files.createDirectories(SHOTS);
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--disable-quic", "--lang=zh-CN", "--accept-lang=zh-CN,zh", "--window-size=1440,900",
          "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
      ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
          .withEnvironment(Map.of("TZ", "Asia/Shanghai")).build();
      return new Browser(new ChromeDriver(service, options), port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return wait;
  }

  public String app(String app) {
    return "http://localhost:" + port + "/camunda/app/" + app + "/default/";
  }

  /** Logs into a webapp ({@code tasklist}, {@code cockpit}, {@code admin}, {@code welcome}) as a user. */
  public void login(String app, String user, String password) {
    driver.manage().deleteAllCookies();
    driver.get(app(app));
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=text]")));
    name.sendKeys(user);
    driver.findElement(By.cssSelector("input[type=password]")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
  }

  public static By text(String s) {
    return By.xpath("//*[normalize-space(text())='" + s + "']");
  }

  /** A link or button whose text contains {@code s} (icons and counters around it are fine). */
  public static By action(String s) {
    return By.xpath("//*[self::a or self::button][contains(normalize-space(.), '" + s + "')]");
  }

  public static By fieldLabelled(String label, String tag) {
    return By.xpath("//label[contains(normalize-space(.), '" + label + "')]/following::" + tag + "[1]");
  }

  public void click(By by) {
    WebElement e;
    try {
      e = wait.until(ExpectedConditions.elementToBeClickable(by));
    } catch (org.openqa.selenium.TimeoutException timeout) {
      shot("failed-" + System.currentTimeMillis());
      throw timeout;
    }
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", e);
    e.click();
  }

  /** Types into a field and checks the value stuck (the form may still be rendering when it first appears). */
  public void type(By by, String value) {
    wait.until(d -> {
      WebElement e = d.findElement(by);
      if (!e.isDisplayed()) {
        return false;
      }
      if (!value.equals(e.getAttribute("value"))) {
        e.clear();
        e.sendKeys(value, org.openqa.selenium.Keys.TAB);
      }
      return value.equals(d.findElement(by).getAttribute("value"));
    });
  }

  /** Picks an option of a (searchable) drop-down by the words people read, typing part of them first. */
  public void choose(String label, String typed, String option) {
    click(fieldLabelled(label, "input"));
    driver.findElement(fieldLabelled(label, "input")).sendKeys(typed);
    click(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and contains(normalize-space(.), '" + option
        + "')]"));
  }

  /** Picks an option of a drop-down (plain or searchable) by the words people read. */
  public void select(String label, String option) {
    By field = By.xpath("//label[contains(normalize-space(.), '" + label + "')]/following::*[contains(@class,"
        + " 'fjs-input-group')][1]");
    if (wait.until(ExpectedConditions.visibilityOfElementLocated(field)).getText().contains(option)) {
      return; // already chosen (a default)
    }
    click(field);
    click(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and contains(normalize-space(.), '" + option
        + "')]"));
  }

  /** Clicks a radio or checkbox option by its label. */
  public void pick(String label) {
    click(By.xpath("//label[contains(normalize-space(.), '" + label + "')]"));
  }

  /** Lets form-js commit typed text (it debounces). */
  public void settle() {
    new Actions(driver).pause(Duration.ofMillis(800)).perform();
  }

  public void shot(String name) {
    try {
      Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException | WebDriverException e) {
      // a screenshot only helps reading a failure
    }
  }

  public String page() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /**
   * Opens a group task from its link as the notice's reader would and claims it (a group task's form is read-only until
   * then), waiting for the claim to reach the engine; {@code visibleText} is a label of the task's form.
   */
  public void openAndClaim(String user, String password, String taskId, String visibleText, TaskService tasks) {
    login("tasklist", user, password);
    waiting().until(ExpectedConditions.visibilityOfElementLocated(text("我的任务")));
    By label = By.xpath("//label[contains(normalize-space(.), '" + visibleText + "')]");
    driver().get(app("tasklist") + "#/?task=" + taskId + "&filter=");
    waiting().until(ExpectedConditions.visibilityOfElementLocated(label));
    click(action("认领"));
    waiting().until(d -> user.equals(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()));
    driver().get(app("tasklist") + "#/?task=" + taskId + "&filter=");
    waiting().until(ExpectedConditions.visibilityOfElementLocated(label));
  }

  /**
   * Opens a process's start form from Tasklist's "start process" dialog. The dialog fills its list in the background
   * and may redraw it after the first click landed, so while the list entry is still shown and no form came, the
   * entry is clicked again (a user would do the same).
   */
  public void openStartForm(String processName) {
    click(action("发起流程"));
    click(action(processName));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    WebDriverWait shortWait = new WebDriverWait(driver, Duration.ofSeconds(5));
    while (true) {
      try {
        shortWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container")));
        return;
      } catch (org.openqa.selenium.TimeoutException timeout) {
        if (System.nanoTime() > deadline) {
          shot("failed-start-form-" + processName);
          throw new AssertionError("the start form of " + processName + " did not appear; the page says: "
              + page(), timeout);
        }
        try {
          List<WebElement> entry = driver.findElements(action(processName));
          if (!entry.isEmpty() && entry.get(0).isDisplayed()) {
            entry.get(0).click();
          }
        } catch (WebDriverException redrawn) {
          // the entry was redrawn or covered while we clicked: look again
        }
      }
    }
  }

  /** The page's text without the parts matching the CSS selectors (data tables, technical ids). */
  public String pageWithout(String... excluded) {
    if (excluded.length == 0) {
      return page();
    }
    return String.valueOf(((JavascriptExecutor) driver).executeScript(
        "const hidden = [];"
            + "document.querySelectorAll(arguments[0]).forEach(e => { hidden.push([e, e.style.display]);"
            + " e.style.display = 'none'; });"
            + "const text = document.body.innerText;"
            + "hidden.forEach(([e, d]) => e.style.display = d);"
            + "return text;", String.join(", ", excluded)));
  }

  /** The Latin words on the page that are not allowed (untranslated leftovers), besides the ones given. */
  public Set<String> englishLeftovers(Set<String> alsoAllowed, String... excluded) {
    Set<String> found = new TreeSet<>();
    // ids of instances and deployments (UUIDs) and mail addresses are not words
    Matcher m = LATIN_WORD.matcher(MAIL.matcher(UUID.matcher(pageWithout(excluded)).replaceAll(" ")).replaceAll(" "));
    while (m.find()) {
      String word = m.group();
      if (!ALLOWED.contains(word) && !alsoAllowed.contains(word)) {
        found.add(word);
      }
    }
    return found;
  }

  /**
   * Saves a screenshot and fails on English leftovers or untranslated keys on the page, leaving out the parts matching
   * the selectors (data people entered or the engine's technical names, such as Cockpit's variable table).
   */
  public void assertChinese(String shot, Set<String> alsoAllowed, String... excluded) {
    shot(shot);
    String page = pageWithout(excluded);
    assertThat(RAW_KEY.matcher(page).find()).as(shot + ": untranslated key on the page: " + page).isFalse();
    assertThat(englishLeftovers(alsoAllowed, excluded)).as(shot + ": English on the page: " + page).isEmpty();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
