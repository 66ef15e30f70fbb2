package de.vorlauf.devstack.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.vorlauf.devstack.service.Origin;
import de.vorlauf.workflows.search.BuildingSearchAttribute;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last-resort Temporal server, hosted in the test JVM. */
class InJvmTemporalServerIT {

  private static final String QUEUE = "devstack-it";

  @TempDir Path dir;

  @Test
  void servesTheDefaultNamespaceOnLoopback() {
    try (RunningTemporal temporal =
            TemporalService.start(TemporalOptions.forTest(dir, TemporalKind.IN_JVM));
        TemporalTestClient client = new TemporalTestClient(temporal.address())) {
      assertThat(temporal.kind()).isEqualTo(TemporalKind.IN_JVM);
      assertThat(temporal.origin()).isEqualTo(Origin.EMBEDDED);
      assertThat(temporal.address()).startsWith("127.0.0.1:");
      assertThat(temporal.uiUrl()).isEmpty();
      assertThat(client.describe("default").getNamespaceInfo().getName()).isEqualTo("default");
    }
  }

  @Test
  void aWorkflowCompletesOnASecondWorkerAfterTheFirstOneIsGone() {
    try (RunningTemporal temporal =
            TemporalService.start(TemporalOptions.forTest(dir, TemporalKind.IN_JVM));
        TemporalTestClient temporalClient = new TemporalTestClient(temporal.address())) {
      WorkflowClient client = temporalClient.client;
      WorkerFactory firstWorker = startWorker(client);
      String workflowId = "sticky-" + UUID.randomUUID();
      AwaitSignalWorkflow workflow =
          client.newWorkflowStub(
              AwaitSignalWorkflow.class,
              WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build());
      WorkflowClient.start(workflow::run);
      await().atMost(Duration.ofSeconds(20)).until(() -> firstTaskCompleted(client, workflowId));

      firstWorker.shutdownNow();
      firstWorker.awaitTermination(10, TimeUnit.SECONDS);
      WorkerFactory secondWorker = startWorker(client);
      try {
        workflow.proceed("second worker");
        String result =
            WorkflowStub.fromTyped(workflow).getResult(30, TimeUnit.SECONDS, String.class);
        assertThat(result).isEqualTo("done: second worker");
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("workflow stuck on the first worker's sticky queue", e);
      } finally {
        secondWorker.shutdownNow();
      }
    }
  }

  @Test
  void aWorkflowTaggedWithItsBuildingStartsAsOnTheDevServer() {
    try (RunningTemporal temporal =
            TemporalService.start(TemporalOptions.forTest(dir, TemporalKind.IN_JVM));
        TemporalTestClient temporalClient = new TemporalTestClient(temporal.address())) {
      WorkflowOptions.Builder options =
          WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("b-" + UUID.randomUUID());
      BuildingSearchAttribute.tag(options, "b-001");

      WorkflowStub started =
          temporalClient.client.newUntypedWorkflowStub("PerBuildingWorkflow", options.build());
      started.start();

      assertThat(started.describe().getTypedSearchAttributes().get(BuildingSearchAttribute.KEY))
          .isEqualTo("b-001");
    }
  }

  private static WorkerFactory startWorker(WorkflowClient client) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    factory.newWorker(QUEUE).registerWorkflowImplementationTypes(AwaitSignalWorkflowImpl.class);
    factory.start();
    return factory;
  }

  private static boolean firstTaskCompleted(WorkflowClient client, String workflowId) {
    return client.fetchHistory(workflowId).getEvents().stream()
        .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
  }
}
