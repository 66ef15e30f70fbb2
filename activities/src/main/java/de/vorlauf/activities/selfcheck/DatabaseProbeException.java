package de.vorlauf.activities.selfcheck;

/** The database round trip failed; the message says why in words an operator can act on. */
public class DatabaseProbeException extends RuntimeException {

  public DatabaseProbeException(String message) {
    super(message);
  }

  public DatabaseProbeException(String message, Throwable cause) {
    super(message, cause);
  }
}
