package de.vorlauf.domain.clock;

import java.time.Duration;

/**
 * One pair of clocks compared with the threshold.
 *
 * @param clocks e.g. "database vs worker"
 * @param offset estimated offset, positive when the first named clock is ahead
 * @param uncertainty half-width of the interval the true offset lies in
 */
public record ClockComparison(
    String clocks, Duration offset, Duration uncertainty, SkewVerdict verdict) {

  /** e.g. "database vs worker: +12 ms ± 1 ms (within)". */
  public String describe() {
    return "%s: %s ± %d ms (%s)"
        .formatted(
            clocks,
            signedMillis(offset),
            uncertainty.toMillis(),
            verdict.name().toLowerCase(java.util.Locale.ROOT));
  }

  private static String signedMillis(Duration d) {
    long ms = d.toMillis();
    return (ms >= 0 ? "+" : "") + ms + " ms";
  }
}
