package de.vorlauf.workflows.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(120)
class NightlyEtlWorkflowTest {

  private static final Instant AS_OF = Instant.parse("2026-12-03T01:00:00Z");
  private static final LocalDate YESTERDAY = LocalDate.of(2026, 12, 2);

  @RegisterExtension
  final TestWorkflowExtension testWorkflow =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(NightlyEtlWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  @Test
  void aBuildingThatKeepsFailingIsReportedAndTheOthersAreDone(
      TestWorkflowEnvironment env, Worker worker) {
    FakeEtlActivities db = new FakeEtlActivities(45).failingAlways("b007");
    worker.registerActivitiesImplementations(db);
    env.start();

    EtlProgress result = stub(env, worker, "etl-nightly-1").run(nightly());

    assertThat(result.finished()).isTrue();
    assertThat(result.total()).isEqualTo(45);
    assertThat(result.done()).isEqualTo(44);
    assertThat(result.failed()).isEqualTo(1);
    assertThat(result.failures())
        .containsExactly(
            new BuildingDayFailure("b007", YESTERDAY, "no heating circuit configured"));
    assertThat(result.fraction()).isEqualTo(1.0);
    assertThat(db.runOf("b044", YESTERDAY)).contains("etl-nightly-1");
  }

  @Test
  void aBatchThatFailsIsRetriedFromItsHeartbeatAndWritesEachDayOnce(
      TestWorkflowEnvironment env, Worker worker) {
    FakeEtlActivities db = new FakeEtlActivities(30).failingBatches(2);
    worker.registerActivitiesImplementations(db);
    env.start();

    EtlProgress result = stub(env, worker, "etl-nightly-2").run(nightly());

    assertThat(result.done()).isEqualTo(30);
    assertThat(result.failed()).isZero();
    assertThat(db.batchAttempts.get()).isEqualTo(2 + 2); // two batches, two retries
    assertThat(db.writes.get()).isEqualTo(30);
  }

  @Test
  void aReRunReplacesTheSameBuildingDays(TestWorkflowEnvironment env, Worker worker) {
    FakeEtlActivities db = new FakeEtlActivities(25);
    worker.registerActivitiesImplementations(db);
    env.start();

    stub(env, worker, "etl-nightly-a").run(nightly());
    stub(env, worker, "etl-nightly-b").run(nightly());

    assertThat(db.store).hasSize(25);
    assertThat(db.storedFor("etl-nightly-b")).isEqualTo(25);
  }

  @Test
  void aProgressQueryShowsDoneOfTotalWhileTheRunIsGoing(TestWorkflowEnvironment env, Worker worker)
      throws Exception {
    FakeEtlActivities db = new FakeEtlActivities(50);
    CountDownLatch release = db.blockFirstBatch();
    worker.registerActivitiesImplementations(db);
    env.start();
    NightlyEtlWorkflow workflow = stub(env, worker, "etl-nightly-q");
    WorkflowClient.start(workflow::run, nightly());

    assertThat(db.blocked.await(10, TimeUnit.SECONDS)).isTrue();
    EtlProgress during = workflow.progress();
    assertThat(during.total()).isEqualTo(50);
    assertThat(during.finished()).isFalse();
    release.countDown();
    EtlProgress result = WorkflowStub.fromTyped(workflow).getResult(EtlProgress.class);
    assertThat(result.done()).isEqualTo(50);
  }

  @Test
  void aBackfillBatchCutOffMidWayResumesAfterItsLastHeartbeat(
      TestWorkflowEnvironment env, Worker worker) {
    FakeEtlActivities db = new FakeEtlActivities(30).crashFirstBatch();
    worker.registerActivitiesImplementations(db);
    env.start();

    EtlProgress result =
        stub(env, worker, "etl-backfill-1")
            .run(backfill(List.of(), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 14)));

    assertThat(result.total()).isEqualTo(30 * 14);
    assertThat(result.done()).isEqualTo(30 * 14);
    assertThat(db.store).hasSize(30 * 14);
    // the retry skipped the building-day its first attempt had heartbeated: none written twice
    assertThat(db.writes.get()).isEqualTo(30 * 14);
  }

  @Test
  void aContinuedRunStartsAfterItsCursorWithTheProgressItCarries(
      TestWorkflowEnvironment env, Worker worker) {
    FakeEtlActivities db = new FakeEtlActivities(40);
    worker.registerActivitiesImplementations(db);
    env.start();
    EtlProgress carried =
        new EtlProgress(EtlMode.NIGHTLY, "etl-nightly-c", AS_OF, 40, 20, 0, List.of(), false);

    EtlProgress result =
        stub(env, worker, "etl-nightly-c2")
            .run(nightly().continueAfter("b019", AS_OF, "etl-nightly-c", carried));

    assertThat(result.done()).isEqualTo(40);
    assertThat(db.store).hasSize(20);
    assertThat(db.runOf("b019", YESTERDAY)).isEmpty();
    assertThat(db.runOf("b020", YESTERDAY)).contains("etl-nightly-c");
  }

  @Test
  void aRefusedBackfillFailsWithItsReason(TestWorkflowEnvironment env, Worker worker) {
    worker.registerActivitiesImplementations(new FakeEtlActivities(3));
    env.start();

    assertThatThrownBy(
            () ->
                stub(env, worker, "etl-backfill-2")
                    .run(backfill(List.of("b001"), LocalDate.of(2025, 1, 1), YESTERDAY)))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .hasMessageContaining("at most one year");
  }

  static EtlRequest nightly() {
    return new EtlRequest(EtlMode.NIGHTLY, null, List.of(), null, null, 2, AS_OF, null, null);
  }

  static EtlRequest backfill(List<String> ids, LocalDate from, LocalDate to) {
    return new EtlRequest(EtlMode.BACKFILL, null, ids, from, to, 2, AS_OF, null, null);
  }

  static NightlyEtlWorkflow stub(TestWorkflowEnvironment env, Worker worker, String id) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            NightlyEtlWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(worker.getTaskQueue())
                .setWorkflowExecutionTimeout(Duration.ofHours(6))
                .build());
  }
}
