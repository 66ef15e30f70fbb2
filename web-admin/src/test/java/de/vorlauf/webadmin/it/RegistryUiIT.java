package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The registry, credential, fleet and quarantine pages in a real (headless) Chromium: an operator
 * registers a building and a device, issues a token, the device posts with it, and the fleet and
 * quarantine pages show what arrived.
 */
@SharedWar // one PostgreSQL, one WildFly, one deployment of the WAR for every IT class
@ExtendWith(ItBrowser.class) // one logged-in Chromium for every browser test
@RunAsClient
class RegistryUiIT {

  final URL base = ItWar.base();

  private UiSession ui;

  @AfterEach
  void keepScreenshot() {
    if (ui != null) {
      ui.screenshot("registry-ui");
    }
  }

  @Test
  void operatorRegistersADeviceAndSeesItsTraffic(UiSession browser) throws Exception {
    String building = "ui-b-" + UUID.randomUUID().toString().substring(0, 6);
    String device = "ui-gb-" + UUID.randomUUID().toString().substring(0, 6);
    ui = browser;
    ui.open("buildings", "buildings");

    ui.byTestId("building-new").click();
    // the heating types come from GET /api/v1/heating-types, not from the page
    ui.wait.until(
        d ->
            d.findElements(By.cssSelector("[data-testid=heating-type-option]")).size()
                == HeatingType.values().length);
    assertThat(
            ui.browser.findElements(By.cssSelector("[data-testid=heating-type-option]")).stream()
                .map(o -> o.getAttribute("value"))
                .toList())
        .isEqualTo(HeatingType.codes());
    ui.type("building-id", building);
    ui.type("building-name", "UI Haus");
    new Select(ui.byTestId("building-heating-type")).selectByValue("fernwaerme");
    assertThat(ui.byTestId("building-curve-hint").getText()).contains("district heating", "50 °C");
    assertThat(ui.byTestId("building-flow-max").getAttribute("placeholder")).isEqualTo("75");
    ui.type("building-area", "640");
    ui.byTestId("building-save").click();
    ui.wait.until(
        ExpectedConditions.textToBe(By.id("building-message"), "Saved building " + building + "."));
    // the registry may hold thousands of buildings (FleetScaleIT): filter for ours
    ui.byTestId("building-panel-close").click();
    ui.type("buildings-filter-q", building);
    ui.byTestId("buildings-apply").click();
    ui.wait.until(
        ExpectedConditions.textToBe(
            By.cssSelector("[data-testid=buildings-status]"), "Showing 1–1 of 1 buildings."));
    WebElement row = ui.rowOf("building-row", "data-building-id", building);
    assertThat(row.getText()).contains("UI Haus", "Europe/Berlin", "fernwaerme", "640", "active");

    row.findElement(By.cssSelector("[data-testid=building-devices]")).click();
    ui.wait.until(ExpectedConditions.urlContains("devices?buildingId=" + building));
    ui.awaitData("devices");
    ui.byTestId("device-new").click();
    assertThat(ui.byTestId("device-building").getAttribute("value")).isEqualTo(building);
    ui.type("device-id", device);
    ui.type("device-description", "Heizraum");
    ui.byTestId("device-save").click();
    ui.wait.until(
        ExpectedConditions.textToBe(By.id("device-message"), "Saved device " + device + "."));

    ui.byTestId("device-panel-close").click();
    ui.rowOf("device-row", "data-device-id", device)
        .findElement(By.cssSelector("[data-testid=device-credentials]"))
        .click();
    ui.visible("#credentials-panel");
    ui.byTestId("credential-issue").click();
    ui.visible("#credential-secret");
    String token = ui.byTestId("credential-token").getText().strip();
    assertThat(token).startsWith("vlf_").hasSize(47);
    assertThat(ui.byTestId("credential-mqtt-user").getText()).isEqualTo(device);
    // the handover says where and how to send, not only the secret
    assertThat(ui.byTestId("credential-topic").getText())
        .isEqualTo("greenbox/" + device + "/sensors");
    assertThat(ui.byTestId("credential-broker").getText()).startsWith("tcp://");
    assertThat(ui.byTestId("credential-example").getText())
        .contains("\"device_id\": \"" + device + "\"");
    assertThat(ui.byTestId("credential-copy").isDisplayed()).isTrue();
    assertThat(ui.rowOf("credential-row", "data-state", "valid").getText()).doesNotContain(token);

    Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(20);
    String body =
        """
        {"device_id": "%s", "timestamp": "%s", "readings": [
          {"sensor_id": "vorlauf_temp_hk1", "value": 48.0, "unit": "°C"},
          {"sensor_id": "outdoor_temp", "value": 120.0, "unit": "°C"}],
         "metadata": {"firmware_version": "2.4.1", "signal_strength": -67}}
        """
            .formatted(device, time);
    Reply posted = AdminClient.anonymous(base).ingest(token, body.getBytes(StandardCharsets.UTF_8));
    assertThat(posted.status()).as(posted.toString()).isEqualTo(202);

    // the fleet may hold thousands of buildings (FleetScaleIT): search for ours
    ui.open("fleet?q=" + building, "fleet");
    ui.wait.until(d -> !ui.byTestId("storage-mode").getText().equals("…"));
    assertThat(ui.byTestId("storage-mode").getText()).isEqualTo("PostgreSQL (native partitions)");
    ui.rowOf("fleet-building-row", "data-building-id", building)
        .findElement(By.cssSelector("[data-testid=fleet-building-open]"))
        .click();
    // device status is written by the pipeline about once a second: refresh until it shows (each
    // refresh re-renders the rows, so a row found a moment ago may be replaced: ignore that)
    String seen =
        "[data-testid=fleet-device-row][data-device-id='"
            + device
            + "']:not([data-state=never_seen])";
    ui.visible("[data-testid=fleet-devices-panel]");
    ui.wait
        .ignoring(StaleElementReferenceException.class)
        .ignoring(ElementNotInteractableException.class)
        .until(
            d -> {
              ui.byTestId("fleet-devices-panel-refresh").click();
              return d.findElements(By.cssSelector(seen)).stream()
                  .anyMatch(r -> r.getText().contains("out_of_range: 1"));
            });
    // what the device said about itself, with the device wherever it is shown (read inside the
    // wait: the refresh clicked last may still re-render the panel, replacing the element; seen
    // as a StaleElementReferenceException in CI)
    ui.wait.until(
        d -> {
          String report = ui.byTestId("fleet-device-report").getText();
          return report.contains("firmware 2.4.1") && report.contains("signal -67 dBm");
        });
    ui.open("devices?buildingId=" + building, "devices");
    assertThat(ui.rowOf("device-row", "data-device-id", device).getText())
        .contains("firmware 2.4.1", "signal -67 dBm");

    ui.open("quarantine?deviceId=" + device, "quarantine");
    WebElement refused = ui.rowOf("quarantine-row", "data-reason", "out_of_range");
    // the message's own timestamp, next to its arrival
    assertThat(refused.findElements(By.cssSelector("time[datetime='" + time + "']"))).hasSize(1);
    refused.findElement(By.cssSelector("[data-testid=quarantine-show]")).click();
    ui.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("quarantine-payload"), "outdoor_temp"));
    assertThat(ui.byTestId("quarantine-detail-text").getText()).contains("out_of_range", device);
    // the detail panel took the focus: its heading
    assertThat(
            ui.script(
                "return document.activeElement.closest('[data-testid=quarantine-detail]') !== null"))
        .isEqualTo(true);
  }
}
