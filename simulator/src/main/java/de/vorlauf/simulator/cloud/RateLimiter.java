package de.vorlauf.simulator.cloud;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per client: {@code burst} requests at once, then {@code rate} per second. */
final class RateLimiter {

  private final double ratePerSecond;
  private final int burst;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(double ratePerSecond, int burst, Clock clock) {
    this.ratePerSecond = ratePerSecond;
    this.burst = burst;
    this.clock = clock;
  }

  /**
   * @return 0 when the request may pass, otherwise the whole seconds (at least 1) after which the
   *     next one will
   */
  long acquire(String clientId) {
    if (ratePerSecond == Double.POSITIVE_INFINITY) {
      return 0;
    }
    Bucket bucket = buckets.computeIfAbsent(clientId, id -> new Bucket(burst, clock.millis()));
    synchronized (bucket) {
      long now = clock.millis();
      if (now > bucket.refilledAt) {
        bucket.tokens =
            Math.min(burst, bucket.tokens + (now - bucket.refilledAt) * ratePerSecond / 1000.0);
        bucket.refilledAt = now;
      }
      if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1.0 - bucket.tokens) / ratePerSecond));
    }
  }

  private static final class Bucket {
    double tokens;
    long refilledAt;

    Bucket(double tokens, long refilledAt) {
      this.tokens = tokens;
      this.refilledAt = refilledAt;
    }
  }
}
