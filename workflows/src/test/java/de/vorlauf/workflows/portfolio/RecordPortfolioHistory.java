package de.vorlauf.workflows.portfolio;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Records the replay fixture of {@link PortfolioOptimizationWorkflow}: 45 buildings in batches of
 * 10, two in flight, one building failing once and retried after its backoff, one failing through
 * its three attempts, one with an invalid configuration and one skipped. Not a test: run it once
 * per released workflow version (see the module README); it refuses to overwrite a fixture.
 */
public final class RecordPortfolioHistory {

  private RecordPortfolioHistory() {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args[0]);
    if (Files.exists(target)) {
      throw new IllegalStateException(target + " exists: fixtures are recorded once");
    }
    try (TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setInitialTime(Instant.parse("2026-12-04T14:05:02Z"))
                .build())) {
      Worker worker = env.newWorker("portfolio-fixture");
      worker.registerWorkflowImplementationTypes(PortfolioOptimizationWorkflowImpl.class);
      worker.registerActivitiesImplementations(fixtureActivities(env));
      env.start();
      String workflowId = PortfolioOptimizationWorkflow.WORKFLOW_ID_PREFIX + "fixture-v1";
      PortfolioOptimizationWorkflow workflow =
          env.getWorkflowClient()
              .newWorkflowStub(
                  PortfolioOptimizationWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(workflowId)
                      .setTaskQueue("portfolio-fixture")
                      .build());
      WorkflowClient.start(workflow::run, PortfolioOptimizationWorkflowTest.request(10, 2));
      WorkflowStub.fromTyped(workflow).getResult(PortfolioSummary.class);
      String json = env.getWorkflowClient().fetchHistory(workflowId).toJson(true);
      Files.createDirectories(target.getParent());
      Files.writeString(target, json);
    }
  }

  static FakePortfolioActivities fixtureActivities(TestWorkflowEnvironment env) {
    return new FakePortfolioActivities(45, env::currentTimeMillis)
        .failing("b007", 1)
        .failing("b011", 99)
        .invalid("b013")
        .skipped("b020")
        .fallingBack("b030");
  }
}
