package de.vorlauf.domain.ingest;

import java.time.Duration;

/**
 * The time window a reading must fall into.
 *
 * @param maxFutureSkew how far ahead of the server clock a reading may be (device clocks drift)
 * @param retention readings older than this would be dropped by retention at once, so they are
 *     refused instead of being written and silently lost
 */
public record ValidationPolicy(Duration maxFutureSkew, Duration retention) {

  public static final ValidationPolicy DEFAULT =
      new ValidationPolicy(Duration.ofMinutes(5), Duration.ofDays(90));

  public ValidationPolicy {
    if (maxFutureSkew.isNegative() || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException(
          "maxFutureSkew must not be negative and retention must be positive");
    }
  }
}
