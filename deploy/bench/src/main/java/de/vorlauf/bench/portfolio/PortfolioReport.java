package de.vorlauf.bench.portfolio;

import de.vorlauf.workflows.portfolio.PortfolioSummary;
import java.util.Locale;
import java.util.Map;

/** The benchmark's figures as Markdown, for docs/benchmarks.md. */
final class PortfolioReport {

  private PortfolioReport() {}

  static String markdown(
      PortfolioBench.Config config,
      double setupSeconds,
      PortfolioBench.Result clean,
      PortfolioBench.Result failing,
      PortfolioBench.Result again,
      int failingBuildings,
      double stateReadMs) {
    double cleanMean = (clean.wallSeconds() + again.wallSeconds()) / 2;
    StringBuilder md = new StringBuilder();
    md.append(
        f(
            "Fleet: %d buildings (cloned from the six test-data buildings), batch %d, parallelism"
                + " %d; setup (test data, clone, model) %.1f s.%n%n",
            config.buildings(), config.batch(), config.parallelism(), setupSeconds));
    md.append(
        "| run | wall s | healthy finished s | per building ms (wall / n) | done | fallback |"
            + " skipped | failed | retries | published | history events |\n");
    md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (PortfolioBench.Result r : new PortfolioBench.Result[] {clean, failing, again}) {
      PortfolioSummary s = r.summary();
      md.append(
          f(
              "| %s | %.1f | %.1f | %.2f | %d | %d | %d | %d | %d | %d | %d |%n",
              r.label(),
              r.wallSeconds(),
              r.healthyDoneSeconds(),
              r.wallSeconds() * 1000 / Math.max(1, s.buildingsTotal()),
              s.done(),
              s.fallback(),
              s.skipped(),
              s.failed(),
              s.retries(),
              r.published(),
              r.historyEvents()));
    }
    md.append(
        f(
            "%nFailing run: %d buildings failing (retryable) on their first %d attempt(s), backoff"
                + " %s; healthy buildings finished at %.1f s = %+.1f %% of the clean runs' mean"
                + " %.1f s (%.1f s before, %.1f s after it).%n",
            failingBuildings,
            config.failAttempts(),
            config.retryBackoff(),
            failing.healthyDoneSeconds(),
            (failing.healthyDoneSeconds() / cleanMean - 1) * 100,
            cleanMean,
            clean.wallSeconds(),
            again.wallSeconds()));
    md.append("\nWhere the time goes (clean run; summed over all worker threads):\n\n");
    md.append("| stage | total s | count | mean ms |\n| --- | --- | --- | --- |\n");
    for (Map.Entry<String, double[]> e : clean.stages().entrySet()) {
      double[] v = e.getValue();
      md.append(f("| %s | %.2f | %.0f | %.3f |%n", e.getKey(), v[0], v[1], v[2]));
    }
    md.append(
        f(
            "| state read alone (sample of 200 after the runs, one thread) | | 200 | %.3f |%n",
            stateReadMs));
    return md.toString();
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
