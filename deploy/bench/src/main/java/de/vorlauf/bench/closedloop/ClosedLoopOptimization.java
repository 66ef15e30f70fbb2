package de.vorlauf.bench.closedloop;

import de.vorlauf.activities.optimization.MqttSetpointPublisher;
import de.vorlauf.activities.optimization.OptimizationActivitiesImpl;
import de.vorlauf.activities.optimization.OptimizationListener;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.domain.optimization.Optimizers;
import de.vorlauf.domain.optimization.PersistenceForecast;
import de.vorlauf.workflows.optimization.BuildingOutcome;
import de.vorlauf.workflows.optimization.OptimizationActivities;
import de.vorlauf.workflows.optimization.OptimizationBatch;
import de.vorlauf.workflows.optimization.OptimizationBatchResult;
import java.time.Duration;
import java.util.Optional;

/** The optimisations the harness can run, chosen by its {@code optimizer=} option. */
public final class ClosedLoopOptimization {

  private ClosedLoopOptimization() {}

  /**
   * The platform's optimisation ({@code optimizer=platform}, the default): {@code
   * OptimizationActivitiesImpl} built as the worker builds it, on the harness's database, with its
   * setpoint publisher on the harness's (anonymous) broker, the optimiser per heating type, and the
   * scenario's forecast (the platform's {@link PersistenceForecast} unless {@code forecast=noisy}).
   * This is the one place the closed loop's optimisation is chosen.
   */
  public static Optional<OptimizationFactory> platform() {
    return Optional.of(PlatformOptimization::new);
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
        ? "the platform's (OptimizationActivitiesImpl, Optimizers.forType)"
        : "none: every building ran its own curve (the Vorlauf run must equal the baseline)";
  }

  /** The activity and the publisher it owns, closed together with the harness's platform. */
  private static final class PlatformOptimization implements OptimizationActivities, AutoCloseable {

    private final MqttSetpointPublisher publisher;
    private final OptimizationActivitiesImpl activities;

    PlatformOptimization(OptimizationFactory.Platform platform) {
      publisher =
          new MqttSetpointPublisher(
              new MqttSetpointPublisher.Settings(
                  platform.mqttUrl(), null, null, Duration.ofSeconds(10)));
      activities =
          OptimizationActivitiesImpl.create(
              platform.dataSource(),
              new OptimizationActivitiesImpl.Settings(
                  HolidayCalendar.germany(), Duration.ofDays(400)),
              Optimizers::forType,
              platform.forecast() == null ? new PersistenceForecast() : platform.forecast(),
              publisher,
              OptimizationListener.NONE,
              platform.clock());
    }

    @Override
    public OptimizationBatchResult optimize(OptimizationBatch batch) {
      return activities.optimize(batch);
    }

    @Override
    public void close() throws Exception {
      activities.close();
      publisher.close();
    }
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
                          null,
                          false))
              .toList());
    }
  }
}
