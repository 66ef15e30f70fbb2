package de.vorlauf.workflows.training;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;

/**
 * Checks the request, fixes its window, runs the train activity, fails the tracked run if it must,
 * and registers a finished run as a model version.
 */
public class TrainingWorkflowImpl implements TrainingWorkflow {

  private static final Logger log = Workflow.getLogger(TrainingWorkflowImpl.class);

  // an epoch of 430 k rows takes seconds; reading 50 buildings × 90 days well under a minute, and
  // the activity heartbeats before and after the read, so five minutes of silence is a dead worker
  static final Duration HEARTBEAT_TIMEOUT = Duration.ofMinutes(5);

  /** The change id of registering the trained run as a model version (issue 21). */
  static final String REGISTER_CHANGE = "register-model-version";

  private final TrainingActivities training =
      Workflow.newActivityStub(
          TrainingActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofHours(3))
              .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(10))
                      .setBackoffCoefficient(2)
                      .setMaximumInterval(Duration.ofMinutes(5))
                      .setMaximumAttempts(4)
                      .setDoNotRetry(TrainingActivities.REFUSED)
                      .build())
              .build());

  private final TrainingActivities quick =
      Workflow.newActivityStub(
          TrainingActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(1))
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(5).build())
              .build());

  // registration is a few rows in one transaction; retried for ten minutes of database trouble
  private final TrainingActivities registry =
      Workflow.newActivityStub(
          TrainingActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(1))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(5))
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .setMaximumAttempts(12)
                      .setDoNotRetry(TrainingActivities.REFUSED)
                      .build())
              .build());

  private TrainingStatus status = TrainingStatus.starting(0);

  @Override
  public TrainingOutcome train(TrainingRequest request) {
    List<String> problems = request.problems();
    if (!problems.isEmpty()) {
      String message = "invalid training parameters: " + String.join("; ", problems);
      status = status.failed(message);
      throw ApplicationFailure.newNonRetryableFailure(message, TrainingActivities.REFUSED);
    }
    TrainingJob job =
        request.resolve(
            Workflow.getInfo().getWorkflowId(),
            Workflow.getInfo().getRunId(),
            Instant.ofEpochMilli(Workflow.currentTimeMillis()));
    status = TrainingStatus.starting(job.epochs()).in(TrainingPhase.READING);
    TrainingOutcome outcome;
    try {
      outcome = training.train(job);
    } catch (ActivityFailure e) {
      String reason =
          e.getCause() instanceof ApplicationFailure application
              ? application.getOriginalMessage()
              : e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      status = status.failed(reason);
      log.warn("training {} failed: {}", job.workflowId(), reason);
      try {
        quick.markFailed(job, reason);
      } catch (ActivityFailure markFailure) {
        log.warn("training {}: could not mark the tracked run failed", job.workflowId());
      }
      throw e;
    }
    // runs recorded before the registry existed end without registering (replay-safe)
    if (Workflow.getVersion(REGISTER_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1) {
      register(job, outcome);
    }
    status = status.finished(outcome.runId());
    log.info(
        "training {} finished: run {}, {} epochs, holdout RMSE {} kW",
        job.workflowId(),
        outcome.runId(),
        outcome.epochs(),
        outcome.modelRmseKw());
    return outcome;
  }

  /**
   * A run that trained but could not be registered fails: the tracked run stays FINISHED (the model
   * is fine, an operator can register it by hand), but nobody should believe it became a version.
   */
  private void register(TrainingJob job, TrainingOutcome outcome) {
    try {
      RegisteredVersion registered = registry.register(job, outcome);
      log.info(
          "training {}: run {} is version {} of {} ({})",
          job.workflowId(),
          outcome.runId(),
          registered.version(),
          registered.model(),
          registered.stage());
    } catch (ActivityFailure e) {
      String reason =
          "trained as run "
              + outcome.runId()
              + " but not registered: "
              + (e.getCause() instanceof ApplicationFailure application
                  ? application.getOriginalMessage()
                  : String.valueOf(e.getCause()));
      status = status.failed(reason);
      log.warn("training {}: {}", job.workflowId(), reason);
      throw e;
    }
  }

  @Override
  public TrainingStatus progress() {
    return status;
  }

  @Override
  public void progressed(TrainingStatus reported) {
    if (status.phase().terminal() || reported == null) {
      return;
    }
    status = reported;
  }
}
