package de.vorlauf.persistence.experiments;

/**
 * A parameter logged again with another value. Parameters describe the run and do not change: a
 * retry that logs the same value is fine, a different one means the run is not what it says.
 */
public class ParamConflictException extends IllegalStateException {

  public ParamConflictException(long runId, String key, String stored, String given) {
    super(
        "parameter '"
            + key
            + "' of run "
            + runId
            + " is '"
            + stored
            + "' already; it cannot become '"
            + given
            + "' (parameters do not change: start a new run)");
  }
}
