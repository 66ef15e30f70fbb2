package de.vorlauf.simulator.cloud;

import java.time.Duration;
import java.util.Objects;

/**
 * How unreliable the simulated cloud is. The faults are the ones a polling client meets at real
 * vendor clouds, so a client that survives the demo settings survives production.
 *
 * @param rateLimitPerSecond sustained requests per second per client; {@code
 *     Double.POSITIVE_INFINITY} switches rate limiting off
 * @param burst requests a client may send at once before the sustained rate applies
 * @param serverErrorRate share of requests answered with a random 500, 502 or 503
 * @param timeoutRate share of requests held for {@code timeoutHold}, then answered 504 or cut off
 * @param seed makes the sequence of injected faults reproducible for a given request order
 */
public record CloudFaults(
    double rateLimitPerSecond,
    int burst,
    double serverErrorRate,
    double timeoutRate,
    Duration timeoutHold,
    Duration tokenTtl,
    long seed) {

  public CloudFaults {
    if (!(rateLimitPerSecond > 0)) {
      throw new IllegalArgumentException("rateLimitPerSecond must be positive");
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1");
    }
    requireRate("serverErrorRate", serverErrorRate);
    requireRate("timeoutRate", timeoutRate);
    Objects.requireNonNull(timeoutHold, "timeoutHold");
    Objects.requireNonNull(tokenTtl, "tokenTtl");
    if (timeoutHold.isNegative() || tokenTtl.isZero() || tokenTtl.isNegative()) {
      throw new IllegalArgumentException("timeoutHold must not be negative, tokenTtl positive");
    }
  }

  /** A perfect cloud: no limits, no errors, tokens valid for an hour. */
  public static CloudFaults none() {
    return new CloudFaults(
        Double.POSITIVE_INFINITY, 1, 0.0, 0.0, Duration.ZERO, Duration.ofHours(1), 0L);
  }

  /** Settings for the demo: strict enough that every fault shows up within minutes of polling. */
  public static CloudFaults demo() {
    return new CloudFaults(
        5.0, 20, 0.02, 0.005, Duration.ofSeconds(20), Duration.ofMinutes(10), 42L);
  }

  public boolean rateLimited() {
    return rateLimitPerSecond != Double.POSITIVE_INFINITY;
  }

  private static void requireRate(String name, double rate) {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      throw new IllegalArgumentException(name + " must be within [0, 1], was " + rate);
    }
  }
}
