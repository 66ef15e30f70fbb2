package de.vorlauf.persistence.delivery;

/** A setpoint command's state in {@code setpoint_commands} (V160's diagram). */
public enum DeliveryState {
  QUEUED,
  SENT,
  APPLIED,
  REJECTED,
  EXPIRED,
  SUPERSEDED;

  /** Still owned by the dispatcher: it sends, resends or expires it. */
  public boolean inFlight() {
    return this == QUEUED || this == SENT;
  }
}
