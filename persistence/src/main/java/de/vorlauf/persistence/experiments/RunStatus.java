package de.vorlauf.persistence.experiments;

/** A run's state, as MLflow names them: running until the training ends one way or another. */
public enum RunStatus {
  RUNNING,
  FINISHED,
  FAILED,
  KILLED;

  public boolean terminal() {
    return this != RUNNING;
  }
}
