package de.vorlauf.workflows.training;

/** Where a training run is, for the progress query. */
public enum TrainingPhase {
  /** Checking the request. */
  STARTING,
  /** Reading the features of the window. */
  READING,
  /** Epochs running (epoch and loss in the status). */
  TRAINING,
  /** Baselines, metrics, importance, ONNX export and parity, writing to experiment tracking. */
  RECORDING,
  FINISHED,
  FAILED;

  public boolean terminal() {
    return this == FINISHED || this == FAILED;
  }
}
