package de.vorlauf.bench.closedloop;

import de.vorlauf.workflows.optimization.BuildingOutcome;
import de.vorlauf.workflows.optimization.OptimizationActivities;
import de.vorlauf.workflows.optimization.OptimizationBatch;
import de.vorlauf.workflows.optimization.OptimizationBatchResult;
import java.util.Optional;

/** The optimisations the harness can run, chosen by its {@code optimizer=} option. */
public final class ClosedLoopOptimization {

  private ClosedLoopOptimization() {}

  /**
   * The platform's optimisation ({@code optimizer=platform}, the default). THE ONE PLACE where
   * {@code OptimizationActivitiesImpl} is plugged in: return a factory that builds it from the
   * {@link OptimizationFactory.Platform} (database, broker URL, simulated clock, forecast), as the
   * worker does: {@code OptimizationActivitiesImpl.create(p.dataSource(), new
   * OptimizationActivitiesImpl.Settings(HolidayCalendar.germany(), Duration.ofDays(90)),
   * Optimizers::forType, p.forecast() == null ? new PersistenceForecast() : p.forecast(), new
   * MqttSetpointPublisher(new MqttSetpointPublisher.Settings(p.mqttUrl(), null, null,
   * Duration.ofSeconds(10))), OptimizationListener.NONE, p.clock())} (the broker is anonymous; an
   * activity that is {@link AutoCloseable} is closed with the platform). Empty while it is not part
   * of the build: the harness then runs {@link #curveOnly()} and says so in its report.
   */
  public static Optional<OptimizationFactory> platform() {
    return Optional.empty();
  }

  /**
   * No optimiser ({@code optimizer=none}): every building is skipped, nothing is published, and the
   * buildings run their own curves; the Vorlauf run then equals the baseline to the last digit,
   * which checks the harness itself.
   */
  public static OptimizationFactory curveOnly() {
    return platform -> new CurveOnly();
  }

  /** The factory {@code optimizer} names; {@code platform} falls back to the curve when absent. */
  public static OptimizationFactory named(String optimizer) {
    return optimizer.equals("platform") ? platform().orElse(curveOnly()) : curveOnly();
  }

  /** What {@link #named} runs for {@code optimizer}, in the report's words. */
  public static String describe(String optimizer) {
    return optimizer.equals("platform") && platform().isPresent()
        ? "the platform's OptimizationActivitiesImpl"
        : "none: every building ran its own curve (the Vorlauf run must equal the baseline)";
  }

  private static final class CurveOnly implements OptimizationActivities {
    @Override
    public OptimizationBatchResult optimize(OptimizationBatch batch) {
      return new OptimizationBatchResult(
          batch.buildingIds().stream()
              .map(
                  id ->
                      new BuildingOutcome(
                          id,
                          BuildingOutcome.Status.SKIPPED,
                          "no optimiser: the building runs its own curve",
                          Double.NaN,
                          Double.NaN,
                          0,
                          0,
                          0,
                          null))
              .toList());
    }
  }
}
