package de.vorlauf.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop and start again on the same state folder: the data and the workflow history are still there.
 */
class PlatformRestartIT {

  @TempDir Path tmp;

  @Test
  void aSelfCheckSurvivesARestart() throws Exception {
    Path state = tmp.resolve("state");
    String workflowId;
    String password;
    try (RunningPlatform first = RunningPlatform.start(state)) {
      AdminSession admin = first.login();
      password = first.adminPassword();
      workflowId = admin.post("/api/v1/self-checks").path("workflowId").asText();
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  admin
                      .get("/api/v1/self-checks/" + workflowId)
                      .path("run")
                      .path("status")
                      .asText(),
              "COMPLETED"::equals);
    }

    try (RunningPlatform second = RunningPlatform.start(state)) {
      assertThat(second.adminPassword()).as("the credential is generated once").isEqualTo(password);
      AdminSession admin = second.login();
      JsonNode check = admin.get("/api/v1/self-checks/" + workflowId);
      assertThat(check.path("run").path("status").asText()).isEqualTo("COMPLETED");
      assertThat(check.path("report").path("ok").asBoolean()).isTrue();
      assertThat(admin.get("/api/v1/workflows/" + workflowId + "/history").toString())
          .contains("WORKFLOW_EXECUTION_COMPLETED");
    }
  }
}
