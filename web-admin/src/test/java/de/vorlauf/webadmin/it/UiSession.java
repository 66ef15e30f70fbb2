package de.vorlauf.webadmin.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium logged in to the admin UI: navigation by page, waiting for a page's data,
 * screenshots under {@code target/screenshots}, and the axe-core check of the page as it stands.
 */
final class UiSession implements AutoCloseable {

  /** axe impacts that fail the check. */
  static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UiSession.class);
  private static String axeSource;

  final WebDriver browser;
  final WebDriverWait wait;
  private final String base;

  private UiSession(WebDriver browser, URL base) {
    this.browser = browser;
    // pages re-render their rows on every refresh: an element a condition found a moment before
    // may be replaced before it is read, so the condition is evaluated again (FleetScaleIT failed
    // once in a full run with a stale element in attributeContains)
    this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    this.wait.ignoring(StaleElementReferenceException.class);
    this.base = base.toExternalForm().replaceAll("/+$", "");
  }

  /**
   * Opens {@code path} and logs in on the login page it gets.
   *
   * @param profile a short name (at most 8 characters): Chromium's socket path in it must stay
   *     below the 108 characters of a Unix socket address
   */
  static UiSession loggedIn(URL base, String profile, String path) {
    if (profile.length() > 8) {
      throw new IllegalArgumentException("profile name too long for Chromium's socket path");
    }
    UiSession session =
        new UiSession(
            HeadlessChromium.start(Path.of(System.getProperty("it.state.dir"), profile)), base);
    session.browser.get(session.url(path));
    session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    session.browser.findElement(By.id("username")).clear();
    session.browser.findElement(By.id("username")).sendKeys("admin");
    session.browser.findElement(By.id("password")).sendKeys(ItDatabase.ADMIN_PASSWORD);
    session.browser.findElement(By.id("login-submit")).click();
    session.wait.until(ExpectedConditions.textToBe(By.id("user-name"), "admin"));
    return session;
  }

  String url(String path) {
    return base + "/" + path.replaceAll("^/+", "");
  }

  /** Loads a page and waits until its first data is shown (the shell marks body[data-loaded]). */
  void open(String path, String pageId) {
    browser.get(url(path));
    awaitData(pageId);
  }

  void awaitData(String pageId) {
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("body[data-loaded='" + pageId + "']")));
  }

  WebElement byTestId(String testId) {
    return browser.findElement(By.cssSelector("[data-testid='" + testId + "']"));
  }

  WebElement visible(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  WebElement rowOf(String testId, String attribute, String value) {
    return visible("[data-testid='" + testId + "'][" + attribute + "='" + value + "']");
  }

  void type(String testId, String text) {
    WebElement input = byTestId(testId);
    input.clear();
    input.sendKeys(text);
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  /** The page's pages as the shell's navigation lists them: [id, path] pairs. */
  List<String[]> navigation() {
    List<String[]> pages = new ArrayList<>();
    for (WebElement link : browser.findElements(By.cssSelector("header nav a[data-page]"))) {
      pages.add(
          new String[] {
            link.getAttribute("data-page"), java.net.URI.create(link.getAttribute("href")).getPath()
          });
    }
    return pages;
  }

  /** Keeps what the browser shows now as target/screenshots/{name}.png. */
  Path screenshot(String name) {
    // the build's folder whatever it.state.dir is (a short one outside target/ for Chromium)
    Path file =
        Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"))
            .resolve(name + ".png");
    HeadlessChromium.screenshot(browser, file);
    return file;
  }

  /** axe-core's violations of the page as it stands, of every impact. */
  List<JsonNode> axeViolations() {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
      js.executeScript(axe());
    }
    String result =
        (String)
            js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, { resultTypes: ['violations'] })"
                    + ".then(r => done(JSON.stringify(r.violations)))"
                    + ".catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical',"
                    + " help: String(e), nodes: [] }])));");
    try {
      List<JsonNode> violations = new ArrayList<>();
      JSON.readTree(result).forEach(violations::add);
      return violations;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The serious and critical violations, one readable line each (empty when there are none); the
   * others are logged, so a reader sees what axe found and that it ran.
   */
  List<String> failingAxeViolations(String where) {
    List<String> failing = new ArrayList<>();
    List<JsonNode> violations = axeViolations();
    LOG.info(
        "axe-core on {}: {} violation(s) {}",
        where,
        violations.size(),
        violations.stream()
            .map(v -> v.path("impact").asText() + " " + v.path("id").asText())
            .toList());
    for (JsonNode v : violations) {
      if (FAILING_IMPACTS.contains(v.path("impact").asText())) {
        List<String> targets = new ArrayList<>();
        v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
        failing.add(
            where
                + ": "
                + v.path("impact").asText()
                + " "
                + v.path("id").asText()
                + " ("
                + v.path("help").asText()
                + ") at "
                + String.join(", ", targets.subList(0, Math.min(5, targets.size()))));
      }
    }
    return failing;
  }

  private static synchronized String axe() {
    if (axeSource == null) {
      try (InputStream in = UiSession.class.getResourceAsStream("/axe.min.js")) {
        if (in == null) {
          throw new IllegalStateException("axe.min.js is not on the test classpath");
        }
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return axeSource;
  }

  @Override
  public void close() {
    browser.quit();
  }
}
