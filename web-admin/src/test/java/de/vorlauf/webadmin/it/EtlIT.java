package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import de.vorlauf.workflows.TaskQueues;
import de.vorlauf.workflows.etl.NightlyEtlWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The ETL API and page of the real WAR: a backfill started through {@code POST
 * /api/v1/etl/backfills} runs {@code NightlyEtlWorkflow} (the real workflow, on a worker in this
 * JVM with canned activities) on the Temporal CLI dev server that this class starts on the WAR's
 * TEMPORAL_ADDRESS port; its progress is read through the workflow's query while it runs and from
 * its result once it ended; refused ranges are problems with the reason; every start is audited.
 */
@SharedWar
@ExtendWith(ItBrowser.class)
@RunAsClient
class EtlIT {

  private static final String API = "api/v1/etl";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static ItDevServer temporal;
  private static WorkerFactory workers;

  final URL base = ItWar.base();
  private UiSession ui;

  @BeforeAll
  static void startTheDevServerAndAWorker() {
    temporal = ItDevServer.start("temporal-etl");
    workers = WorkerFactory.newInstance(WorkflowClient.newInstance(temporal.stubs));
    Worker worker = workers.newWorker(TaskQueues.PLATFORM);
    worker.registerWorkflowImplementationTypes(NightlyEtlWorkflowImpl.class);
    worker.registerActivitiesImplementations(new CannedEtlActivities());
    workers.start();
  }

  @AfterAll
  static void stopTheWorkerAndTheDevServer() {
    CannedEtlActivities.GATE.countDown();
    if (workers != null) {
      workers.shutdownNow();
      workers.awaitTermination(10, TimeUnit.SECONDS);
    }
    if (temporal != null) {
      temporal.close();
    }
  }

  @AfterEach
  void keepScreenshot() {
    if (ui != null) {
      ui.screenshot("etl-ui");
    }
  }

  @Test
  void aBackfillStartsShowsItsProgressAndFailuresAndIsAudited() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    awaitTemporal(admin);
    String slow = building(admin, "slow-");
    String broken = building(admin, "broken-");
    LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(2);
    LocalDate from = to.minusDays(1);

    Reply started =
        admin.withReason(
            "POST", API + "/backfills", body(List.of(slow, broken), from, to), "Sensor repariert");
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String workflowId = started.json().get("workflowId").asText();
    assertThat(workflowId).startsWith("etl-backfill-");
    assertThat(started.json().get("buildingDays").asLong()).isEqualTo(4);
    assertThat(started.header("Location")).endsWith("/etl/runs/" + workflowId);

    JsonNode running =
        await()
            .atMost(WAIT)
            .until(
                () -> admin.get(API + "/runs/" + workflowId).json(),
                r -> r.get("total").asLong() == 4);
    assertThat(running.get("status").asText()).isEqualTo("RUNNING");
    assertThat(running.get("mode").asText()).isEqualTo("BACKFILL");
    assertThat(running.get("done").asLong()).isZero();
    assertThat(running.get("startedBy").asText()).isEqualTo("admin");

    CannedEtlActivities.GATE.countDown();
    JsonNode ended =
        await()
            .atMost(WAIT)
            .until(
                () -> admin.get(API + "/runs/" + workflowId).json(),
                r -> "COMPLETED".equals(r.get("status").asText()));
    assertThat(ended.get("done").asLong()).isEqualTo(2);
    assertThat(ended.get("failed").asLong()).isEqualTo(2);
    assertThat(ended.get("fraction").asDouble()).isEqualTo(1.0);
    JsonNode failure = ended.get("failures").get(0);
    assertThat(failure.get("buildingId").asText()).isEqualTo(broken);
    assertThat(failure.get("day").asText()).isEqualTo(from.toString());
    assertThat(failure.get("error").asText()).isEqualTo(CannedEtlActivities.ERROR);

    JsonNode runs = admin.get(API + "/runs").json();
    assertThat(runs.findValuesAsText("workflowId")).contains(workflowId);

