package de.vorlauf.workflows.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(120)
class TrainingWorkflowTest {

  static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
  static final Instant TO = Instant.parse("2026-11-26T00:00:00Z");

  @RegisterExtension
  final TestWorkflowExtension testWorkflow =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(TrainingWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  static TrainingRequest request(int epochs) {
    return new TrainingRequest(
        FROM, TO, null, List.of("b001"), 2, List.of(16, 8), epochs, 5e-3, 7L, "operator alice");
  }

  @Test
  void aRunFinishesWithTheParametersResolvedAndItsProgressQueryable(
      TestWorkflowEnvironment env, Worker worker) {
    FakeTrainingActivities activities = new FakeTrainingActivities();
    worker.registerActivitiesImplementations(activities);
    env.start();

    TrainingWorkflow workflow = stub(env, worker, "training-1");
    TrainingOutcome outcome = workflow.train(request(5));

    assertThat(outcome.runId()).isEqualTo(7);
    assertThat(outcome.epochs()).isEqualTo(5);
    TrainingJob job = activities.jobs.get(0);
    assertThat(job.runKey()).isEqualTo("training-1/train");
    assertThat(job.from()).isEqualTo(FROM);
    assertThat(job.horizonHours()).isEqualTo(2);
    assertThat(job.hiddenLayers()).containsExactly(16, 8);
    assertThat(job.learningRate()).isEqualTo(5e-3);
    assertThat(job.seed()).isEqualTo(7);
    TrainingStatus status = workflow.progress();
    assertThat(status.phase()).isEqualTo(TrainingPhase.FINISHED);
    assertThat(status.epoch()).isEqualTo(5);
    assertThat(status.runId()).isEqualTo(7);
  }

  @Test
  void theScheduledRequestTrainsOnTheLastDaysBeforeItsStartHour(
      TestWorkflowEnvironment env, Worker worker) {
    FakeTrainingActivities activities = new FakeTrainingActivities();
    worker.registerActivitiesImplementations(activities);
    env.start();

    stub(env, worker, "training-scheduled").train(TrainingRequest.scheduled(56, "weekly"));

    TrainingJob job = activities.jobs.get(0);
    assertThat(job.to().getEpochSecond() % 3600).isZero();
    assertThat(Duration.between(job.from(), job.to())).isEqualTo(Duration.ofDays(56));
    assertThat(job.epochs()).isEqualTo(TrainingRequest.DEFAULT_EPOCHS);
    assertThat(job.hiddenLayers()).isEqualTo(TrainingRequest.DEFAULT_LAYERS);
    assertThat(job.requestedBy()).isEqualTo("schedule weekly");
  }

  @Test
  void invalidParametersFailAtOnceWithTheReasonAndNoActivity(
      TestWorkflowEnvironment env, Worker worker) {
    FakeTrainingActivities activities = new FakeTrainingActivities();
    worker.registerActivitiesImplementations(activities);
    env.start();
    TrainingRequest bad =
        new TrainingRequest(TO, FROM, null, List.of(), 30, List.of(0), 0, 2.0, null, "x");

    TrainingWorkflow workflow = stub(env, worker, "training-bad");
    assertThatThrownBy(() -> workflow.train(bad))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOf(ApplicationFailure.class)
        .satisfies(
            e -> {
              ApplicationFailure failure = (ApplicationFailure) e;
              assertThat(failure.getType()).isEqualTo(TrainingActivities.REFUSED);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage())
                  .contains("from must be before to")
                  .contains("horizonHours must be 1..24")
                  .contains("hiddenLayers")
                  .contains("epochs must be 1..1000")
                  .contains("learningRate");
            });
    assertThat(activities.attempts.get()).isZero();
    assertThat(workflow.progress().phase()).isEqualTo(TrainingPhase.FAILED);
  }

  @Test
  void aFailedAttemptIsRetriedAndResumesFromTheLastHeartbeatsCheckpoint(
      TestWorkflowEnvironment env, Worker worker) {
    FakeTrainingActivities activities = new FakeTrainingActivities().failing(1, 4);
    worker.registerActivitiesImplementations(activities);
    env.start();

    TrainingOutcome outcome = stub(env, worker, "training-resume").train(request(6));

    assertThat(activities.attempts.get()).isEqualTo(2);
    assertThat(activities.resumedFrom).containsExactly("none", "cp4");
    assertThat(outcome.resumedFromEpoch()).isEqualTo(4);
    assertThat(outcome.epochs()).isEqualTo(6);
    assertThat(activities.markedFailed).isEmpty();
  }

