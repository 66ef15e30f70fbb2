package de.vorlauf.persistence.timeseries;

/**
 * The write queue has no room for the submitted rows: the database is slower than the input or
 * down. Nothing was queued; retry later (REST: 503 with {@code Retry-After}).
 */
public class WriteQueueFullException extends Exception {

  public WriteQueueFullException(String message) {
    super(message);
  }
}
