package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import de.vorlauf.workflows.TaskQueues;
import de.vorlauf.workflows.etl.EtlProgress;
import de.vorlauf.workflows.etl.EtlRequest;
import de.vorlauf.workflows.etl.NightlyEtlWorkflow;
import de.vorlauf.workflows.etl.NightlyEtlWorkflowImpl;
import de.vorlauf.workflows.search.BuildingSearchAttribute;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * The workflow explorer of the real WAR on the Temporal CLI dev server that this class starts on
 * the WAR's TEMPORAL_ADDRESS port (visibility, the building search attribute): a finished ETL run
 * (the real workflow on canned activities) is found in the list, its timeline read, its history
 * downloaded by the browser and replayed with {@code WorkflowReplayer} against the current code;
 * cancel and terminate are refused without a reason, done with one and audited; a secret in an
 * input is redacted in the detail and in the download.
 */
@SharedWar
@ExtendWith(ItBrowser.class)
@RunAsClient
class WorkflowExplorerIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  /** Nobody polls it: a workflow started there runs until it is cancelled or terminated. */
  private static final String IDLE_QUEUE = "explorer-idle";

  private static ItDevServer temporal;
  private static WorkerFactory workers;
  private static WorkflowClient client;

  final URL base = ItWar.base();
  private UiSession ui;

  @BeforeAll
  static void startTheDevServerAndAWorker() {
    temporal = ItDevServer.start("temporal-explorer");
    client = WorkflowClient.newInstance(temporal.stubs);
    workers = WorkerFactory.newInstance(client);
    Worker worker = workers.newWorker(TaskQueues.PLATFORM);
    worker.registerWorkflowImplementationTypes(NightlyEtlWorkflowImpl.class);
    worker.registerActivitiesImplementations(new CannedEtlActivities());
    workers.start();
  }

  @AfterAll
  static void stopTheWorkerAndTheDevServer() {
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
      ui.screenshot("workflow-explorer");
    }
  }

  @Test
  void aFinishedEtlRunIsFoundItsTimelineShownAndItsDownloadedHistoryReplays(UiSession browser)
      throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String workflowId = NightlyEtlWorkflow.BACKFILL_ID_PREFIX + "explorer-" + shortId();
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
    NightlyEtlWorkflow etl =
        client.newWorkflowStub(
            NightlyEtlWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.PLATFORM)
                .build());
    WorkflowClient.start(etl::run, EtlRequest.backfill(List.of("ex-ok", "ex-broken"), day, day));
    EtlProgress done =
        WorkflowStub.fromTyped(etl).getResult(60, TimeUnit.SECONDS, EtlProgress.class);
    assertThat(done.failed()).isEqualTo(1);
    awaitListed(admin, "api/v1/workflows?type=NightlyEtlWorkflow&status=COMPLETED", workflowId);

    ui = browser;
    ui.open("workflows?type=NightlyEtlWorkflow&status=COMPLETED", "workflows");
    WebElement row = ui.rowOf("workflow-row", "data-id", workflowId);
    assertThat(row.getAttribute("data-status")).isEqualTo("completed");
    assertThat(ui.failingAxeViolations("the workflows list")).isEmpty();
    row.findElement(By.cssSelector("[data-testid=workflow-link]")).click();
    ui.awaitData("workflows-detail");

    assertThat(ui.byTestId("page-title").getText()).isEqualTo("Workflow " + workflowId);
    assertThat(ui.byTestId("workflow-type").getText()).isEqualTo("NightlyEtlWorkflow");
    assertThat(ui.byTestId("workflow-summary").getText())
        .contains("Backfill finished: 2 of 2 building-days handled, 1 written, 1 failed")
        .contains("ex-broken on " + day, CannedEtlActivities.ERROR);
    List<WebElement> activities =
        ui.browser.findElements(
            By.cssSelector(
                "[data-testid=timeline-entry][data-kind=activity][data-status=completed]"));
    assertThat(activities).isNotEmpty();
    assertThat(activities.get(0).getText()).contains("Plan");
    assertThat(
            ui.browser
                .findElement(By.cssSelector("[data-testid=timeline-entry][data-kind=workflow]"))
                .getAttribute("data-status"))
        .isEqualTo("completed");
    assertThat(ui.byTestId("workflow-input").getText()).contains("ex-broken", "BACKFILL");
    assertThat(ui.failingAxeViolations("a workflow's detail")).isEmpty();

    String json = download(ui.byTestId("workflow-download"));
    WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(json);
    assertThat(history.getWorkflowExecution().getWorkflowId()).isEqualTo(workflowId);
    WorkflowReplayer.replayWorkflowExecution(history, NightlyEtlWorkflowImpl.class);
    // kept for the replay test of the workflows module (histories/nightly-etl-explorer.json)
    Files.writeString(Path.of("target", "nightly-etl-explorer.json"), json);
  }

  @Test
  void cancelAndTerminateNeedAReasonAreAuditedAndASecretInTheInputIsNeverShown() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String building = "b-explorer-" + shortId();
    String toCancel = idle("explorer-cancel-" + shortId(), building);
    String toTerminate = idle("explorer-terminate-" + shortId(), null);
    awaitListed(admin, "api/v1/workflows?building=" + building, toCancel);
    JsonNode byBuilding = admin.get("api/v1/workflows?building=" + building).json();
    assertThat(byBuilding.get("items")).hasSize(1);
    assertThat(byBuilding.get("items").get(0).get("buildingId").asText()).isEqualTo(building);

    JsonNode detail = admin.get("api/v1/workflows/" + toCancel).json();
    assertThat(detail.get("status").asText()).isEqualTo("RUNNING");
    assertThat(detail.get("input").asText())
        .doesNotContain("tok-it-secret")
        .contains("\"apiToken\" : \"[redacted]\"", "vendor-it");
    String export = admin.get("api/v1/workflows/" + toCancel + "/history.json").response().body();
    String input =
        WorkflowExecutionHistory.fromJson(export)
            .getEvents()
            .get(0)
            .getWorkflowExecutionStartedEventAttributes()
            .getInput()
            .getPayloads(0)
            .getData()
            .toStringUtf8();
    assertThat(input).doesNotContain("tok-it-secret").contains("[redacted]", "vendor-it");

    for (String action : List.of("cancel", "terminate")) {
      Reply refused = admin.post("api/v1/workflows/" + toTerminate + "/" + action, null);
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
    }
    assertThat(admin.get("api/v1/workflows/" + toTerminate).json().get("status").asText())
        .isEqualTo("RUNNING");

    Reply cancelled =
        admin.withReason("POST", "api/v1/workflows/" + toCancel + "/cancel", null, "hängt fest");
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(admin.get("api/v1/workflows/" + toCancel).json().get("cancelRequested").asBoolean())
        .isTrue();
    Reply terminated =
        admin.withReason(
            "POST", "api/v1/workflows/" + toTerminate + "/terminate", null, "Test beendet");
    assertThat(terminated.status()).as(terminated.toString()).isEqualTo(200);
    assertThat(terminated.json().get("status").asText()).isEqualTo("TERMINATED");
    JsonNode ended = admin.get("api/v1/workflows/" + toTerminate).json();
    assertThat(ended.get("failure").asText()).contains("Test beendet");
    assertThat(
            admin
                .withReason(
                    "POST", "api/v1/workflows/" + toTerminate + "/terminate", null, "noch mal")
                .status())
        .isEqualTo(409);

    JsonNode audit = admin.get("api/v1/audit?objectId=" + toTerminate).json().get("items");
    assertThat(audit.findValuesAsText("action")).contains("workflow.terminate", "workflow.cancel");
    JsonNode done = null;
    for (JsonNode entry : audit) {
      if ("succeeded".equals(entry.get("outcome").asText())) {
        done = entry;
      }
    }
    assertThat(done).isNotNull();
    assertThat(done.get("action").asText()).isEqualTo("workflow.terminate");
    assertThat(done.get("objectType").asText()).isEqualTo("workflow");
    assertThat(done.get("reason").asText()).isEqualTo("Test beendet");
    assertThat(done.get("actor").asText()).isEqualTo("admin");
    assertThat(audit.findValuesAsText("outcome")).contains("refused");
    JsonNode cancelAudit = admin.get("api/v1/audit?objectId=" + toCancel).json().get("items");
    assertThat(cancelAudit.get(0).get("action").asText()).isEqualTo("workflow.cancel");
    assertThat(cancelAudit.get(0).get("reason").asText()).isEqualTo("hängt fest");

    assertThat(admin.get("api/v1/workflows/explorer-no-such-workflow").status()).isEqualTo(404);
    assertThat(admin.get("api/v1/workflows?status=sleeping").status()).isEqualTo(400);
  }

  /** A workflow nobody works on, with a secret in its input and optionally a building. */
  private static String idle(String workflowId, String building) {
    WorkflowOptions.Builder options =
        WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(IDLE_QUEUE);
    if (building != null) {
      BuildingSearchAttribute.tag(options, building);
    }
    client
        .newUntypedWorkflowStub("ExplorerIdleWorkflow", options.build())
        .start(Map.of("integrationId", "vendor-it", "apiToken", "tok-it-secret"));
    return workflowId;
  }

  /** The WAR's gRPC channel may still be backing off from an earlier class's server. */
  private static void awaitListed(AdminClient admin, String path, String workflowId) {
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () -> admin.get(path).json().get("items").findValuesAsText("workflowId"),
            ids -> ids.contains(workflowId));
  }

  /** Clicks the link with the browser's downloads going to a folder of this test; its content. */
  private String download(WebElement link) throws Exception {
    Path folder = Path.of(System.getProperty("it.state.dir"), "downloads-" + shortId());
    Files.createDirectories(folder);
    ((ChromiumDriver) ui.browser)
        .executeCdpCommand(
            "Browser.setDownloadBehavior",
            Map.of("behavior", "allow", "downloadPath", folder.toAbsolutePath().toString()));
    link.click();
    Path file =
        await()
            .atMost(WAIT)
            .until(
                () -> {
                  try (Stream<Path> files = Files.list(folder)) {
                    return files
                        .filter(f -> f.getFileName().toString().endsWith(".json"))
                        .findFirst()
                        .orElse(null);
                  }
                },
                f -> f != null);
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
