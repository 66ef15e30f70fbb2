package de.vorlauf.domain.clock;

import java.time.Duration;
import java.util.List;

/**
 * The verdict of a clock-skew check.
 *
 * @param ok true when every comparison is {@link SkewVerdict#WITHIN}
 * @param threshold the largest skew accepted
 * @param comparisons every pair compared, worker pairs first
 * @param explanation one line a person can act on
 */
public record ClockSkewReport(
    boolean ok, Duration threshold, List<ClockComparison> comparisons, String explanation) {

  public ClockSkewReport {
    comparisons = List.copyOf(comparisons);
  }
}
