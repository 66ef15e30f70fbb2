package de.vorlauf.activities.optimization;

import de.vorlauf.activities.delivery.DeliveryListener;
import de.vorlauf.activities.delivery.SetpointDelivery;
import de.vorlauf.activities.etl.RetentionStep;
import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.optimization.HeatingCurveOptimizer;
import de.vorlauf.domain.optimization.WeatherForecast;
import de.vorlauf.inference.serving.DemandServing;
import de.vorlauf.inference.serving.OptimizationServing;
import de.vorlauf.persistence.delivery.SetpointDeliveryStore;
import de.vorlauf.persistence.experiments.ExperimentQueries;
import de.vorlauf.persistence.features.FeaturesNow;
import de.vorlauf.persistence.models.ModelCatalog;
import de.vorlauf.persistence.models.ServingRegistry;
import de.vorlauf.persistence.optimization.BuildingStates;
import de.vorlauf.persistence.optimization.NewOptimization;
import de.vorlauf.persistence.optimization.OptimizationBuildings;
import de.vorlauf.persistence.optimization.OptimizationStore;
import de.vorlauf.persistence.optimization.StoredOptimization;
import de.vorlauf.workflows.optimization.BuildingOutcome;
import de.vorlauf.workflows.optimization.BuildingOutcome.Status;
import de.vorlauf.workflows.optimization.OptimizationActivities;
import de.vorlauf.workflows.optimization.OptimizationBatch;
import de.vorlauf.workflows.optimization.OptimizationBatchResult;
import io.temporal.failure.ApplicationFailure;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optimisation of a batch of buildings at one instant: per building its registry entry, its
 * state as of the instant ({@link BuildingStates}), the forecast port, the model's prediction and
 * the optimiser of its heating type ({@link OptimizationServing}, the code the WAR's real-time
 * endpoint runs too), the store and the setpoint command, handed to the tracked {@link
 * SetpointDelivery} (queued, sent once at once, then resent by the worker's dispatcher until the
 * device acknowledges it or it expires). A building's failure is its outcome, never the batch's; a
 * building already stored for {@code (building, asOf, origin)} is answered from the store (and
 * published if it was not yet).
 *
 * <p><b>In-process use</b> (the closed-loop harness): {@link #create} builds one on a database —
 * the forecast port and the publisher are the caller's (e.g. {@code new PersistenceForecast()} and
 * an {@link MqttSetpointPublisher} on the simulator's broker, or {@link SetpointPublisher#NONE}
 * with {@code publish = false}) — and {@code optimize(batch)} is then called once per simulated
 * hour with origin {@code closed-loop}. Nothing here reads the wall clock for the optimisation: the
 * batch's {@code asOf} is "now". {@link #close} releases the model sessions it opened; the
 * publisher stays the caller's to close.
 */
