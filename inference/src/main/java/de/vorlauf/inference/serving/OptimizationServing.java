package de.vorlauf.inference.serving;

import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.optimization.BuildingState;
import de.vorlauf.domain.optimization.HeatingCurveOptimizer;
import de.vorlauf.domain.optimization.OptimizationInput;
import de.vorlauf.domain.optimization.OptimizationResult;
import de.vorlauf.domain.optimization.WeatherForecast;
import de.vorlauf.domain.training.HourAggregate;
import de.vorlauf.inference.ModelSessions;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One building's decision from its state: the outdoor forecast, the model's demand prediction
 * ({@link DemandServing}) and the optimiser of its heating type. The one code path behind the
 * worker's hourly run and the WAR's real-time endpoint; reading the state before and storing the
 * result after are the caller's. Thread-safe; {@link #close} releases the model sessions.
 */
public final class OptimizationServing implements AutoCloseable {

  /** Hours of outdoor forecast the optimiser gets. */
  public static final int FORECAST_HOURS = 24;

  /**
   * A decision, and why it was made without a prediction (null when it had one).
   *
   * @param predictionNanos the forecast and the model's prediction took this long
   * @param optimiserNanos the optimiser took this long
   */
  public record Decision(
      OptimizationResult result,
      String predictionMissing,
      long predictionNanos,
      long optimiserNanos) {}

  private final DemandServing demand;
  private final WeatherForecast forecast;
  private final Function<HeatingType, HeatingCurveOptimizer> optimizers;
  private final ModelSessions sessions;

  public OptimizationServing(
      DemandServing demand,
      WeatherForecast forecast,
      Function<HeatingType, HeatingCurveOptimizer> optimizers,
      ModelSessions sessions) {
    this.demand = Objects.requireNonNull(demand, "demand");
    this.forecast = Objects.requireNonNull(forecast, "forecast");
    this.optimizers = Objects.requireNonNull(optimizers, "optimizers");
    this.sessions = sessions;
  }

  /**
   * On the registry's ports ({@code ServingRegistry::served}, {@code ServingRegistry::artifacts})
   * with a session cache of {@code sessions} versions, which {@link #close} releases.
   */
  public static OptimizationServing open(
      DemandServing.Versions versions,
      RegistrySource.Artifacts artifacts,
      int sessions,
      HolidayCalendar holidays,
      WeatherForecast forecast,
      Function<HeatingType, HeatingCurveOptimizer> optimizers) {
    ModelSessions cache = new ModelSessions(new RegistrySource(artifacts), sessions);
    return new OptimizationServing(
        new DemandServing(versions, cache, holidays), forecast, optimizers, cache);
  }

  /** The version {@code alias} names now: resolve once per decision instant. */
  public DemandServing.Model resolve(String model, String alias) {
    return demand.resolve(model, alias);
  }

  /**
   * The decision for {@code state.asOf()}.
   *
   * @param hours the model's view of the same hours, before {@code issuedAt}
   * @param issuedAt the whole hour the prediction is issued at
   * @throws IllegalStateException when the optimiser answers for another building or instant
   */
  public Decision decide(
      BuildingConfig config,
      BuildingState state,
      List<HourAggregate> hours,
      Instant issuedAt,
      DemandServing.Model model) {
    long start = System.nanoTime();
    DemandServing.Outcome predicted = predict(config, hours, issuedAt, model);
    long predictionNanos = System.nanoTime() - start;
    Decision decision = decide(config, state, predicted);
    return new Decision(
        decision.result(),
        decision.predictionMissing(),
        predictionNanos + decision.predictionNanos(),
        decision.optimiserNanos());
  }

  /**
   * The model's prediction for the hour {@code issuedAt} from the {@code hours} before it: the same
   * for every decision made from those hours with that model and configuration.
   */
  public DemandServing.Outcome predict(
      BuildingConfig config,
      List<HourAggregate> hours,
      Instant issuedAt,
      DemandServing.Model model) {
    return demand.predict(config, hours, issuedAt, model);
  }

  /**
   * The decision for {@code state.asOf()} with a prediction made from the state's hours ({@link
   * #predict}); the result's {@code predictionNanos} counts the forecast only.
   *
   * @throws IllegalStateException when the optimiser answers for another building or instant
   */
  public Decision decide(
      BuildingConfig config, BuildingState state, DemandServing.Outcome predicted) {
    long start = System.nanoTime();
    List<Double> outdoor = forecast.outdoorC(config.buildingId(), state, FORECAST_HOURS);
    long forecastAt = System.nanoTime();
    OptimizationResult result =
        optimizers
            .apply(config.heatingType())
            .optimize(new OptimizationInput(config, state, outdoor, predicted.prediction()));
    if (!result.buildingId().equals(config.buildingId())
        || !result.timestamp().equals(state.asOf())) {
      throw new IllegalStateException(
          "the optimiser answered for %s at %s".formatted(result.buildingId(), result.timestamp()));
    }
    return new Decision(
        result, predicted.missing(), forecastAt - start, System.nanoTime() - forecastAt);
  }

  /** The model sessions' cache (resident versions, loads), for metrics. */
  public ModelSessions sessions() {
    return sessions;
  }

  @Override
  public void close() {
    if (sessions != null) {
      sessions.close();
    }
  }
}
