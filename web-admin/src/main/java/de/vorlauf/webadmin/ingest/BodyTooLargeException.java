package de.vorlauf.webadmin.ingest;

/** A request body beyond the configured limit (REST: 413). */
public class BodyTooLargeException extends Exception {

  private final long limit;

  public BodyTooLargeException(long limit) {
    super("the body is larger than " + limit + " bytes (VORLAUF_INGEST_MAX_BODY_BYTES)");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
