package de.vorlauf.activities.vendor;

import java.time.Duration;

/**
 * A request to the vendor cloud failed. {@link Kind} decides how the activity reports it: a
 * configuration error is not retried, a rate limit is retried after the cloud's {@code
 * Retry-After}, everything else with backoff.
 */
public class VendorApiException extends RuntimeException {

  public enum Kind {
    /** The client itself is refused (invalid_client) or misconfigured: retrying cannot help. */
    CONFIGURATION,
    /** 429: retry after {@link #retryAfter()}. */
    RATE_LIMITED,
    /** 5xx, timeouts, connection failures, an expired token the refresh did not cure. */
    UNAVAILABLE,
    /** 404 or another 4xx about one resource. */
    REJECTED
  }

  private final Kind kind;
  private final int status;
  private final Duration retryAfter;

  public VendorApiException(Kind kind, int status, Duration retryAfter, String message) {
    this(kind, status, retryAfter, message, null);
  }

  public VendorApiException(
      Kind kind, int status, Duration retryAfter, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, 0 when no response arrived. */
  public int status() {
    return status;
  }

  /** Only for {@link Kind#RATE_LIMITED}; null otherwise. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
