package de.vorlauf.worker.it;

import de.vorlauf.workflows.TaskQueues;
import de.vorlauf.workflows.selfcheck.PlatformSelfCheckWorkflow;
import de.vorlauf.workflows.selfcheck.SelfCheckReport;
import de.vorlauf.workflows.selfcheck.SelfCheckRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the self-check the way the admin UI does: through a WorkflowClient. */
final class SelfCheckClient implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SelfCheckClient.class);

  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;

  SelfCheckClient(String temporalAddress) {
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporalAddress).build());
    client =
        WorkflowClient.newInstance(
            stubs, WorkflowClientOptions.newBuilder().setNamespace("default").build());
  }

  WorkflowClient client() {
    return client;
  }

  /** Runs one self-check to completion; returns its ID and report. */
  Run run() {
    String workflowId = PlatformSelfCheckWorkflow.WORKFLOW_ID_PREFIX + UUID.randomUUID();
    PlatformSelfCheckWorkflow workflow =
        client.newWorkflowStub(
            PlatformSelfCheckWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.PLATFORM)
                .setWorkflowExecutionTimeout(Duration.ofMinutes(3))
                .build());
    SelfCheckReport report = workflow.run(new SelfCheckRequest("integration-test"));
    log.info("self-check {}: {}", workflowId, report);
    return new Run(workflowId, report);
  }

  record Run(String workflowId, SelfCheckReport report) {}

  @Override
  public void close() {
    stubs.shutdown();
    stubs.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
  }
}
