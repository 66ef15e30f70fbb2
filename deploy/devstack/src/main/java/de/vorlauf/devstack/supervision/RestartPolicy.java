package de.vorlauf.devstack.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * When to start a process again after it died: exponential backoff (first delay, doubled per
 * restart still inside the window, capped), and at most {@code maxRestarts} within {@code window}.
 * A process that crashes in a loop is given up on instead of restarted for ever; one that ran
 * quietly for a whole window starts again with the first delay. Time comes from the caller, so the
 * policy is tested without sleeping.
 */
public final class RestartPolicy {

  /** The limits; {@link #DEFAULT} is the launcher's (README, "Supervision"). */
  public record Limits(int maxRestarts, Duration window, Duration firstDelay, Duration maxDelay) {

    public static final Limits DEFAULT =
        new Limits(5, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(60));

    public Limits {
      if (maxRestarts < 0 || window.isNegative() || firstDelay.isNegative()) {
        throw new IllegalArgumentException("invalid restart limits");
      }
    }

    @Override
    public String toString() {
      return maxRestarts + " restarts within " + window.toMinutes() + " min";
    }
  }

  private final Limits limits;
  private final Deque<Instant> recent = new ArrayDeque<>();

  public RestartPolicy(Limits limits) {
    this.limits = limits;
  }

  public Limits limits() {
    return limits;
  }

  /**
   * A process died unexpectedly at {@code now}: the delay before it is started again (the restart
   * then counts against the limit), or empty when the limit is reached and it stays down.
   */
  public synchronized Optional<Duration> onUnexpectedExit(Instant now) {
    Instant windowStart = now.minus(limits.window());
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
      recent.removeFirst();
    }
    if (recent.size() >= limits.maxRestarts()) {
      return Optional.empty();
    }
    Duration delay = limits.firstDelay();
    for (int i = 0; i < recent.size() && delay.compareTo(limits.maxDelay()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    if (delay.compareTo(limits.maxDelay()) > 0) {
      delay = limits.maxDelay();
    }
    recent.addLast(now);
    return Optional.of(delay);
  }

  /** Restarts counted against the limit at {@code now}. */
  public synchronized int recentRestarts(Instant now) {
    Instant windowStart = now.minus(limits.window());
    return (int) recent.stream().filter(at -> at.isAfter(windowStart)).count();
  }
}
