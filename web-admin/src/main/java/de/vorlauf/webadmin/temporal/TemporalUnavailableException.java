package de.vorlauf.webadmin.temporal;

/** Temporal could not be reached or refused a call; the message says what to check. */
public class TemporalUnavailableException extends RuntimeException {

  public TemporalUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The innermost cause's message: what the SDK's wrappers of a refused call come down to. */
  public static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
