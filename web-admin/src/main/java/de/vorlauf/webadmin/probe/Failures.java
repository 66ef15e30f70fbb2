package de.vorlauf.webadmin.probe;

/** Turns an exception into one line for the status page, without stack traces or secrets. */
final class Failures {

  private Failures() {}

  static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    String type = root.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message.strip();
  }
}
