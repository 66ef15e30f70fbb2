package de.vorlauf.simulator.runtime;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The simulator's time grid: every sample is taken at a whole minute. */
final class Minutes {

  static final long MILLIS = 60_000L;

  private Minutes() {}

  static Instant floor(Instant t) {
    return t.truncatedTo(ChronoUnit.MINUTES);
  }

  static long between(Instant from, Instant to) {
    return Math.max(0, (to.toEpochMilli() - from.toEpochMilli()) / MILLIS);
  }
}
