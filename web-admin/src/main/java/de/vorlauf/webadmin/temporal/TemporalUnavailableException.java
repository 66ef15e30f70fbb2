package de.vorlauf.webadmin.temporal;

/** Temporal could not be reached or refused a call; the message says what to check. */
public class TemporalUnavailableException extends RuntimeException {

  public TemporalUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
