package de.vorlauf.bench.portfolio;

import de.vorlauf.workflows.optimization.BuildingOutcome;
import de.vorlauf.workflows.optimization.OptimizationActivities;
import de.vorlauf.workflows.optimization.OptimizationBatch;
import de.vorlauf.workflows.optimization.OptimizationBatchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real optimisation, with chosen buildings failing (retryable, as a broker timeout would) on
 * their first {@code failures} attempts, and the time the last healthy building was finished.
 */
final class FailingOptimization implements OptimizationActivities {

  private final OptimizationActivities real;
  private final StageTimes times;
  private volatile Set<String> failing = Set.of();
  private volatile int failures;
  private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
  private final AtomicLong lastHealthyNanos = new AtomicLong();

  FailingOptimization(OptimizationActivities real, StageTimes times) {
    this.real = real;
    this.times = times;
  }

  /** The next run's failing buildings; resets the attempts and the healthy finish. */
  void failing(Set<String> ids, int failuresEach) {
    failing = Set.copyOf(ids);
    failures = failuresEach;
    attempts.clear();
    lastHealthyNanos.set(0);
  }

  long lastHealthyNanos() {
    return lastHealthyNanos.get();
  }

  @Override
  public OptimizationBatchResult optimize(OptimizationBatch batch) {
    List<String> healthy = new ArrayList<>();
    List<BuildingOutcome> failed = new ArrayList<>();
    for (String id : batch.buildingIds()) {
      if (failing.contains(id) && attempts.merge(id, 1, Integer::sum) <= failures) {
        failed.add(
            new BuildingOutcome(
                id,
                BuildingOutcome.Status.FAILED,
                "bench: injected broker timeout",
                Double.NaN,
                Double.NaN,
                0,
                0,
                0,
                null,
                true));
      } else {
        healthy.add(id);
      }
    }
    List<BuildingOutcome> outcomes = new ArrayList<>(failed);
    if (!healthy.isEmpty()) {
      OptimizationBatch rest =
          new OptimizationBatch(
              healthy,
              batch.asOf(),
              batch.modelName(),
              batch.modelAlias(),
              batch.publish(),
              batch.origin());
      outcomes.addAll(
          times.time("batch: optimisation activity", () -> real.optimize(rest)).outcomes());
      if (healthy.stream().anyMatch(id -> !failing.contains(id))) {
        lastHealthyNanos.accumulateAndGet(System.nanoTime(), Math::max);
      }
    }
    return new OptimizationBatchResult(outcomes);
  }
}
