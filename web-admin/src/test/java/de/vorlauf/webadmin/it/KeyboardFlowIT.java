package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * One create-edit-confirm flow with the keyboard only (Tab, typing, Enter, Escape; no clicks):
 * create a building, see a too-long name refused at its field (not cut), fix it, edit it, and
 * deactivate it through the confirmation dialog with a reason, which the audit log then shows.
 */
@SharedWar // one PostgreSQL, one WildFly, one deployment of the WAR for every IT class
@ExtendWith(ItBrowser.class) // one logged-in Chromium for every browser test
@RunAsClient
class KeyboardFlowIT {

  private static final int MAX_TABS = 80;

  final URL base = ItWar.base();

  private UiSession ui;

  @AfterEach
  void keepScreenshot() {
    if (ui != null) {
      ui.screenshot("keyboard-flow");
    }
  }

  @Test
  void createEditAndDeactivateABuildingWithTheKeyboardOnly(UiSession browser) throws Exception {
    String id = "kbd-" + UUID.randomUUID().toString().substring(0, 6);
    ui = browser;
    ui.open("buildings", "buildings");

    // create: the panel opens in view with the focus in its first field
    tabTo("building-new");
    press(Keys.ENTER);
    ui.wait.until(d -> active().equals("building-id"));
    keys(id);
    press(Keys.TAB);
    assertThat(active()).isEqualTo("building-name");
    String tooLong = "Haus ".repeat(60);
    keys(tooLong);
    tabTo("building-save");
    press(Keys.ENTER);

    // refused at its field, in the label's words, the focus on it, nothing cut
    ui.visible("[data-testid=field-error][data-field=name]");
    assertThat(active()).isEqualTo("building-name");
    assertThat(ui.byTestId("building-name").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(ui.byTestId("building-name").getAttribute("value")).hasSize(tooLong.length());
    assertThat(ui.browser.findElement(By.cssSelector("[data-field=name]")).getText())
        .isEqualTo("Must be at most 200 characters");
    ui.screenshot("keyboard-field-error");

    // typing clears the stale error; the fixed name saves
    new Actions(ui.browser).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
    keys("Tastaturhaus");
    assertThat(ui.browser.findElements(By.cssSelector("[data-testid=field-error]"))).isEmpty();
    tabTo("building-save");
    press(Keys.ENTER);
    ui.wait.until(
        ExpectedConditions.textToBe(By.id("building-message"), "Saved building " + id + "."));
    assertThat(activeText()).contains("Building " + id);

    // edit
    tabTo("building-name");
    new Actions(ui.browser).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
    keys("Tastaturhaus Nord");
    tabTo("building-save");
    press(Keys.ENTER);
    // saved: the list shows the new name and the panel, drawn anew, has the focus on its heading
    ui.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=building-row][data-building-id='" + id + "']"),
            "Tastaturhaus Nord"));
    ui.wait.until(d -> activeText().contains("Building " + id));
    assertThat(ui.byTestId("building-message").getText()).isEqualTo("Saved building " + id + ".");

    // Escape closes the panel and gives the focus back to what opened it
    press(Keys.ESCAPE);
    ui.wait.until(d -> active().equals("building-new"));

    // find it with the filter, then deactivate it: the dialog insists on a reason
    tabTo("buildings-filter-q");
    keys(id);
    press(Keys.ENTER);
    ui.wait.until(
        ExpectedConditions.textToBe(
            By.cssSelector("[data-testid=buildings-status]"), "Showing 1–1 of 1 buildings."));
    tabTo("building-toggle");
    press(Keys.ENTER);
    ui.wait.until(d -> active().equals("confirm-reason"));
    press(Keys.TAB);
    assertThat(active()).isEqualTo("confirm-ok");
    press(Keys.ENTER);
    ui.wait.until(d -> active().equals("confirm-reason"));
    assertThat(ui.byTestId("confirm-reason").getAttribute("aria-invalid")).isEqualTo("true");
    String reason = "Tastaturtest: Heizung stillgelegt";
    keys(reason);
    press(Keys.TAB);
    press(Keys.ENTER);
    ui.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=buildings-message]"), "deactivated"));
    ui.wait.until(
        ExpectedConditions.attributeToBe(
            By.cssSelector("[data-testid=building-row]"), "data-active", "false"));
    // the focus is back on the control that opened the dialog, in the re-rendered row
    assertThat(active()).isEqualTo("building-toggle");

    // the audit log has every step, the reason with the deactivation
    JsonNode entries =
        AdminClient.loggedIn(base).get("api/v1/audit?objectId=" + id).json().get("items");
    List<String> actions = new ArrayList<>();
    entries.forEach(e -> actions.add(e.get("action").asText() + ":" + e.get("outcome").asText()));
    assertThat(actions)
        .containsExactly(
            "building.deactivate:succeeded",
            "building.update:succeeded",
            "building.create:succeeded");
    JsonNode deactivation = entries.get(0);
    assertThat(deactivation.get("reason").asText()).isEqualTo(reason);
    assertThat(deactivation.get("actor").asText()).isEqualTo("admin");
    assertThat(deactivation.get("client").asText()).isEqualTo("ui");
  }

  private void tabTo(String testId) {
    for (int i = 0; i < MAX_TABS; i++) {
      if (active().equals(testId)) {
        return;
      }
      press(Keys.TAB);
    }
    fail("Tab never reached " + testId + " (last: " + active() + ")");
  }

  private void press(Keys key) {
    new Actions(ui.browser).sendKeys(key).perform();
  }

  private void keys(String text) {
    new Actions(ui.browser).sendKeys(text).perform();
  }

  private String active() {
    Object id =
        ui.script(
            "const a = document.activeElement;"
                + " return a ? (a.getAttribute('data-testid') || a.id || a.tagName) : '';");
    return String.valueOf(id);
  }

  private String activeText() {
    return String.valueOf(ui.script("return document.activeElement.textContent"));
  }
}
