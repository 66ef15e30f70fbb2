package de.vorlauf.webadmin.ingest;

/**
 * Ingestion cannot take the message now (write queue full, database down, commit too slow). Nothing
 * can be assumed stored: send again later (REST: 503 with Retry-After); duplicates are dropped by
 * key.
 */
public class IngestBusyException extends Exception {

  private final int retryAfterSeconds;

  public IngestBusyException(String message, int retryAfterSeconds, Throwable cause) {
    super(message, cause);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
