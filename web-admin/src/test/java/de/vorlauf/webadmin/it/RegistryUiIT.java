package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The registry, credential, fleet and quarantine pages in a real (headless) Chromium: an operator
 * registers a building and a device, issues a token, the device posts with it, and the fleet and
 * quarantine pages show what arrived.
 */
@ExtendWith({ItDatabase.class, ArquillianExtension.class}) // the database first: see ItDatabase
@RunAsClient
class RegistryUiIT {

  @ArquillianResource URL base;

  private WebDriver browser;
  private WebDriverWait wait;

  @Deployment(testable = false)
  static WebArchive war() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
  }

  @BeforeEach
  void openBrowser() {
    browser = HeadlessChromium.start(Path.of(System.getProperty("it.state.dir"), "chromium"));
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      HeadlessChromium.screenshot(
          browser, Path.of(System.getProperty("it.state.dir"), "screenshots", "registry-ui.png"));
      browser.quit();
    }
  }

  @Test
  void operatorRegistersADeviceAndSeesItsTraffic() throws Exception {
    String building = "ui-b-" + UUID.randomUUID().toString().substring(0, 6);
    String device = "ui-gb-" + UUID.randomUUID().toString().substring(0, 6);
    logIn("buildings.html");

    // the heating types come from GET /api/v1/heating-types, not from the page
    wait.until(
        d ->
            d.findElements(By.cssSelector("[data-testid=heating-type-option]")).size()
                == HeatingType.values().length);
    assertThat(
            browser.findElements(By.cssSelector("[data-testid=heating-type-option]")).stream()
                .map(o -> o.getAttribute("value"))
                .toList())
        .isEqualTo(HeatingType.codes());
    type("building-id", building);
    type("building-name", "UI Haus");
    new Select(byTestId("building-heating-type")).selectByValue("fernwaerme");
    assertThat(byTestId("building-curve-hint").getText()).contains("district heating", "50 °C");
    assertThat(byTestId("building-flow-max").getAttribute("placeholder")).isEqualTo("75");
    type("building-area", "640");
    byTestId("building-save").click();
    wait.until(
        ExpectedConditions.textToBe(By.id("building-message"), "Saved building " + building + "."));
    WebElement row = rowOf("building-row", "data-building-id", building);
    assertThat(row.getText()).contains("UI Haus", "Europe/Berlin", "fernwaerme", "640", "active");

    row.findElement(By.cssSelector("[data-testid=building-devices]")).click();
    wait.until(ExpectedConditions.urlContains("devices.html?buildingId=" + building));
    byTestId("device-new").click();
    assertThat(byTestId("device-building").getAttribute("value")).isEqualTo(building);
    type("device-id", device);
    type("device-description", "Heizraum");
    byTestId("device-save").click();
    wait.until(
        ExpectedConditions.textToBe(By.id("device-message"), "Saved device " + device + "."));

    rowOf("device-row", "data-device-id", device)
        .findElement(By.cssSelector("[data-testid=device-credentials]"))
        .click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("credentials-panel")));
    byTestId("credential-issue").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("credential-secret")));
    String token = byTestId("credential-token").getText().strip();
    assertThat(token).startsWith("vlf_").hasSize(47);
    assertThat(byTestId("credential-mqtt-user").getText()).isEqualTo(device);
    assertThat(rowOf("credential-row", "data-state", "valid").getText()).doesNotContain(token);

    Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(20);
    String body =
        """
        {"device_id": "%s", "timestamp": "%s", "readings": [
          {"sensor_id": "vorlauf_temp_hk1", "value": 48.0, "unit": "°C"},
          {"sensor_id": "outdoor_temp", "value": 120.0, "unit": "°C"}]}
        """
            .formatted(device, time);
    Reply posted = AdminClient.anonymous(base).ingest(token, body.getBytes(StandardCharsets.UTF_8));
    assertThat(posted.status()).as(posted.toString()).isEqualTo(202);

    browser.get(url("fleet.html"));
    wait.until(d -> !byTestId("storage-mode").getText().equals("…"));
    assertThat(byTestId("storage-mode").getText()).isEqualTo("PostgreSQL (native partitions)");
    rowOf("fleet-building-row", "data-building-id", building)
        .findElement(By.cssSelector("[data-testid=fleet-building-open]"))
        .click();
    // device status is written by the pipeline about once a second: refresh until it shows (each
    // refresh re-renders the rows, so a row found a moment ago may be replaced: ignore that)
    String seen =
        "[data-testid=fleet-device-row][data-device-id='"
            + device
            + "']:not([data-state=never_seen])";
    wait.ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              byTestId("fleet-refresh").click();
              return d.findElements(By.cssSelector(seen)).stream()
                  .anyMatch(r -> r.getText().contains("out_of_range: 1"));
            });

    browser.get(url("quarantine.html?deviceId=" + device));
    WebElement refused = rowOf("quarantine-row", "data-reason", "out_of_range");
    refused.findElement(By.cssSelector("[data-testid=quarantine-show]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("quarantine-payload"), "outdoor_temp"));
    assertThat(byTestId("quarantine-detail-text").getText()).contains("out_of_range", device);
  }

  private void logIn(String page) {
    browser.get(url(page));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    browser.findElement(By.id("username")).clear(); // the page suggests "admin" already
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(ItDatabase.ADMIN_PASSWORD);
    browser.findElement(By.id("login-submit")).click();
    wait.until(ExpectedConditions.urlContains(page));
    wait.until(ExpectedConditions.textToBe(By.id("user-name"), "admin"));
  }

  private WebElement rowOf(String testId, String attribute, String value) {
    return wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("[data-testid=" + testId + "][" + attribute + "='" + value + "']")));
  }

  private WebElement byTestId(String testId) {
    return browser.findElement(By.cssSelector("[data-testid=" + testId + "]"));
  }

  private void type(String testId, String text) {
    WebElement input = byTestId(testId);
    input.clear();
    input.sendKeys(text);
  }

  private String url(String path) {
    return base.toExternalForm().replaceAll("/+$", "") + "/" + path;
  }
}
