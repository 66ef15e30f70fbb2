package de.vorlauf.worker.metrics;

import de.vorlauf.activities.optimization.OptimizationListener;
import de.vorlauf.workflows.optimization.BuildingOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * The optimisation on this worker: {@code vorlauf_optimization_buildings_total{status, fallback}}
 * (done, fallback with its cause, skipped, failed) and {@code
 * vorlauf_optimization_building_seconds} (state, prediction, optimiser, store and publish of one
 * building).
 */
public final class OptimizationMetrics implements OptimizationListener {

  private final MeterRegistry registry;
  private final Timer duration;

  public OptimizationMetrics(MeterRegistry registry) {
    this.registry = registry;
    duration =
        Timer.builder("vorlauf.optimization.building")
            .description("state, prediction, optimiser, store and publish of one building")
            .register(registry);
  }

  @Override
  public void building(BuildingOutcome.Status status, String fallback, Duration took) {
    // Micrometer keeps one counter per tag set: the set is small (4 statuses, 6 causes)
    Counter.builder("vorlauf.optimization.buildings")
        .description("buildings optimised, by outcome and, for a fallback, its cause")
        .tag("status", status.name().toLowerCase(Locale.ROOT))
        .tag("fallback", fallback == null ? "none" : fallback.toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
    duration.record(took);
  }
}
