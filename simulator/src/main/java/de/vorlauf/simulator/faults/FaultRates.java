package de.vorlauf.simulator.faults;

import java.time.Duration;

/**
 * How often each fault happens. Probabilities are per device-minute (gap, malformed, clock skew),
 * per sensor-minute (stuck episode start, spike, bad, uncertain) or per device-hour (offline
 * episode start).
 *
 * @param maxClockSkew the largest backwards shift of a message timestamp; at most two minutes, the
 *     window ingestion accepts, and never forwards (a future timestamp is quarantined)
 * @param offlineMin shortest offline episode
 * @param offlineMax longest offline episode
 */
public record FaultRates(
    double gap,
    double stuck,
    double spike,
    double badQuality,
    double uncertainQuality,
    double malformed,
    double clockSkew,
    Duration maxClockSkew,
    double offlinePerHour,
    Duration offlineMin,
    Duration offlineMax) {

  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(2);

  /** A perfect fleet: every reading published unchanged. */
  public static final FaultRates NONE =
      new FaultRates(
          0, 0, 0, 0, 0, 0, 0, Duration.ZERO, 0, Duration.ofMinutes(1), Duration.ofMinutes(1));

  public FaultRates {
    for (double p :
        new double[] {
          gap, stuck, spike, badQuality, uncertainQuality, malformed, clockSkew, offlinePerHour
        }) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("fault probabilities must be within [0, 1]: " + p);
      }
    }
    if (maxClockSkew.isNegative() || maxClockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
      throw new IllegalArgumentException("maxClockSkew must be within [0, 2 min]: " + maxClockSkew);
    }
    if (offlineMin.toMinutes() < 1 || offlineMax.compareTo(offlineMin) < 0) {
      throw new IllegalArgumentException(
          "offline durations need 1 min <= min <= max: " + offlineMin + ", " + offlineMax);
    }
  }

  /**
   * Rates that make a 50-building, 30-day demo show every fault a few times to hundreds of times
   * without drowning the real data.
   */
  public static FaultRates demo() {
    return new FaultRates(
        0.002,
        0.0002,
        0.0003,
        0.0005,
        0.001,
        0.0005,
        0.01,
        MAX_CLOCK_SKEW,
        0.0005,
        Duration.ofMinutes(10),
        Duration.ofHours(3));
  }
}
