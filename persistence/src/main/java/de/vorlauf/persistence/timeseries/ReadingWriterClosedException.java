package de.vorlauf.persistence.timeseries;

/**
 * The writer was closed before these rows were committed; they were not stored and the submitter
 * must not acknowledge them (MQTT redelivers).
 */
public class ReadingWriterClosedException extends RuntimeException {

  public ReadingWriterClosedException(String message) {
    super(message);
  }
}
