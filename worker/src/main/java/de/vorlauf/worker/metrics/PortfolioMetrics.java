package de.vorlauf.worker.metrics;

import de.vorlauf.activities.portfolio.PortfolioListener;
import de.vorlauf.persistence.portfolio.PortfolioRunStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The portfolio runs finished on this worker: {@code vorlauf_portfolio_run_seconds{state}} (start
 * to end of a run, by final state) and {@code vorlauf_portfolio_last_run_buildings{status}} (the
 * last finished run's buildings per outcome: done, fallback, skipped, failed).
 */
public final class PortfolioMetrics implements PortfolioListener {

  private static final List<String> STATUSES = List.of("done", "fallback", "skipped", "failed");

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> lastRun = new ConcurrentHashMap<>();

  public PortfolioMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (String status : STATUSES) {
      AtomicLong value = new AtomicLong();
      lastRun.put(status, value);
      Gauge.builder("vorlauf.portfolio.last.run.buildings", value, AtomicLong::get)
          .description("the last finished portfolio run's buildings, by outcome")
          .tag("status", status)
          .register(registry);
    }
  }

  @Override
  public void finished(PortfolioRunStore.Run run) {
    PortfolioRunStore.Counts counts = run.counts();
    lastRun.get("done").set(counts.done());
    lastRun.get("fallback").set(counts.fallback());
    lastRun.get("skipped").set(counts.skipped());
    lastRun.get("failed").set(counts.failed());
    if (run.duration() != null) {
      Timer.builder("vorlauf.portfolio.run")
          .description("a portfolio run from its start to its final summary, by final state")
          .tag("state", run.state().toLowerCase(Locale.ROOT))
          .register(registry)
          .record(run.duration());
    }
  }
}
