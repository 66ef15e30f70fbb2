package de.vorlauf.workflows.training;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records the replay fixture of {@link TrainingWorkflow}: six epochs with progress signals, the
 * first attempt dying after epoch 4 and the retry resuming from its checkpoint (and, since v2, the
 * run registered as a model version). Not a test: run it once per released workflow version (see
 * the module README); it refuses to overwrite a fixture.
 */
public final class RecordTrainingHistory {

  private RecordTrainingHistory() {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args[0]);
    if (Files.exists(target)) {
      throw new IllegalStateException(target + " exists: fixtures are recorded once");
    }
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker("training-fixture");
      worker.registerWorkflowImplementationTypes(TrainingWorkflowImpl.class);
      worker.registerActivitiesImplementations(new FakeTrainingActivities().failing(1, 4));
      env.start();
      // training-v1.json was recorded as fixture-v1, training-v2.json as fixture-v2, ...
      String version = target.getFileName().toString().replaceAll("^.*-|\\.json$", "");
      String workflowId = TrainingWorkflow.WORKFLOW_ID_PREFIX + "fixture-" + version;
      TrainingWorkflow workflow =
          env.getWorkflowClient()
              .newWorkflowStub(
                  TrainingWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(workflowId)
                      .setTaskQueue("training-fixture")
                      .build());
      WorkflowClient.start(workflow::train, TrainingWorkflowTest.request(6));
      WorkflowStub.fromTyped(workflow).getResult(TrainingOutcome.class);
      String json = env.getWorkflowClient().fetchHistory(workflowId).toJson(true);
      Files.createDirectories(target.getParent());
      Files.writeString(target, json);
    }
  }
}
