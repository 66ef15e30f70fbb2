package de.vorlauf.workflows.training;

/**
 * A finished training run in a few numbers; everything else (metrics per heating type, loss curve,
 * ONNX file, holdout predictions) is in experiment tracking under {@code runId}, not in the
 * workflow's history.
 *
 * @param epochs epochs run in total (resumed ones included)
 * @param resumedFromEpoch the epoch the last attempt resumed from, 0: it started from scratch
 */
public record TrainingOutcome(
    String experiment,
    long runId,
    int epochs,
    int bestEpoch,
    boolean stoppedEarly,
    double modelRmseKw,
    double degreeHoursRmseKw,
    double persistenceRmseKw,
    String onnxSha256,
    int resumedFromEpoch) {}
