package de.vorlauf.workflows.training;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The train activity without an engine: epochs are a loop that heartbeats {@code "cp<epoch>"} as
 * its checkpoint and signals the workflow like the real one; a retry starts after the checkpoint it
 * finds. Attempts up to {@code failingAttempts} die after {@code failAfterEpoch}.
 */
final class FakeTrainingActivities implements TrainingActivities {

  final AtomicInteger attempts = new AtomicInteger();
  final List<String> resumedFrom = new CopyOnWriteArrayList<>();
  final List<String> markedFailed = new CopyOnWriteArrayList<>();
  final List<TrainingJob> jobs = new CopyOnWriteArrayList<>();
  final List<Long> registered = new CopyOnWriteArrayList<>();
  private boolean refuseRegistration;
  private int failingAttempts;
  private int failAfterEpoch;
  private boolean refuse;
  private CountDownLatch hold;
  private CountDownLatch holding;

  FakeTrainingActivities failing(int attempts, int afterEpoch) {
    this.failingAttempts = attempts;
    this.failAfterEpoch = afterEpoch;
    return this;
  }

  FakeTrainingActivities refusing() {
    this.refuse = true;
    return this;
  }

  FakeTrainingActivities refusingRegistration() {
    this.refuseRegistration = true;
    return this;
  }

  /** Holds the first attempt after epoch 3 until {@code release} counts down. */
  FakeTrainingActivities holding(CountDownLatch reached, CountDownLatch release) {
    this.holding = reached;
    this.hold = release;
    return this;
  }

  @Override
  public TrainingOutcome train(TrainingJob job) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    int attempt = attempts.incrementAndGet();
    jobs.add(job);
    if (refuse) {
      throw ApplicationFailure.newNonRetryableFailure(
          "not enough data: 0 holdout samples", REFUSED);
    }
    Optional<TrainingHeartbeat> last = context.getHeartbeatDetails(TrainingHeartbeat.class);
    String checkpoint =
        last.map(h -> new String(h.checkpoint(), StandardCharsets.UTF_8)).orElse("none");
    resumedFrom.add(checkpoint);
    int first = last.map(h -> h.epoch() + 1).orElse(1);
    TrainingWorkflow workflow =
        context.getWorkflowClient().newWorkflowStub(TrainingWorkflow.class, job.workflowId());
    for (int epoch = first; epoch <= job.epochs(); epoch++) {
      double loss = 1.0 / epoch;
      context.heartbeat(
          new TrainingHeartbeat(
              epoch, loss, loss * 1.1, ("cp" + epoch).getBytes(StandardCharsets.UTF_8)));
      workflow.progressed(
          new TrainingStatus(
              TrainingPhase.TRAINING,
              epoch,
              job.epochs(),
              loss,
              loss * 1.1,
              attempt,
              first - 1,
              7,
              null));
      if (attempt <= failingAttempts && epoch >= failAfterEpoch) {
        throw ApplicationFailure.newFailure("worker lost", "Crash");
      }
      if (hold != null && attempt == 1 && epoch == 3) {
        holding.countDown();
        try {
          hold.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    return new TrainingOutcome(
        EXPERIMENT, 7, job.epochs(), job.epochs(), false, 1.0, 2.0, 3.0, "abc", first - 1);
  }

  /** Registers like the registry: the first run is version 1 and the challenger. */
  @Override
  public RegisteredVersion register(TrainingJob job, TrainingOutcome outcome) {
    if (refuseRegistration) {
      throw ApplicationFailure.newNonRetryableFailure(
          "run " + outcome.runId() + " stored no model/heat-demand.onnx", REFUSED);
    }
    boolean created = !registered.contains(outcome.runId());
    if (created) {
      registered.add(outcome.runId());
    }
    return new RegisteredVersion(
        MODEL,
        registered.indexOf(outcome.runId()) + 1,
        registered.size() == 1 ? "STAGING" : "NONE",
        created);
  }

  @Override
  public void markFailed(TrainingJob job, String reason) {
    markedFailed.add(job.runKey() + ": " + reason);
  }
}
