package de.vorlauf.webadmin.it;

import de.vorlauf.workflows.training.RegisteredVersion;
import de.vorlauf.workflows.training.TrainingActivities;
import de.vorlauf.workflows.training.TrainingHeartbeat;
import de.vorlauf.workflows.training.TrainingJob;
import de.vorlauf.workflows.training.TrainingOutcome;
import de.vorlauf.workflows.training.TrainingPhase;
import de.vorlauf.workflows.training.TrainingStatus;
import de.vorlauf.workflows.training.TrainingWorkflow;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The train activity without an engine, for the WAR's tests: three epochs with progress, then it
 * waits for {@link #GATE} (so a test sees a running run) and ends as tracked run {@link #RUN_ID}.
 */
final class CannedTrainingActivities implements TrainingActivities {

  static final CountDownLatch GATE = new CountDownLatch(1);
  static final long RUN_ID = 4711;

  @Override
  public TrainingOutcome train(TrainingJob job) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    TrainingWorkflow workflow =
        context.getWorkflowClient().newWorkflowStub(TrainingWorkflow.class, job.workflowId());
    for (int epoch = 1; epoch <= 3; epoch++) {
      double loss = 1.0 / epoch;
      context.heartbeat(new TrainingHeartbeat(epoch, loss, loss, new byte[] {1}));
      workflow.progressed(
          new TrainingStatus(
              TrainingPhase.TRAINING, epoch, job.epochs(), loss, loss, 1, 0, RUN_ID, null));
    }
    try {
      while (!GATE.await(1, TimeUnit.SECONDS)) {
        context.heartbeat(new TrainingHeartbeat(3, 1.0 / 3, 1.0 / 3, new byte[] {1}));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new TrainingOutcome(EXPERIMENT, RUN_ID, 3, 3, false, 0.5, 1.5, 2.5, "abc", 0);
  }

  @Override
  public RegisteredVersion register(TrainingJob job, TrainingOutcome outcome) {
    return new RegisteredVersion(MODEL, 1, "STAGING", true);
  }

  @Override
  public void markFailed(TrainingJob job, String reason) {}
}
