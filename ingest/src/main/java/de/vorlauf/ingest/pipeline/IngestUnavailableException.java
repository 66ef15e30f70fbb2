package de.vorlauf.ingest.pipeline;

/**
 * The pipeline cannot decide about a message now (the device registry could not be read). Nothing
 * was stored or quarantined: deliver the message again later (MQTT: do not acknowledge; REST: 503).
 */
public class IngestUnavailableException extends Exception {

  public IngestUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
