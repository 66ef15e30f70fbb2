package de.vorlauf.domain.clock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Decides whether the clocks of a deployment agree within a threshold.
 *
 * <p>Every reference clock is measured against the local (worker) clock with an uncertainty
 * interval. A pair passes only when its whole interval lies within the threshold: the check must
 * not call clocks "in sync" on the strength of a measurement too coarse to tell, so an inconclusive
 * pair fails the check too, with an explanation saying the measurement was the problem. References
 * are also compared with each other (e.g. database vs Temporal server), their uncertainties added,
 * because two remote clocks can disagree by more than the threshold while each is just within it of
 * the worker.
 */
public final class ClockSkewCheck {

  private final Duration threshold;

  public ClockSkewCheck(Duration threshold) {
    Objects.requireNonNull(threshold, "threshold");
    if (threshold.isNegative() || threshold.isZero()) {
      throw new IllegalArgumentException("threshold must be positive: " + threshold);
    }
    this.threshold = threshold;
  }

  /**
   * @param localClock the name of the local clock, e.g. "worker"
   * @param references offsets of the reference clocks relative to the local clock
   */
  public ClockSkewReport evaluate(String localClock, List<ClockOffset> references) {
    if (references.isEmpty()) {
      return new ClockSkewReport(
          false, threshold, List.of(), "no reference clock could be read, nothing to compare");
    }
    List<ClockComparison> comparisons = new ArrayList<>();
    for (ClockOffset reference : references) {
      comparisons.add(compare(reference.source() + " vs " + localClock, reference));
    }
    for (int i = 0; i < references.size(); i++) {
      for (int j = i + 1; j < references.size(); j++) {
        ClockOffset pair = references.get(i).relativeTo(references.get(j));
        comparisons.add(compare(pair.source(), pair));
      }
    }
    boolean ok = comparisons.stream().allMatch(c -> c.verdict() == SkewVerdict.WITHIN);
    return new ClockSkewReport(ok, threshold, comparisons, explain(ok, comparisons));
  }

  private ClockComparison compare(String clocks, ClockOffset measured) {
    SkewVerdict verdict;
    if (measured.maximumSkew().compareTo(threshold) <= 0) {
      verdict = SkewVerdict.WITHIN;
    } else if (measured.minimumSkew().compareTo(threshold) > 0) {
      verdict = SkewVerdict.EXCEEDED;
    } else {
      verdict = SkewVerdict.INCONCLUSIVE;
    }
    return new ClockComparison(clocks, measured.offset(), measured.uncertainty(), verdict);
  }

  private String explain(boolean ok, List<ClockComparison> comparisons) {
    String limit = "threshold " + threshold.toMillis() + " ms";
    if (ok) {
      return "clocks agree within " + limit + ": " + describeAll(comparisons);
    }
    List<ClockComparison> exceeded = withVerdict(comparisons, SkewVerdict.EXCEEDED);
    if (!exceeded.isEmpty()) {
      return "clock skew beyond "
          + limit
          + ": "
          + describeAll(exceeded)
          + " — check NTP/chrony on the hosts involved";
    }
    return "cannot confirm clocks agree within "
        + limit
        + ", the round trips were too slow to measure precisely: "
        + describeAll(withVerdict(comparisons, SkewVerdict.INCONCLUSIVE));
  }

  private static List<ClockComparison> withVerdict(
      List<ClockComparison> comparisons, SkewVerdict verdict) {
    return comparisons.stream().filter(c -> c.verdict() == verdict).toList();
  }

  private static String describeAll(List<ClockComparison> comparisons) {
    return comparisons.stream().map(ClockComparison::describe).collect(Collectors.joining("; "));
  }
}
