package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.devstack.postgres.RunningPostgres;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The fleet page with 10,000 registered buildings ({@link FleetFixture}): the server pages, sorts
 * and filters, so the twelve offline buildings are one click away, and a building deep-linked by
 * its URL opens with its devices.
 */
@SharedWar // one PostgreSQL, one WildFly, one deployment of the WAR for every IT class
@ExtendWith(ItBrowser.class) // one logged-in Chromium for every browser test
@RunAsClient
class FleetScaleIT {

  final URL base = ItWar.base();

  private UiSession ui;

  @BeforeEach
  void tenThousandBuildings(RunningPostgres postgres) throws Exception {
    FleetFixture.register(postgres);
  }

  @AfterEach
  void keepScreenshot() {
    if (ui != null) {
      ui.screenshot("fleet-10000-buildings");
    }
  }

  @Test
  void theApiPagesAndFiltersTheFleetInTheDatabase() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    JsonNode all = admin.get("api/v1/ops/fleet?q=scale-&size=100&page=3").json();
    assertThat(all.get("total").asLong()).isEqualTo(FleetFixture.BUILDINGS);
    assertThat(all.get("items")).hasSize(100);
    assertThat(all.get("items").get(0).get("buildingId").asText()).isEqualTo("scale-00301");

    JsonNode offline = admin.get("api/v1/ops/fleet?q=scale-&view=offline&size=50").json();
    assertThat(offline.get("total").asLong()).isEqualTo(FleetFixture.OFFLINE);
    offline.get("items").forEach(b -> assertThat(b.get("problems").toString()).contains("offline"));

    JsonNode stale = admin.get("api/v1/ops/fleet?q=scale-&view=stale").json();
    assertThat(stale.get("total").asLong()).isEqualTo(FleetFixture.STALE);
    JsonNode staleOne = stale.get("items").get(0);
    // messages arrive, the newest reading is ten days old: stale, never counted online
    assertThat(staleOne.get("online").asInt()).isZero();
    assertThat(staleOne.get("lastMessage").asText())
        .isNotEqualTo(staleOne.get("lastReading").asText());

    JsonNode problems = admin.get("api/v1/ops/fleet?q=scale-&view=problems&size=100").json();
    assertThat(problems.get("total").asLong()).isEqualTo(FleetFixture.PROBLEMS);

    JsonNode newest =
        admin.get("api/v1/ops/fleet?q=scale-&sort=last_reading&dir=asc&size=1").json();
    assertThat(newest.get("items").get(0).get("stale").asInt()).isEqualTo(1);

    JsonNode summary = admin.get("api/v1/ops/fleet/summary").json();
    assertThat(summary.get("buildings").asLong()).isGreaterThanOrEqualTo(FleetFixture.BUILDINGS);
    assertThat(summary.get("buildingsPerView").get("offline").asLong())
        .isGreaterThanOrEqualTo(FleetFixture.OFFLINE);

    AdminClient.Reply wrong = admin.get("api/v1/ops/fleet?view=broken");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().get("errors").get(0).get("field").asText()).isEqualTo("view");
  }

  @Test
  void anOperatorFindsTheOfflineBuildingsAmongTenThousand(UiSession browser) {
    ui = browser;
    ui.open("fleet?q=scale-", "fleet");
    ui.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=fleet-buildings-status]"),
            "Showing 1–50 of 10,000 buildings."));

    ui.byTestId("fleet-buildings-view-problems").click();
    ui.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=fleet-buildings-status]"),
            "of " + FleetFixture.PROBLEMS + " buildings."));
    assertThat(ui.browser.getCurrentUrl()).contains("view=problems");
    assertThat(ui.byTestId("fleet-buildings-view-problems").getAttribute("aria-pressed"))
        .isEqualTo("true");

    ui.byTestId("fleet-buildings-view-offline").click();
    ui.wait.until(
        ExpectedConditions.numberOfElementsToBe(
            By.cssSelector("[data-testid=fleet-building-row]"), FleetFixture.OFFLINE));
    List<WebElement> rows =
        ui.browser.findElements(By.cssSelector("[data-testid=fleet-building-row]"));
    rows.forEach(r -> assertThat(r.getAttribute("data-problems")).contains("offline"));
    ui.screenshot("fleet-offline-of-10000");

    // back to all of them: page through and jump to the last page
    ui.byTestId("fleet-buildings-view-all").click();
    ui.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=fleet-buildings-status]"), "of 10,000 buildings."));
    ui.byTestId("fleet-buildings-next").click();
    ui.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=fleet-buildings-status]"), "Showing 51–100 of 10,000"));
    ui.byTestId("fleet-buildings-last").click();
    ui.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=fleet-buildings-status]"),
            "Showing 9,951–10,000 of 10,000"));
    assertThat(ui.byTestId("fleet-buildings-page-number").getAttribute("value")).isEqualTo("200");

    // sorted by the newest reading, oldest first: the stale ones lead
    ui.byTestId("fleet-buildings-sort-last_reading").click();
    ui.wait.until(ExpectedConditions.urlContains("sort=last_reading"));
    ui.wait.until(
        ExpectedConditions.attributeContains(
            By.cssSelector("[data-testid=fleet-building-row]"), "data-problems", "stale"));
    assertThat(
            ui.browser
                .findElement(By.cssSelector("th[data-sort=last_reading]"))
                .getAttribute("aria-sort"))
        .isEqualTo("ascending");

    // one building by its address: the panel is open with its devices
    ui.open("fleet?q=scale-00006&open=scale-00006", "fleet");
    WebElement device = ui.rowOf("fleet-device-row", "data-device-id", "scale-gb-00006");
    assertThat(device.getAttribute("data-state")).isEqualTo("offline");
    assertThat(ui.byTestId("fleet-devices-panel").isDisplayed()).isTrue();
  }
}
