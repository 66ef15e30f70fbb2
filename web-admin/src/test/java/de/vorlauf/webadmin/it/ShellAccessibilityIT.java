package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every page in the shell's list (read from its navigation, so a new page is checked without
 * touching this test) passes axe-core without a serious or critical violation, names itself with
 * aria-current, and leaves a screenshot in target/screenshots; so do the open detail panel, a form
 * showing its errors and the confirmation dialog.
 */
@SharedWar // one PostgreSQL, one WildFly, one deployment of the WAR for every IT class
@ExtendWith(ItBrowser.class) // one logged-in Chromium for every browser test
@RunAsClient
class ShellAccessibilityIT {

  final URL base = ItWar.base();

  @Test
  void everyPageOfTheShellPassesAxeAndNamesItselfInTheNavigation(UiSession ui) throws Exception {
    String building = seedOneOfEverything();
    ui.open("", "status");
    List<String[]> pages = ui.navigation();
    assertThat(pages)
        .extracting(p -> p[0])
        .contains(
            "status",
            "fleet",
            "buildings",
            "devices",
            "gateways",
            "quarantine",
            "integrations",
            "schedules",
            "etl",
            "workflows",
            "audit");

    List<String> failures = new ArrayList<>();
    for (String[] page : pages) {
      ui.open(page[1], page[0]);
      List<WebElement> current =
          ui.browser.findElements(By.cssSelector("header nav a[aria-current=page]"));
      assertThat(current).as(page[0]).singleElement();
      assertThat(current.get(0).getAttribute("data-page")).isEqualTo(page[0]);
      assertThat(ui.byTestId("page-title").getText()).isEqualTo(current.get(0).getText());
      assertThat(ui.byTestId("zone-note").getText()).contains("Times shown in");
      ui.screenshot("page-" + page[0]);
      failures.addAll(ui.failingAxeViolations(page[0]));
    }

    // the states a page can be in beyond its first view
    ui.open("fleet?q=" + building + "&open=" + building, "fleet");
    ui.rowOf("fleet-device-row", "data-device-id", building + "-gb");
    ui.screenshot("state-fleet-detail");
    failures.addAll(ui.failingAxeViolations("fleet with the detail panel open"));

    ui.open("buildings?open=new", "buildings");
    ui.byTestId("building-save").click();
    ui.visible("[data-testid=form-errors]");
    ui.screenshot("state-building-form-errors");
    failures.addAll(ui.failingAxeViolations("a building form with its errors"));

    ui.open("buildings?q=" + building, "buildings");
    ui.rowOf("building-row", "data-building-id", building)
        .findElement(By.cssSelector("[data-testid=building-toggle]"))
        .click();
    ui.visible("[data-testid=confirm-dialog]");
    ui.screenshot("state-confirm-dialog");
    failures.addAll(ui.failingAxeViolations("the confirmation dialog"));
    ui.byTestId("confirm-cancel").click();
    ui.wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector("[data-testid=confirm-dialog]")));

    ui.open("quarantine?group=reason", "quarantine");
    ui.visible("[data-testid=quarantine-group-row]");
    failures.addAll(ui.failingAxeViolations("the quarantine grouped by reason"));

    assertThat(failures).as("serious or critical axe-core violations").isEmpty();

    // the check itself works: an unlabelled checkbox, as the old quarantine page had 50 of
    ui.script(
        "const box = document.createElement('input'); box.type = 'checkbox';"
            + " document.getElementById('page').append(box);");
    assertThat(ui.failingAxeViolations("a planted unlabelled checkbox"))
        .anySatisfy(v -> assertThat(v).contains("critical label"));
  }

  @Test
  void theLoginPagesNameNoSecretAndOldAddressesLeadToTheNewPages() throws Exception {
    HttpClient anonymous = HttpClient.newBuilder().build();
    for (String page : List.of("login.html", "login-error.html")) {
      String html =
          anonymous
              .send(
                  HttpRequest.newBuilder(java.net.URI.create(url(page))).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(html)
          .contains("Vorlauf admin")
          .doesNotContain("secrets")
          .doesNotContain(".vorlauf");
    }

    AdminClient admin = AdminClient.loggedIn(base);
    Reply old = admin.get("fleet.html?view=problems");
    assertThat(old.status()).isEqualTo(301);
    assertThat(old.header("Location")).isEqualTo("/fleet?view=problems");
    Reply shell = admin.get("fleet");
    assertThat(shell.status()).isEqualTo(200);
    assertThat(shell.response().body()).contains("/js/main.js");
    Reply chart = admin.get("vendor/uplot/uPlot.esm.js");
    assertThat(chart.status()).as("the chart library is bundled in the WAR").isEqualTo(200);
  }

  /** A building, a device with a credential and one quarantined reading; returns the building. */
  private String seedOneOfEverything() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String building = "axe-" + UUID.randomUUID().toString().substring(0, 6);
    String device = building + "-gb";
    assertThat(
            admin
                .post(
                    "api/v1/buildings",
                    Map.of(
                        "id", building,
                        "name", "Barrierefrei",
                        "timeZone", "Europe/Berlin",
                        "heatingType", "gas"))
                .status())
        .isEqualTo(201);
    assertThat(admin.post("api/v1/devices", Map.of("id", device, "buildingId", building)).status())
        .isEqualTo(201);
    Reply issued = admin.post("api/v1/devices/" + device + "/credentials", null);
    String token = issued.json().get("token").asText();
    String body =
        """
        {"device_id": "%s", "timestamp": "%s", "readings": [
          {"sensor_id": "vorlauf_temp_hk1", "value": 48.0, "unit": "°C"},
          {"sensor_id": "outdoor_temp", "value": 99.0, "unit": "°C"}]}
        """
            .formatted(device, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    assertThat(
            AdminClient.anonymous(base)
                .ingest(token, body.getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(202);
    return building;
  }

  private String url(String path) {
    return base.toExternalForm().replaceAll("/+$", "") + "/" + path;
  }
}
