package de.vorlauf.workflows.training;

import io.temporal.activity.ActivityInterface;

/** The training engine and experiment tracking, for {@link TrainingWorkflow}. */
@ActivityInterface
public interface TrainingActivities {

  /** Failure type of a run that cannot succeed by retrying: bad parameters, too little data. */
  String REFUSED = "TrainingRefused";

  /** The experiment training runs are tracked in. */
  String EXPERIMENT = "heat-demand";

  /** The registered model every successful run becomes a version of. */
  String MODEL = "heat-demand";

  /**
   * Reads the window's features, trains, and records the run in experiment tracking (run key {@link
   * TrainingJob#runKey()}: a retry records into the same run, replacing values). Heartbeats a
   * {@link TrainingHeartbeat} after every epoch and signals the workflow's progress; a retry
   * (worker restart, heartbeat timeout) resumes from the last heartbeat's checkpoint. Fails with a
   * non-retryable {@value #REFUSED} failure when the parameters or the data make training
   * impossible.
   */
  TrainingOutcome train(TrainingJob job);

  /**
   * Registers the run of a finished training as the next version of {@link #MODEL} in the model
   * registry (the model is created with its first version). Idempotent on the run: a retry, after
   * the first attempt registered it but failed to answer, returns that same version and logs
   * nothing twice. Fails with a non-retryable {@value #REFUSED} failure when the registry refuses
   * the run (not finished, no ONNX file): retrying cannot change that.
   */
  RegisteredVersion register(TrainingJob job, TrainingOutcome outcome);

  /** Ends the tracked run of a job that failed for good as FAILED, with the reason as a tag. */
  void markFailed(TrainingJob job, String reason);
}
