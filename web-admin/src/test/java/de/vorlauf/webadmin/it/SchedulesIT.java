package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import de.vorlauf.workflows.schedule.ScheduleReconciler;
import de.vorlauf.workflows.schedule.VorlaufSchedules;
import io.temporal.client.schedules.ScheduleClient;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Schedules API and page of the real WAR against the Temporal CLI dev server (Schedules need
 * it; the WAR's TEMPORAL_ADDRESS port is given to it for this class), with the platform's
 * declarations set up as a worker sets them up: listing with timing in words and next runs, pause
 * with a reason, unpause, run now, each in the audit log; the page shows a paused schedule
 * unmistakably.
 */
@SharedWar // one PostgreSQL, one WildFly, one deployment of the WAR for every IT class
@ExtendWith(ItBrowser.class) // one logged-in Chromium for every browser test
@RunAsClient
class SchedulesIT {

  private static final String API = "api/v1/schedules";
  private static final String SELF_CHECK = VorlaufSchedules.PLATFORM_SELF_CHECK;
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static ItDevServer temporal;

  final URL base = ItWar.base();
  private UiSession ui;

  @BeforeAll
  static void startTheDevServerAndSetUpTheSchedules() {
    temporal = ItDevServer.start("temporal-schedules");
    new ScheduleReconciler(ScheduleClient.newInstance(temporal.stubs), VorlaufSchedules.ID_PREFIX)
        .reconcile(VorlaufSchedules.DECLARED);
  }

  @AfterAll
  static void stopTheDevServer() {
    if (temporal != null) {
      temporal.close();
    }
  }

  @AfterEach
  void keepScreenshot() {
    if (ui != null) {
      ui.screenshot("schedules-ui");
    }
  }

  @Test
  void pauseUnpauseAndRunNowFromTheApiAreAudited() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    JsonNode listed = awaitSchedule(admin, "active");
    assertThat(listed.get("scheduleId").asText()).isEqualTo("vorlauf-" + SELF_CHECK);
    assertThat(listed.get("timing").asText()).isEqualTo("every hour");
    assertThat(listed.get("durable").asBoolean()).isTrue();
    assertThat(listed.get("nextRuns").size()).isPositive();
    assertThat(listed.get("workflowType").asText()).isEqualTo("PlatformSelfCheckWorkflow");

    Reply noReason = admin.post(API + "/" + SELF_CHECK + "/pause", null);
    assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
    assertThat(admin.get(API + "/" + SELF_CHECK).json().get("paused").asBoolean()).isFalse();

    Reply paused =
        admin.withReason("POST", API + "/" + SELF_CHECK + "/pause", null, "Wartung der DB");
    assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
    assertThat(paused.json().get("state").asText()).isEqualTo("paused");
    assertThat(paused.json().get("note").asText()).isEqualTo("Wartung der DB");
    assertThat(paused.json().get("nextRuns").size()).isZero();

    Reply unpaused =
        admin.withReason("POST", API + "/" + SELF_CHECK + "/unpause", null, "DB wieder da");
    assertThat(unpaused.json().get("state").asText()).isEqualTo("active");

    Reply triggered = admin.withReason("POST", API + "/" + SELF_CHECK + "/trigger", null, "jetzt");
    assertThat(triggered.status()).as(triggered.toString()).isEqualTo(200);
    JsonNode run =
        await()
            .atMost(WAIT)
            .until(
                () -> admin.get(API + "/" + SELF_CHECK).json().get("recentRuns"),
                runs -> runs.size() > 0)
            .get(0);
    assertThat(run.get("workflowId").asText()).startsWith("vorlauf-" + SELF_CHECK + "-run");
    assertThat(run.get("outcome").asText()).isIn("running", "completed", "failed");

    JsonNode audit = admin.get("api/v1/audit?objectId=" + SELF_CHECK).json().get("items");
    assertThat(audit.get(0).get("action").asText()).isEqualTo("schedule.trigger");
    assertThat(audit.get(1).get("action").asText()).isEqualTo("schedule.unpause");
    assertThat(audit.get(1).get("reason").asText()).isEqualTo("DB wieder da");
    assertThat(audit.get(2).get("action").asText()).isEqualTo("schedule.pause");
    assertThat(audit.get(2).get("reason").asText()).isEqualTo("Wartung der DB");
    assertThat(audit.get(2).get("outcome").asText()).isEqualTo("succeeded");
    assertThat(audit.get(2).get("objectType").asText()).isEqualTo("schedule");
    assertThat(audit.get(3).get("action").asText()).isEqualTo("schedule.pause");
    assertThat(audit.get(3).get("httpStatus").asInt()).isEqualTo(400);

    assertThat(admin.get(API + "/no-such-schedule").status()).isEqualTo(404);
  }

  @Test
  void aPausedScheduleIsUnmistakableOnThePage(UiSession browser) throws Exception {
    awaitSchedule(AdminClient.loggedIn(base), "active");
    ui = browser;
    ui.open("schedules", "schedules");
    String card = "[data-testid=schedule][data-id='" + SELF_CHECK + "']";
    ui.visible(card + "[data-state=active]");
    assertThat(ui.visible(card + " [data-testid=schedule-timing]").getText())
        .isEqualTo("every hour");
    assertThat(ui.visible(card + " [data-testid=schedule-next]").getText())
        .startsWith("Next runs: ");
    assertThat(ui.byTestId("schedules-not-durable").isDisplayed()).isFalse();

    ui.visible(card + " [data-testid=schedule-pause]").click();
    ui.visible("[data-testid=confirm-dialog]");
    ui.type("confirm-reason", "Heizperiode vorbei");
    ui.byTestId("confirm-ok").click();

    ui.visible(card + "[data-state=paused][data-paused=true]");
    assertThat(ui.visible(card + " h2").getText()).isEqualTo(SELF_CHECK + " — paused");
    assertThat(ui.visible(card + " [data-testid=schedule-state]").getText()).isEqualTo("PAUSED");
    assertThat(ui.visible(card + " [data-testid=schedule-paused-note]").getText())
        .isEqualTo("Paused: no run starts. Reason: Heizperiode vorbei");
    assertThat(
            ui.browser
                .findElement(By.cssSelector(card + " [data-testid=schedule-pause]"))
                .isEnabled())
        .isFalse();

    ui.visible(card + " [data-testid=schedule-unpause]").click();
    ui.visible("[data-testid=confirm-dialog]");
    ui.byTestId("confirm-ok").click();
    ui.wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(card + "[data-state=active]")));
  }

  /** The WAR's gRPC channel may still be backing off from an earlier class's server. */
  private static JsonNode awaitSchedule(AdminClient admin, String state) {
    return await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () -> admin.get(API).json().get(0),
            s ->
                s != null
                    && SELF_CHECK.equals(s.path("id").asText())
                    && state.equals(s.path("state").asText()));
  }
}
