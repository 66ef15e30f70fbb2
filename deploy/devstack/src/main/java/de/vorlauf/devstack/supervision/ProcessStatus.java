package de.vorlauf.devstack.supervision;

import java.time.Instant;

/**
 * One supervised process as {@code deploy/vorlauf status}, the status page and the metrics show it.
 * {@code pid} is 0 while no process runs; {@code lastReason} and {@code lastRestart} are null
 * before the first restart.
 */
public record ProcessStatus(
    String name, State state, long pid, int restarts, String lastReason, Instant lastRestart) {

  public enum State {
    /** The process runs. */
    RUNNING,
    /** It died and is started again after the backoff delay. */
    RESTARTING,
    /** It died too often within the window: it stays down until `deploy/vorlauf restart`. */
    GAVE_UP,
    /** Stopped on purpose (a test, the launcher stopping). */
    STOPPED
  }

  public boolean up() {
    return state == State.RUNNING && pid != 0;
  }
}