  @Test
  void aRunThatKeepsFailingEndsFailedAndMarksItsTrackedRun(
      TestWorkflowEnvironment env, Worker worker) {
    FakeTrainingActivities activities = new FakeTrainingActivities().failing(10, 1);
    worker.registerActivitiesImplementations(activities);
    env.start();

    TrainingWorkflow workflow = stub(env, worker, "training-dies");
    assertThatThrownBy(() -> workflow.train(request(10)))
        .isInstanceOf(WorkflowFailedException.class);

    assertThat(activities.attempts.get()).isEqualTo(4);
    // each attempt got one epoch further and the next resumed there
    assertThat(activities.resumedFrom).containsExactly("none", "cp1", "cp2", "cp3");
    assertThat(activities.markedFailed).containsExactly("training-dies/train: worker lost");
    assertThat(workflow.progress().phase()).isEqualTo(TrainingPhase.FAILED);
    assertThat(workflow.progress().message()).isEqualTo("worker lost");
  }

  @Test
  void aFinishedRunIsRegisteredAsAModelVersion(TestWorkflowEnvironment env, Worker worker) {
    FakeTrainingActivities activities = new FakeTrainingActivities();
    worker.registerActivitiesImplementations(activities);
    env.start();

    TrainingOutcome outcome = stub(env, worker, "training-registered").train(request(3));

    assertThat(activities.registered).containsExactly(outcome.runId());
  }

  @Test
  void aRunTheRegistryRefusesFailsTheWorkflowButStaysFinished(
      TestWorkflowEnvironment env, Worker worker) {
    FakeTrainingActivities activities = new FakeTrainingActivities().refusingRegistration();
    worker.registerActivitiesImplementations(activities);
    env.start();

    TrainingWorkflow workflow = stub(env, worker, "training-unregistered");
    assertThatThrownBy(() -> workflow.train(request(3)))
        .isInstanceOf(WorkflowFailedException.class);

    assertThat(activities.registered).isEmpty();
    // the model trained fine: its tracked run is not marked failed
    assertThat(activities.markedFailed).isEmpty();
    assertThat(workflow.progress().phase()).isEqualTo(TrainingPhase.FAILED);
    assertThat(workflow.progress().message())
        .isEqualTo("trained as run 7 but not registered: run 7 stored no model/heat-demand.onnx");
  }

  @Test
  void aRefusalIsNotRetried(TestWorkflowEnvironment env, Worker worker) {
    FakeTrainingActivities activities = new FakeTrainingActivities().refusing();
    worker.registerActivitiesImplementations(activities);
    env.start();

    TrainingWorkflow workflow = stub(env, worker, "training-refused");
    assertThatThrownBy(() -> workflow.train(request(3)))
        .isInstanceOf(WorkflowFailedException.class);

    assertThat(activities.attempts.get()).isEqualTo(1);
    assertThat(activities.markedFailed)
        .containsExactly("training-refused/train: not enough data: 0 holdout samples");
  }

  @Test
  void progressShowsTheEpochAndLossWhileTraining(TestWorkflowEnvironment env, Worker worker)
      throws Exception {
    CountDownLatch reached = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FakeTrainingActivities activities = new FakeTrainingActivities().holding(reached, release);
    worker.registerActivitiesImplementations(activities);
    env.start();

    TrainingWorkflow workflow = stub(env, worker, "training-live");
    WorkflowClient.start(workflow::train, request(5));
    assertThat(reached.await(30, TimeUnit.SECONDS)).isTrue();
    TrainingStatus status = waitForEpoch(workflow, 3);
    release.countDown();

    assertThat(status.phase()).isEqualTo(TrainingPhase.TRAINING);
    assertThat(status.maxEpochs()).isEqualTo(5);
    assertThat(status.trainLoss()).isEqualTo(1.0 / 3);
    WorkflowStub.fromTyped(workflow).getResult(TrainingOutcome.class);
    assertThat(workflow.progress().phase()).isEqualTo(TrainingPhase.FINISHED);
  }

  private static TrainingStatus waitForEpoch(TrainingWorkflow workflow, int epoch)
      throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      TrainingStatus status = workflow.progress();
      if (status.epoch() == epoch) {
        return status;
      }
      Thread.sleep(100);
    }
    return workflow.progress();
  }

  static TrainingWorkflow stub(TestWorkflowEnvironment env, Worker worker, String workflowId) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            TrainingWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(worker.getTaskQueue())
                .build());
  }
}