public final class OptimizationActivitiesImpl implements OptimizationActivities, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OptimizationActivitiesImpl.class);

  /** Model versions whose sessions are kept (champion, challenger and a predecessor). */
  private static final int MODEL_SESSIONS = 4;

  /**
   * What the worker configures.
   *
   * @param holidays the ETL's holiday calendar (the model's off-day input)
   * @param retention results and predictions kept this long
   */
  public record Settings(HolidayCalendar holidays, Duration retention) {
    public Settings {
      Objects.requireNonNull(holidays, "holidays");
      Objects.requireNonNull(retention, "retention");
    }
  }

  private final OptimizationBuildings buildings;
  private final BuildingStates states;
  private final OptimizationStore store;
  private final OptimizationServing serving;
  private final SetpointDelivery delivery;
  private final OptimizationListener listener;
  private final Clock clock;
  private final AutoCloseable owned;

  OptimizationActivitiesImpl(
      OptimizationBuildings buildings,
      BuildingStates states,
      OptimizationStore store,
      OptimizationServing serving,
      SetpointDelivery delivery,
      OptimizationListener listener,
      Clock clock,
      AutoCloseable owned) {
    this.buildings = Objects.requireNonNull(buildings, "buildings");
    this.states = Objects.requireNonNull(states, "states");
    this.store = Objects.requireNonNull(store, "store");
    this.serving = Objects.requireNonNull(serving, "serving");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.owned = owned;
  }

  /**
   * The activities on a database with tracked delivery through {@code publisher} and no dispatcher
   * (the closed-loop harness: every command is queued and sent once, never resent).
   *
   * @param optimizers the optimiser per heating type ({@code Optimizers::forType})
   * @param clock only for the time a command was queued and sent; never the optimisation's "now"
   */
  public static OptimizationActivitiesImpl create(
      DataSource dataSource,
      Settings settings,
      Function<HeatingType, HeatingCurveOptimizer> optimizers,
      WeatherForecast forecast,
      SetpointPublisher publisher,
      OptimizationListener listener,
      Clock clock) {
    SetpointDelivery delivery =
        new SetpointDelivery(
            new SetpointDeliveryStore(dataSource, settings.retention()),
            publisher,
            Duration.ofMinutes(1),
            clock,
            DeliveryListener.NONE);
    return create(dataSource, settings, optimizers, forecast, delivery, listener, clock);
  }

  /**
   * The activities on a database: registry, features, model registry and store all there; setpoints
   * go through {@code delivery} (the worker's, whose dispatcher resends them).
   *
   * @param optimizers the optimiser per heating type ({@code Optimizers::forType})
   * @param clock only for the time a command was published; never the optimisation's "now"
   */
  public static OptimizationActivitiesImpl create(
      DataSource dataSource,
      Settings settings,
      Function<HeatingType, HeatingCurveOptimizer> optimizers,
      WeatherForecast forecast,
      SetpointDelivery delivery,
      OptimizationListener listener,
      Clock clock) {
    ServingRegistry registry =
        new ServingRegistry(
            new ModelCatalog(dataSource), new ExperimentQueries(dataSource, Clock.systemUTC()));
    OptimizationServing serving =
        OptimizationServing.open(
            registry::served,
            registry::artifacts,
            MODEL_SESSIONS,
            settings.holidays(),
            forecast,
            optimizers);
    return new OptimizationActivitiesImpl(
        new OptimizationBuildings(dataSource),
        new BuildingStates(
            dataSource, new FeaturesNow(dataSource, new FeatureCalculator(settings.holidays()))),
        new OptimizationStore(dataSource, settings.retention()),
        serving,
        delivery,
        listener,
        clock,
        serving);
  }

  /** Results and predictions past their retention, aged out by the nightly run's retention step. */
  public RetentionStep retention() {
    return new RetentionStep() {
      @Override
      public String name() {
        return "optimisation results";
      }

      @Override
      public void apply(Instant asOf) throws SQLException {
        store.applyRetention(asOf);
      }
    };
  }

  @Override
  public OptimizationBatchResult optimize(OptimizationBatch batch) {
    Map<String, OptimizationBuildings.Entry> entries;
    try {
      entries = buildings.entries(batch.buildingIds());
    } catch (SQLException e) {
      // nothing was done yet: the whole batch is worth the retry
      throw ApplicationFailure.newFailureWithCause("database: " + e.getMessage(), "Database", e);
    }
    // one decision instant, one version: an alias moved mid-batch must not split the batch
    DemandServing.Model model = serving.resolve(batch.modelName(), batch.modelAlias());
    List<BuildingOutcome> outcomes = new ArrayList<>(batch.buildingIds().size());
    for (String id : batch.buildingIds()) {
      long start = System.nanoTime();
      BuildingOutcome outcome = building(batch, model, id, entries.get(id));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      String fallback = outcome.status() == Status.FALLBACK ? fallbackOf(outcome.reason()) : null;
      listener.building(outcome.status(), fallback, took);
      outcomes.add(outcome);
    }
    return new OptimizationBatchResult(outcomes);
  }

  private BuildingOutcome building(
      OptimizationBatch batch,
      DemandServing.Model model,
      String id,
      OptimizationBuildings.Entry entry) {
    if (entry == null) {
      return Outcomes.skipped(id, "not in the registry");
    }
    if (!entry.active()) {
      return Outcomes.skipped(id, "inactive");
    }
    if (entry.config() == null) {
      // only an operator's change repairs it: the portfolio run does not retry it
      return Outcomes.invalid(id, entry.problem());
    }
    try {
      StoredOptimization stored = store.find(id, batch.asOf(), batch.origin()).orElse(null);
      if (stored == null) {
        stored = optimizeAndStore(batch, model, entry);
      }
      return publishIfAsked(batch, entry, stored);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.warn("optimisation of {} at {} failed: {}", id, batch.asOf(), e.toString());
      return Outcomes.failed(id, e.toString());
    }
  }

  private StoredOptimization optimizeAndStore(
      OptimizationBatch batch, DemandServing.Model model, OptimizationBuildings.Entry entry)
      throws SQLException {
    BuildingStates.Read read = states.read(entry.buildingId(), batch.asOf());
    OptimizationServing.Decision decision =
        serving.decide(entry.config(), read.state(), read.hours(), read.issuedAt(), model);
    return store
        .store(
            new NewOptimization(
                batch.origin(),
                decision.result(),
                read.issuedAt(),
                read.issuedAt(),
                decision.predictionMissing()))
        .optimization();
  }

  private BuildingOutcome publishIfAsked(
      OptimizationBatch batch, OptimizationBuildings.Entry entry, StoredOptimization stored)
      throws Exception {
    if (!batch.publish() || stored.published() || stored.result().isFallback()) {
      // a fallback is the building's own curve, which its controller runs by itself once the
      // last setpoint expires: sending the curve's value for the hour would replace the curve's
      // minute-by-minute response to the outdoor temperature with a constant
      return Outcomes.of(stored, stored.commandId());
    }
    if (entry.deviceId() == null) {
      return Outcomes.failed(
          entry.buildingId(), "no active device to send the setpoint to (the result is stored)");
    }
    String commandId = SetpointCommands.commandId(entry.buildingId(), batch.asOf(), batch.origin());
    // queued and sent once here; from now on the delivery tracks it until the device answers
    delivery.deliver(
        SetpointCommands.command(commandId, entry.deviceId(), batch.origin(), stored.result()));
    store.markPublished(
        entry.buildingId(), batch.asOf(), batch.origin(), commandId, clock.instant());
    return Outcomes.of(stored, commandId);
  }

  private static String fallbackOf(String reason) {
    int colon = reason == null ? -1 : reason.indexOf(':');
    return colon < 0 ? reason : reason.substring(0, colon);
  }

  @Override
  public void close() {
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        log.warn("closing the model sessions failed: {}", e.toString());
      }
    }
  }
}
