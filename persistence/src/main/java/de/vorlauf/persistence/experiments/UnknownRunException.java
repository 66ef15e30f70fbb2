package de.vorlauf.persistence.experiments;

/** A run id that names no run. */
public class UnknownRunException extends IllegalArgumentException {

  public UnknownRunException(long runId) {
    super("run " + runId + " does not exist");
  }
}
