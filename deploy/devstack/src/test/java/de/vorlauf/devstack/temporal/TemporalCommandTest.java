package de.vorlauf.devstack.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.taskqueue.v1.StickyExecutionAttributes;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueRequest;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemporalCommandTest {

  @Test
  void devServerIsPinnedToLoopbackItsPortsAndItsDatabaseFile() {
    List<String> command =
        CliDevServer.command(
            Path.of("/bin/temporal"), Path.of("/s/temporal.db"), 17233, 18233, 40001, 40002);

    assertThat(String.join(" ", command))
        .isEqualTo(
            "/bin/temporal server start-dev --db-filename /s/temporal.db --ip 127.0.0.1"
                + " --port 17233 --http-port 40001 --metrics-port 40002 --log-level warn"
                + " --search-attribute VorlaufBuildingId=Keyword --ui-port 18233");
  }

  @Test
  void withoutAUiPortTheDevServerRunsHeadless() {
    List<String> command = CliDevServer.command(Path.of("t"), Path.of("db"), 1, 0, 2, 3);

    assertThat(command).contains("--headless").doesNotContain("--ui-port");
  }

  @Test
  void cliVersionsComeFromItsVersionLine() {
    assertThat(TemporalCli.parseVersions("temporal version 0.0.0-DEV (Server 1.29.1, UI 2.42.1)\n"))
        .isEqualTo("Server 1.29.1, UI 2.42.1");
    assertThat(TemporalCli.parseVersions("garbage")).isEmpty();
  }

  @Test
  void stickyAttributesAreRemovedFromCompletedWorkflowTasksOnly() {
    RespondWorkflowTaskCompletedRequest completed =
        RespondWorkflowTaskCompletedRequest.newBuilder()
            .setIdentity("worker-1")
            .setStickyAttributes(
                StickyExecutionAttributes.newBuilder()
                    .setWorkerTaskQueue(TaskQueue.newBuilder().setName("sticky-1")))
            .build();
    PollWorkflowTaskQueueRequest other =
        PollWorkflowTaskQueueRequest.newBuilder().setIdentity("worker-1").build();

    RespondWorkflowTaskCompletedRequest stripped = StickyAttributesStripper.strip(completed);

    assertThat(stripped.hasStickyAttributes()).isFalse();
    assertThat(stripped.getIdentity()).isEqualTo("worker-1");
    assertThat(StickyAttributesStripper.strip(other)).isSameAs(other);
  }
}
