package de.vorlauf.workflows.etl;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Records the replay fixture of {@link NightlyEtlWorkflow}: a backfill of 45 buildings over three
 * days with one building failing every day, one batch failing once and retried from its heartbeat.
 * Not a test: run it once per released workflow version (see the module README); it refuses to
 * overwrite a fixture.
 */
public final class RecordEtlHistory {

  private RecordEtlHistory() {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args[0]);
    if (Files.exists(target)) {
      throw new IllegalStateException(target + " exists: fixtures are recorded once");
    }
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker("etl-fixture");
      worker.registerWorkflowImplementationTypes(NightlyEtlWorkflowImpl.class);
      worker.registerActivitiesImplementations(
          new FakeEtlActivities(45).failingAlways("b007").failingBatches(1));
      env.start();
      String workflowId = NightlyEtlWorkflow.BACKFILL_ID_PREFIX + "fixture-v1";
      NightlyEtlWorkflow workflow =
          env.getWorkflowClient()
              .newWorkflowStub(
                  NightlyEtlWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(workflowId)
                      .setTaskQueue("etl-fixture")
                      .build());
      WorkflowClient.start(
          workflow::run,
          NightlyEtlWorkflowTest.backfill(
              List.of(), LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 30)));
      WorkflowStub.fromTyped(workflow).getResult(EtlProgress.class);
      String json = env.getWorkflowClient().fetchHistory(workflowId).toJson(true);
      Files.createDirectories(target.getParent());
      Files.writeString(target, json);
    }
  }
}
