package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.temporal.TemporalKind;
import de.vorlauf.devstack.temporal.TemporalOptions;
import de.vorlauf.devstack.temporal.TemporalService;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The workflow explorer on the in-JVM test server (the launcher's last fallback), which has no
 * visibility queries: the list says so instead of failing, and an execution is opened by its
 * workflow id, which works there as everywhere; terminate from the page is confirmed with a reason
 * and audited.
 */
@SharedWar
@ExtendWith(ItBrowser.class)
@RunAsClient
class WorkflowExplorerInJvmIT {

  private static RunningTemporal server;
  private static WorkflowServiceStubs stubs;

  final URL base = ItWar.base();
  private UiSession ui;

  @BeforeAll
  static void startTheInJvmServer() {
    Path dir = Path.of(System.getProperty("it.state.dir"), "temporal-explorer-injvm");
    int port = Integer.parseInt(System.getProperty("it.temporal.port"));
    server = TemporalService.start(new TemporalOptions(dir, port, 0, null, TemporalKind.IN_JVM));
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(server.address()).build());
  }

  @AfterAll
  static void stopIt() {
    if (stubs != null) {
      stubs.shutdownNow();
      stubs.awaitTermination(5, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  void keepScreenshot() {
    if (ui != null) {
      ui.screenshot("workflow-explorer-in-jvm");
    }
  }

  @Test
  void theListSaysThereIsNoVisibilityAndAWorkflowIsOpenedByItsId(UiSession browser)
      throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String workflowId = "explorer-injvm-" + UUID.randomUUID().toString().substring(0, 8);
    WorkflowClient.newInstance(stubs)
        .newUntypedWorkflowStub(
            "ExplorerIdleWorkflow",
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue("explorer-idle")
                .build())
        .start(Map.of("password", "pw-injvm"));

    // the WAR's channel may still be backing off from an earlier class's server
    JsonNode list =
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(
                () -> admin.get("api/v1/workflows").json(), l -> !l.get("visibility").asBoolean());
    assertThat(list.get("items")).isEmpty();
    assertThat(list.get("problem").asText()).contains("in-JVM test server", "workflow id");
    JsonNode detail = admin.get("api/v1/workflows/" + workflowId).json();
    assertThat(detail.get("status").asText()).isEqualTo("RUNNING");
    assertThat(detail.get("input").asText()).doesNotContain("pw-injvm");

    ui = browser;
    ui.open("workflows", "workflows");
    assertThat(ui.visible("[data-testid=workflows-no-visibility]").getText())
        .contains("no visibility queries");
    assertThat(ui.failingAxeViolations("the workflows page without visibility")).isEmpty();
    ui.type("workflows-lookup-id", workflowId);
    ui.byTestId("workflows-lookup-open").click();
    ui.awaitData("workflows-detail");
    assertThat(ui.byTestId("workflow-status").getText()).isEqualTo("running");
    assertThat(ui.byTestId("workflow-cancel").isDisplayed()).isTrue();

    // terminate, confirmed: not without a reason
    ui.byTestId("workflow-terminate").click();
    ui.visible("[data-testid=confirm-dialog]");
    ui.byTestId("confirm-ok").click();
    assertThat(ui.visible("[data-testid=confirm-dialog] .field-error").getText())
        .contains("Say why");
    ui.type("confirm-reason", "hängt im Test");
    ui.byTestId("confirm-ok").click();
    ui.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-testid=workflow-message]"), "terminated"));
    ui.visible("[data-testid=workflow-status][data-state=terminated]");
    JsonNode audit = admin.get("api/v1/audit?objectId=" + workflowId).json().get("items");
    assertThat(audit.get(0).get("action").asText()).isEqualTo("workflow.terminate");
    assertThat(audit.get(0).get("reason").asText()).isEqualTo("hängt im Test");
    assertThat(audit.get(0).get("actor").asText()).isEqualTo("admin");
  }
}
