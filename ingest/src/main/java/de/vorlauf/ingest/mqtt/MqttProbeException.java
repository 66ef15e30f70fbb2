package de.vorlauf.ingest.mqtt;

/** The MQTT round trip failed; the message says why in words an operator can act on. */
public class MqttProbeException extends RuntimeException {

  /** What went wrong, for callers that word it their own way. */
  public enum Failure {
    /** No connection: bad URL, broker down, login refused. */
    UNREACHABLE,
    /** Connected, but the message did not come back: subscription refused or nothing arrived. */
    NOT_RETURNED,
    /** The message came back altered or without its sent-at property. */
    ALTERED,
    INTERRUPTED
  }

  private final Failure failure;

  public MqttProbeException(Failure failure, String message) {
    super(message);
    this.failure = failure;
  }

  public MqttProbeException(Failure failure, String message, Throwable cause) {
    super(message, cause);
    this.failure = failure;
  }

  public Failure failure() {
    return failure;
  }
}
