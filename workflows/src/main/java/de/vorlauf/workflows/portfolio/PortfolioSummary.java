package de.vorlauf.workflows.portfolio;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's counts: what {@code portfolio_runs} holds and the workflow answers.
 *
 * @param runKey the {@code portfolio_runs} row
 * @param buildingsTotal active buildings when the run began (more when some were activated since)
 * @param failed buildings given up on (after their retries, or an invalid configuration)
 * @param retrying failed buildings waiting for another attempt (not in the other counts)
 * @param retries further attempts made so far (a building tried three times counts two)
 * @param fallbackReasons fallback cause → buildings
 */
public record PortfolioSummary(
    long runKey,
    Instant asOf,
    int buildingsTotal,
    int done,
    int fallback,
    int skipped,
    int failed,
    int retrying,
    int retries,
    Map<String, Integer> fallbackReasons,
    boolean finished) {

  public PortfolioSummary {
    fallbackReasons = fallbackReasons == null ? Map.of() : Map.copyOf(fallbackReasons);
  }

  static PortfolioSummary start(long runKey, Instant asOf, int total) {
    return new PortfolioSummary(runKey, asOf, total, 0, 0, 0, 0, 0, 0, Map.of(), false);
  }

  /** Buildings with a final outcome. */
  public int handled() {
    return done + fallback + skipped + failed;
  }

  /** A batch's final outcomes added; {@code retried} of its failures wait for another attempt. */
  PortfolioSummary add(
      PortfolioBatchResult batch, int skippedNow, int failedNow, int retryingNow, int retryOf) {
    Map<String, Integer> reasons = new TreeMap<>(fallbackReasons);
    batch.fallbackReasons().forEach((cause, n) -> reasons.merge(cause, n, Integer::sum));
    int d = done + batch.done();
    int fb = fallback + batch.fallback();
    int s = skipped + skippedNow;
    int f = failed + failedNow;
    return new PortfolioSummary(
        runKey,
        asOf,
        Math.max(buildingsTotal, d + fb + s + f + retrying - retryOf + retryingNow),
        d,
        fb,
        s,
        f,
        retrying - retryOf + retryingNow,
        retries + retryOf,
        reasons,
        finished);
  }

  PortfolioSummary finish() {
    return new PortfolioSummary(
        runKey,
        asOf,
        buildingsTotal,
        done,
        fallback,
        skipped,
        failed,
        retrying,
        retries,
        fallbackReasons,
        true);
  }
}