    JsonNode audit = admin.get("api/v1/audit?objectId=" + workflowId).json().get("items");
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).get("action").asText()).isEqualTo("etl.startBackfill");
    assertThat(audit.get(0).get("objectType").asText()).isEqualTo("etl");
    assertThat(audit.get(0).get("reason").asText()).isEqualTo("Sensor repariert");
    assertThat(audit.get(0).get("outcome").asText()).isEqualTo("succeeded");
    assertThat(audit.get(0).get("detail").asText()).contains("from=" + from, "buildings=2");

    assertThat(admin.get(API + "/runs/etl-backfill-no-such-run").status()).isEqualTo(404);
  }

  @Test
  void refusedBackfillsSayWhyAndAreAuditedAsRefused() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String ok = building(admin, "ok-");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    problem(
        admin.post(API + "/backfills", body(List.of(ok), today.minusDays(400), today.minusDays(1))),
        "at most one year");
    problem(
        admin.post(
            API + "/backfills", body(List.of(ok), today.minusDays(200), today.minusDays(150))),
        "raw readings are kept 90 days");
    problem(
        admin.post(API + "/backfills", body(List.of(ok), today.minusDays(3), today.plusDays(1))),
        "only complete days");
    problem(
        admin.post(API + "/backfills", body(List.of(ok), today.minusDays(1), today.minusDays(3))),
        "before it starts");
    problem(
        admin.post(
            API + "/backfills",
            body(List.of(ok, "no-such-building"), today.minusDays(3), today.minusDays(2))),
        "unknown buildings: no-such-building");
    Map<String, Object> badDate = new LinkedHashMap<>();
    badDate.put("from", "gestern");
    badDate.put("to", today.minusDays(2).toString());
    problem(admin.post(API + "/backfills", badDate), "not a day like");

    JsonNode audit =
        admin.get("api/v1/audit?action=etl.startBackfill&outcome=refused").json().get("items");
    assertThat(audit.size()).isGreaterThanOrEqualTo(6);
    assertThat(audit.get(0).get("httpStatus").asInt()).isEqualTo(400);
  }

  @Test
  void thePageStartsABackfillAndShowsItsProgressAndFailures(UiSession browser) throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    awaitTemporal(admin);
    String good = building(admin, "ui-");
    String broken = building(admin, "ui-broken-");
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
    ui = browser;
    ui.open("etl", "etl");

    ui.type("etl-buildings", good + ", " + broken);
    setDate("etl-from", day.minusYears(2));
    setDate("etl-to", day);
    ui.byTestId("etl-start").click();
    ui.visible("[data-testid=confirm-dialog]");
    ui.type("confirm-reason", "zu weit zurück");
    ui.byTestId("confirm-ok").click();
    assertThat(ui.visible("[data-testid=form-errors]").getText()).contains("at most one year");

    setDate("etl-from", day);
    ui.byTestId("etl-start").click();
    ui.visible("[data-testid=confirm-dialog]");
    ui.type("confirm-reason", "Nachberechnung");
    ui.byTestId("confirm-ok").click();
    By message = By.cssSelector("[data-testid=etl-message]");
    ui.wait.until(
        ExpectedConditions.textMatches(message, Pattern.compile("^Backfill etl-backfill-.*")));
    String started = ui.browser.findElement(message).getText();
    String workflowId = started.substring("Backfill ".length(), started.indexOf(" started"));

    String card = "[data-testid=etl-run][data-id='" + workflowId + "']";
    ui.visible(card + "[data-status=completed]");
    WebElement bar = ui.visible(card + " [role=progressbar]");
    assertThat(bar.getAttribute("aria-valuemax")).isEqualTo("2");
    assertThat(bar.getAttribute("aria-valuenow")).isEqualTo("2");
    assertThat(bar.getAttribute("aria-valuetext")).contains("2 of 2 building-days", "1 failed");
    WebElement failure =
        ui.browser.findElement(
            By.cssSelector(card + " [data-testid=etl-failure][data-building='" + broken + "']"));
    assertThat(failure.getText()).contains(day.toString(), CannedEtlActivities.ERROR);
    assertThat(ui.failingAxeViolations("the ETL page with a run")).isEmpty();
  }

  private void setDate(String testId, LocalDate day) {
    ui.script(
        "const input = document.querySelector(\"[data-testid='"
            + testId
            + "']\");"
            + " input.value = arguments[0];",
        day.toString());
  }

  private static void problem(Reply reply, String detail) throws Exception {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.response().body()).contains(detail);
  }

  private static Map<String, Object> body(List<String> buildings, LocalDate from, LocalDate to) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("buildingIds", buildings);
    body.put("from", from.toString());
    body.put("to", to.toString());
    return body;
  }

  private static String building(AdminClient admin, String prefix) throws Exception {
    String id = prefix + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("name", "ETL IT");
    body.put("timeZone", "Europe/Berlin");
    body.put("heatingType", "gas");
    Reply created = admin.post("api/v1/buildings", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return id;
  }

  /**
   * The WAR's gRPC channel may still be backing off from an earlier class's server: wait until
   * Temporal answers it (the undeclared-here nightly schedule reads as not created).
   */
  private static void awaitTemporal(AdminClient admin) {
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () -> admin.get("api/v1/schedules/nightly-etl").json().path("state").asText(),
            state -> "not_created".equals(state));
  }
}
