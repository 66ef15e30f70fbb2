package de.vorlauf.workflows.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.vorlauf.workflows.optimization.BuildingOutcome.Status;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(120)
class PortfolioOptimizationWorkflowTest {

  /** The test server's clock starts here: the run's "as of" is this hour. */
  private static final Instant START = Instant.parse("2026-12-04T14:05:02Z");

  private static final Instant HOUR = Instant.parse("2026-12-04T14:00:00Z");

  @RegisterExtension
  final TestWorkflowExtension testWorkflow =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(PortfolioOptimizationWorkflowImpl.class)
          .setInitialTime(START)
          .setDoNotStart(true)
          .build();

  @Test
  void aFailingBuildingIsRetriedWithBackoffAndNeverFailsTheRun(
      TestWorkflowEnvironment env, Worker worker) {
    FakePortfolioActivities db =
        new FakePortfolioActivities(120, env::currentTimeMillis)
            .failing("b007", 1)
            .failing("b011", 99)
            .skipped("b020")
            .fallingBack("b030");
    worker.registerActivitiesImplementations(db);
    env.start();

    PortfolioSummary result = stub(env, worker, "p-1").run(request(25, 3));

    assertThat(result.finished()).isTrue();
    assertThat(result.asOf()).isEqualTo(HOUR);
    assertThat(result.buildingsTotal()).isEqualTo(120);
    assertThat(result.done()).isEqualTo(117); // b007 on its second attempt
    assertThat(result.fallback()).isEqualTo(1);
    assertThat(result.fallbackReasons()).containsEntry("NO_ROOM_MEASUREMENT", 1);
    assertThat(result.skipped()).isEqualTo(1);
    assertThat(result.failed()).isEqualTo(1);
    assertThat(result.retrying()).isZero();
    assertThat(result.retries()).isEqualTo(1 + 2);
    assertThat(db.attemptsOf("b007")).extracting(a -> a.attempt()).containsExactly(1, 2);
    // backoff: 30 s before the second attempt, 60 s before the third (durable timers)
    List<FakePortfolioActivities.Attempt> b011 = db.attemptsOf("b011");
    assertThat(b011).extracting(a -> a.attempt()).containsExactly(1, 2, 3);
    assertThat(b011.get(1).atMillis() - b011.get(0).atMillis()).isGreaterThanOrEqualTo(30_000);
    assertThat(b011.get(2).atMillis() - b011.get(1).atMillis()).isGreaterThanOrEqualTo(60_000);
    assertThat(db.problemsWritten())
        .containsExactlyInAnyOrder(
            new BuildingProblem("b011", Status.FAILED, "broker timeout", 3, true),
            new BuildingProblem("b020", Status.SKIPPED, "inactive", 1, false));
  }

  @Test
  void anInvalidConfigurationIsNotRetried(TestWorkflowEnvironment env, Worker worker) {
    FakePortfolioActivities db =
        new FakePortfolioActivities(30, env::currentTimeMillis).invalid("b003");
    worker.registerActivitiesImplementations(db);
    env.start();

    PortfolioSummary result = stub(env, worker, "p-2").run(request(10, 2));

    assertThat(result.failed()).isEqualTo(1);
    assertThat(result.done()).isEqualTo(29);
    assertThat(result.retries()).isZero();
    assertThat(db.attemptsOf("b003")).hasSize(1);
    assertThat(db.problemsWritten())
        .containsExactly(
            new BuildingProblem(
                "b003", Status.FAILED, "invalid configuration: no curve", 1, false));
  }

  @Test
  void progressIsWrittenAfterBatchesAndTheRunEndsCompleted(
      TestWorkflowEnvironment env, Worker worker) {
    FakePortfolioActivities db =
        new FakePortfolioActivities(100, env::currentTimeMillis).overlapping(2);
    worker.registerActivitiesImplementations(db);
    env.start();

    PortfolioSummary result = stub(env, worker, "p-3").run(request(10, 3));

    assertThat(db.maxInFlight.get()).isBetween(2, 3);
    assertThat(db.starts)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.workflowId()).isEqualTo("p-3");
              assertThat(s.asOf()).isEqualTo(HOUR);
              assertThat(s.batchSize()).isEqualTo(10);
            });
    List<PortfolioRecord> running =
        db.records.stream().filter(r -> r.state().equals(PortfolioRecord.RUNNING)).toList();
    assertThat(running).hasSizeGreaterThanOrEqualTo(2);
    assertThat(running).extracting(r -> r.summary().done()).isSorted();
    assertThat(running.get(0).summary().done()).isBetween(10, 99);
    assertThat(db.last().state()).isEqualTo(PortfolioRecord.COMPLETED);
    assertThat(db.last().summary()).isEqualTo(result);
    assertThat(result.done()).isEqualTo(100);
  }

  @Test
  void aBatchThatFailsThroughItsRetriesFailsItsBuildingsNotTheRun(
      TestWorkflowEnvironment env, Worker worker) {
    FakePortfolioActivities db =
        new FakePortfolioActivities(30, env::currentTimeMillis).failingRange("b009");
    worker.registerActivitiesImplementations(db);
    env.start();

    PortfolioSummary result = stub(env, worker, "p-4").run(request(10, 2));

    assertThat(result.done()).isEqualTo(20);
    assertThat(result.failed()).isEqualTo(10);
    assertThat(db.problemsWritten())
        .extracting(BuildingProblem::buildingId)
        .containsExactly(
            "b010", "b011", "b012", "b013", "b014", "b015", "b016", "b017", "b018", "b019");
    assertThat(db.problemsWritten().get(0).reason()).contains("database is down");
    assertThat(db.last().state()).isEqualTo(PortfolioRecord.COMPLETED);
  }

  @Test
  void aCancelledRunIsMarkedFailed(TestWorkflowEnvironment env, Worker worker) {
    FakePortfolioActivities db =
        new FakePortfolioActivities(20, env::currentTimeMillis).failing("b001", 99);
    worker.registerActivitiesImplementations(db);
    env.start();
    PortfolioOptimizationWorkflow workflow = stub(env, worker, "p-5");
    // a retry an hour away: without a client waiting for the result the timer is not skipped
    PortfolioRequest request =
        new PortfolioRequest(null, 10, 2, 3, Duration.ofHours(1), null, null, true, null);
    WorkflowClient.start(workflow::run, request);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> workflow.progress() != null && workflow.progress().retrying() == 1);

    WorkflowStub.fromTyped(workflow).cancel();

    assertThatThrownBy(
            () ->
                WorkflowStub.fromTyped(workflow)
                    .getResult(30, TimeUnit.SECONDS, PortfolioSummary.class))
        .isInstanceOf(WorkflowFailedException.class);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> db.last().state().equals(PortfolioRecord.FAILED));
    assertThat(db.last().error()).isEqualTo("cancelled");
    assertThat(db.last().summary().done()).isEqualTo(19);
  }

  static PortfolioRequest request(int batchSize, int parallelism) {
    return new PortfolioRequest(null, batchSize, parallelism, 3, null, null, null, true, null);
  }

  static PortfolioOptimizationWorkflow stub(TestWorkflowEnvironment env, Worker worker, String id) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            PortfolioOptimizationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(worker.getTaskQueue())
                .setWorkflowExecutionTimeout(Duration.ofHours(2))
                .build());
  }
}
