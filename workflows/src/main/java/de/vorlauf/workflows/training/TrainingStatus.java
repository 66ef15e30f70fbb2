package de.vorlauf.workflows.training;

/**
 * A training run's progress as the workflow's query returns it (the "train now" form's live view).
 *
 * @param epoch the last finished epoch (1-based), 0 before the first
 * @param maxEpochs at most this many
 * @param trainLoss normalised MSE on the train part after {@code epoch}; NaN before the first
 * @param validationLoss the same on the validation part
 * @param attempt the train activity's attempt (2 and more: retried, resumed from a checkpoint when
 *     one was heartbeated)
 * @param resumedFromEpoch the epoch the current attempt resumed from, 0: from the start
 * @param runId experiment tracking's run id once the run is tracked, else 0
 * @param message why it failed, or null
 */
public record TrainingStatus(
    TrainingPhase phase,
    int epoch,
    int maxEpochs,
    double trainLoss,
    double validationLoss,
    int attempt,
    int resumedFromEpoch,
    long runId,
    String message) {

  public static TrainingStatus starting(int maxEpochs) {
    return new TrainingStatus(
        TrainingPhase.STARTING, 0, maxEpochs, Double.NaN, Double.NaN, 0, 0, 0, null);
  }

  public TrainingStatus in(TrainingPhase next) {
    return new TrainingStatus(
        next,
        epoch,
        maxEpochs,
        trainLoss,
        validationLoss,
        attempt,
        resumedFromEpoch,
        runId,
        message);
  }

  public TrainingStatus failed(String why) {
    return new TrainingStatus(
        TrainingPhase.FAILED,
        epoch,
        maxEpochs,
        trainLoss,
        validationLoss,
        attempt,
        resumedFromEpoch,
        runId,
        why);
  }

  public TrainingStatus finished(long trackedRunId) {
    return new TrainingStatus(
        TrainingPhase.FINISHED,
        epoch,
        maxEpochs,
        trainLoss,
        validationLoss,
        attempt,
        resumedFromEpoch,
        trackedRunId,
        null);
  }
}
