package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import de.vorlauf.workflows.TaskQueues;
import de.vorlauf.workflows.training.TrainingWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * "Train now" through the real WAR: {@code POST /api/v1/training/runs} checks the parameters
 * (problem+json naming each), starts {@code TrainingWorkflow} (the real workflow, on a worker in
 * this JVM with canned activities) on the Temporal CLI dev server started on the WAR's
 * TEMPORAL_ADDRESS port, shows its live progress from the workflow's query and its links once done,
 * and is audited.
 */
@SharedWar
@ExtendWith(ItBrowser.class)
@RunAsClient
class TrainingIT {

  private static final String API = "api/v1/training";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static ItDevServer temporal;
  private static WorkerFactory workers;

  final URL base = ItWar.base();

  @BeforeAll
  static void startTheDevServerAndATrainingWorker() {
    temporal = ItDevServer.start("temporal-training");
    workers = WorkerFactory.newInstance(WorkflowClient.newInstance(temporal.stubs));
    Worker worker = workers.newWorker(TaskQueues.TRAINING);
    worker.registerWorkflowImplementationTypes(TrainingWorkflowImpl.class);
    worker.registerActivitiesImplementations(new CannedTrainingActivities());
    workers.start();
  }

  @AfterAll
  static void stopTheWorkerAndTheDevServer() {
    CannedTrainingActivities.GATE.countDown();
    if (workers != null) {
      workers.shutdownNow();
      workers.awaitTermination(10, TimeUnit.SECONDS);
    }
    if (temporal != null) {
      temporal.close();
    }
  }

  @Test
  void invalidParametersAreProblemsNamingEachRule() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("horizonHours", 30);
    bad.put("epochs", 0);
    bad.put("hiddenLayers", List.of(0));
    bad.put("learningRate", 2.0);
    Reply reply = admin.withReason("POST", API + "/runs", bad, "test");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.response().body())
        .contains("horizonHours must be 1..24", "epochs must be 1..1000", "hiddenLayers")
        .contains("learningRate");

    Reply unknown =
        admin.withReason(
            "POST", API + "/runs", Map.of("buildingIds", List.of("no-such-building")), "test");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
    assertThat(unknown.response().body()).contains("unknown buildings: no-such-building");

    Reply badTime =
        admin.withReason("POST", API + "/runs", Map.of("from", "yesterday", "to", "today"), "test");
    assertThat(badTime.status()).isEqualTo(400);
    assertThat(badTime.response().body()).contains("not an instant");
  }

  @Test
  void aRunStartsShowsItsEpochsAndLinksItsPagesAndIsAudited() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("lastDays", 14);
    body.put("hiddenLayers", List.of(16, 8));
    body.put("epochs", 5);
    body.put("seed", 3);

    Reply started =
        await()
            .atMost(WAIT)
            .until(
                () -> admin.withReason("POST", API + "/runs", body, "Modell neu"),
                r -> r.status() != 503);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String workflowId = started.json().get("workflowId").asText();
    assertThat(workflowId).startsWith("training-");
    assertThat(started.header("Location")).endsWith("/training/runs/" + workflowId);

    JsonNode running =
        await()
            .atMost(WAIT)
            .until(
                () -> admin.get(API + "/runs/" + workflowId).json(),
                r -> r.path("epoch").asInt() == 3);
    assertThat(running.get("status").asText()).isEqualTo("RUNNING");
    assertThat(running.get("phase").asText()).isEqualTo("TRAINING");
    assertThat(running.get("maxEpochs").asInt()).isEqualTo(5);
    assertThat(running.get("trainLoss").asDouble()).isEqualTo(1.0 / 3);
    assertThat(running.get("startedBy").asText()).isEqualTo("admin");
    assertThat(running.get("workflowPage").asText()).isEqualTo("/workflows/" + workflowId);

    CannedTrainingActivities.GATE.countDown();
    JsonNode ended =
        await()
            .atMost(WAIT)
            .until(
                () -> admin.get(API + "/runs/" + workflowId).json(),
                r -> "COMPLETED".equals(r.get("status").asText()));
    assertThat(ended.get("phase").asText()).isEqualTo("FINISHED");
    assertThat(ended.get("trackedRunId").asLong()).isEqualTo(CannedTrainingActivities.RUN_ID);
    assertThat(ended.get("runPage").asText())
        .isEqualTo("/experiments/heat-demand?run=" + CannedTrainingActivities.RUN_ID);
    assertThat(ended.get("modelRmseKw").asDouble()).isEqualTo(0.5);
    assertThat(admin.get(API + "/runs").json().findValuesAsText("workflowId")).contains(workflowId);

    JsonNode audit = admin.get("api/v1/audit?objectId=" + workflowId).json().get("items");
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).get("action").asText()).isEqualTo("training.start");
    assertThat(audit.get(0).get("reason").asText()).isEqualTo("Modell neu");
    assertThat(audit.get(0).get("outcome").asText()).isEqualTo("succeeded");
    assertThat(audit.get(0).get("detail").asText()).contains("epochs=5", "buildings=all active");

    assertThat(admin.get(API + "/runs/training-no-such-run").status()).isEqualTo(404);
  }

  @Test
  void theExperimentsPageStartsATrainingAndShowsItsProgressAndLinks(UiSession ui) throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    // the WAR's Temporal channel may still back off from an earlier class's server
    await().atMost(WAIT).until(() -> admin.get(API + "/runs").status(), status -> status == 200);
    ui.open("experiments", "experiments");
    ui.visible("[data-testid=training-form]");
    ui.script(
        "document.querySelector(\"[data-testid='training-epochs']\").value = arguments[0];", "0");
    ui.byTestId("training-start").click();
    ui.visible("[data-testid=confirm-dialog]");
    ui.type("confirm-reason", "zu wenig");
    ui.byTestId("confirm-ok").click();
    assertThat(ui.visible("[data-testid=form-errors]").getText())
        .contains("Epochs at most must be 1..1000");

    ui.script(
        "document.querySelector(\"[data-testid='training-epochs']\").value = arguments[0];", "4");
    ui.byTestId("training-start").click();
    ui.visible("[data-testid=confirm-dialog]");
    ui.type("confirm-reason", "neues Modell");
    ui.byTestId("confirm-ok").click();
    By message = By.cssSelector("[data-testid=training-message]");
    ui.wait.until(
        ExpectedConditions.textMatches(
            message, java.util.regex.Pattern.compile("^Training training-.*")));
    String started = ui.browser.findElement(message).getText();
    String workflowId = started.substring("Training ".length(), started.indexOf(" started"));

    CannedTrainingActivities.GATE.countDown();
    String card = "[data-testid=training-run][data-id='" + workflowId + "']";
    ui.visible(card + "[data-phase=FINISHED]");
    assertThat(ui.visible(card + " [role=progressbar]").getAttribute("aria-valuetext"))
        .contains("epoch 3 of at most 4");
    assertThat(ui.visible(card + " [data-testid=training-run-link]").getAttribute("href"))
        .endsWith("/experiments/heat-demand?run=" + CannedTrainingActivities.RUN_ID);
    assertThat(ui.visible(card + " [data-testid=training-workflow-link]").getAttribute("href"))
        .endsWith("/workflows/" + workflowId);
    ui.screenshot("training-ui");
    assertThat(ui.failingAxeViolations("the Experiments page with a training run")).isEmpty();
  }
}
