package de.vorlauf.workflows.vendor;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Records the replay fixture of {@link IngestionPollingWorkflow}: rounds over two installations, a
 * rate-limited poll, pause, resume, a new interval, then stop. Not a test: run it once per released
 * workflow version (see the module README); it refuses to overwrite a fixture.
 */
public final class RecordPollingHistory {

  private RecordPollingHistory() {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args[0]);
    if (Files.exists(target)) {
      throw new IllegalStateException(target + " exists: fixtures are recorded once");
    }
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker("polling-fixture");
      worker.registerWorkflowImplementationTypes(IngestionPollingWorkflowImpl.class);
      FakeVendorActivities cloud = new FakeVendorActivities(env, "4711", "4712");
      cloud.failing(
          "4712",
          attempt ->
              attempt == 2 ? FakeVendorActivities.rateLimited(Duration.ofSeconds(20)) : null);
      worker.registerActivitiesImplementations(cloud);
      env.start();
      String workflowId = PollingLauncher.workflowId("fixture-v1");
      IngestionPollingWorkflow workflow =
          env.getWorkflowClient()
              .newWorkflowStub(
                  IngestionPollingWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(workflowId)
                      .setTaskQueue("polling-fixture")
                      .build());
      WorkflowClient.start(
          workflow::run,
          PollingStart.fresh("fixture-v1", Duration.ofMinutes(1), Duration.ofDays(30)));
      env.sleep(Duration.ofMinutes(3));
      workflow.pause();
      env.sleep(Duration.ofMinutes(2));
      workflow.resume();
      env.sleep(Duration.ofSeconds(10));
      workflow.setInterval(Duration.ofSeconds(30));
      env.sleep(Duration.ofMinutes(1));
      workflow.stop();
      WorkflowStub.fromTyped(workflow).getResult(PollingStatus.class);
      String json = env.getWorkflowClient().fetchHistory(workflowId).toJson(true);
      Files.createDirectories(target.getParent());
      Files.writeString(target, json);
    }
  }
}
