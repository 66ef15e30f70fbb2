package de.vorlauf.webadmin.realtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.features.FeatureRules;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.optimization.BuildingState;
import de.vorlauf.domain.optimization.CurrentState;
import de.vorlauf.domain.optimization.HeatingCurveOptimizer;
import de.vorlauf.domain.optimization.OptimizationResult;
import de.vorlauf.domain.optimization.WeatherForecast;
import de.vorlauf.domain.training.HourAggregate;
import de.vorlauf.inference.serving.DemandServing;
import de.vorlauf.inference.serving.OptimizationServing;
import de.vorlauf.persistence.experiments.ExperimentQueries;
import de.vorlauf.persistence.features.FeaturesNow;
import de.vorlauf.persistence.jdbc.GroupCommit;
import de.vorlauf.persistence.models.ModelCatalog;
import de.vorlauf.persistence.models.ServingRegistry;
import de.vorlauf.persistence.optimization.BuildingStates;
import de.vorlauf.persistence.optimization.NewOptimization;
import de.vorlauf.persistence.optimization.OptimizationBuildings;
import de.vorlauf.persistence.optimization.OptimizationStore;
import de.vorlauf.persistence.optimization.StoredOptimization;
import de.vorlauf.webadmin.common.ConflictException;
import de.vorlauf.webadmin.common.UnknownEntityException;
import de.vorlauf.workflows.portfolio.PortfolioRequest;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * One real-time optimisation: the building's registry entry (read at most {@link #ENTRY_FOR} ago),
 * its state as of the snapshot's timestamp ({@link BuildingStates}, read at most {@link #STATE_FOR}
 * ago for the same hour and feature slot) with the snapshot applied ({@link CurrentState#applyTo}),
 * the version the hourly run's alias names (resolved at most {@link #RESOLVED_FOR} ago), then the
 * hourly run's own code ({@link OptimizationServing}: forecast, prediction, optimiser; the
 * prediction made once per state read, version and configuration, {@link StateEntry}), and the
 * result stored with its prediction under origin {@code realtime}, a fresh request id and the
 * caller, in a transaction shared with the calls that wait at the same time ({@link GroupCommit}).
 * Nothing is sent to the building: the hourly run owns delivery. Thread-safe; {@link #close} writes
 * what waits and releases the sessions.
 */
public final class RealtimeOptimizer implements AutoCloseable {

  /** Model versions whose sessions are kept (champion, challenger and a predecessor). */
  static final int MODEL_SESSIONS = 4;

  /**
   * How long a resolved model version is reused: the hourly run resolves once per batch, a call
   * here would otherwise spend two registry queries on it. An alias moved by a promotion or a
   * rollback is served at most this much later.
   */
  static final Duration RESOLVED_FOR = Duration.ofSeconds(5);

  /**
   * How long a building's registry entry is reused: a deactivation or a configuration change is
   * answered at most this much later (the hourly run reads the registry once per batch).
   */
  static final Duration ENTRY_FOR = Duration.ofSeconds(5);

  /**
   * How long a building's state is reused for calls in the same hour and feature slot: the state
   * holds complete hours only, which change when the nightly ETL runs or a late reading for a past
   * hour arrives, and such a reading is used at most this much later. The state read was 62 % of a
   * call's server time (docs/benchmarks.md); a client asking every few seconds reads it once.
   */
  static final Duration STATE_FOR = Duration.ofSeconds(30);

  /**
   * The most calls stored in one transaction: more than the 64 a client of the benchmark keeps in
   * flight, so that under such a load a call waits for at most one commit before its own.
   */
  static final int STORE_BATCH = 100;

  /**
   * Calls waiting to be stored at most; beyond, a call is refused (503) rather than queued behind a
   * database that does not keep up. WildFly's worker threads bound it far lower in practice.
   */
  static final int STORE_QUEUE = 1_000;

  /** How long a call waits for its commit: twice the pool's wait for a connection. */
  static final Duration STORE_WAIT = Duration.ofSeconds(10);

  /** Registry entries kept (a few hundred bytes each): more than the largest fleet we know of. */
  private static final int CACHED_ENTRIES = 20_000;

  /**
   * States kept, each a week of hours twice (the optimiser's and the model's: 2 × 168 records of
   * about 100 bytes, an estimate, not measured): about 35 MB of WildFly's 512 MB heap at most;
   * beyond this many buildings asking within {@link #STATE_FOR}, the least recently used are read
   * again.
   */
  private static final int CACHED_STATES = 1_000;

  /**
   * A state read and the last prediction made from its hours: the model's view of a building for an
   * hour does not change with the snapshot (that goes to the optimiser only), so every call in the
   * hour and slot gets the same prediction from the same model version and configuration, and it is
   * made once instead of once per call (the features and the ONNX run).
   */
  static final class StateEntry {
    final BuildingStates.Read read;
    private volatile Prediction last;

    StateEntry(BuildingStates.Read read) {
      this.read = read;
    }

    /** The last prediction if it was made for this model version and configuration, else anew. */
    DemandServing.Outcome prediction(
        Predictor predictor, BuildingConfig config, DemandServing.Model model) {
      Prediction known = last;
      if (known != null && known.model().equals(model) && known.config().equals(config)) {
        return known.outcome();
      }
      DemandServing.Outcome outcome =
          predictor.predict(config, read.hours(), read.issuedAt(), model);
      last = new Prediction(model, config, outcome);
      return outcome;
    }
  }

  /** {@link OptimizationServing#predict}. */
  @FunctionalInterface
  interface Predictor {
    DemandServing.Outcome predict(
        BuildingConfig config,
        List<HourAggregate> hours,
        Instant issuedAt,
        DemandServing.Model model);
  }

  private record Prediction(
      DemandServing.Model model, BuildingConfig config, DemandServing.Outcome outcome) {}

  /** What a state read depends on besides the readings: the hour and the newest settled slot. */
  private record StateKey(String buildingId, Instant hour, Instant slot) {
    static StateKey of(String buildingId, Instant asOf) {
      return new StateKey(
          buildingId,
          Instant.ofEpochSecond(Math.floorDiv(asOf.getEpochSecond(), 3600) * 3600),
          FeatureRules.slotStart(asOf));
    }
  }

  /**
   * Where one call's time went, in nanoseconds.
   *
   * @param registryNanos the registry entry and the model version
   * @param stateNanos the platform's state
   * @param predictionNanos the forecast and the model's prediction (made, or reused for the hour)
   * @param optimiserNanos the optimiser
   * @param storeNanos storing result and prediction
   */
  public record Phases(
      long registryNanos,
      long stateNanos,
      long predictionNanos,
      long optimiserNanos,
      long storeNanos) {}

  /** A call's answer as stored, with why no prediction was made (null when one was). */
  public record Answer(
      StoredOptimization stored, String requestId, String predictionMissing, Phases phases) {}

  private final OptimizationBuildings buildings;
  private final BuildingStates states;
  private final OptimizationServing serving;
  private final GroupCommit<NewOptimization, StoredOptimization> calls;
  private final Cache<String, OptimizationBuildings.Entry> entries =
      Caffeine.newBuilder()
          .expireAfterWrite(ENTRY_FOR)
          .maximumSize(CACHED_ENTRIES)
          .recordStats()
          .build();
  private final Cache<StateKey, StateEntry> stateReads =
      Caffeine.newBuilder()
          .expireAfterWrite(STATE_FOR)
          .maximumSize(CACHED_STATES)
          .recordStats()
          .build();
  // one entry: the hourly run's model and alias
  private final Cache<String, DemandServing.Model> resolved =
      Caffeine.newBuilder().expireAfterWrite(RESOLVED_FOR).build();

  RealtimeOptimizer(
      OptimizationBuildings buildings,
      BuildingStates states,
      OptimizationServing serving,
      GroupCommit<NewOptimization, StoredOptimization> calls) {
    this.buildings = Objects.requireNonNull(buildings, "buildings");
    this.states = Objects.requireNonNull(states, "states");
    this.serving = Objects.requireNonNull(serving, "serving");
    this.calls = Objects.requireNonNull(calls, "calls");
  }

  /**
   * On a database, with the worker's choices: {@code Optimizers::forType}, {@code new
   * PersistenceForecast()}, the ETL's holiday calendar and the results' retention.
   *
   * @param threads makes the thread that stores the calls (in WildFly, its managed thread factory)
   * @param meters gets the store's and the caches' meters (docs/metrics.md)
   */
  public static RealtimeOptimizer create(
      DataSource dataSource,
      HolidayCalendar holidays,
      Duration retention,
      WeatherForecast forecast,
      Function<HeatingType, HeatingCurveOptimizer> optimizers,
      ThreadFactory threads,
      MeterRegistry meters) {
    DistributionSummary storeBatches =
        DistributionSummary.builder("vorlauf.realtime.store.batch")
            .description("calls stored in one transaction")
            .baseUnit("calls")
            .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64)
            .register(meters);
    ServingRegistry registry =
        new ServingRegistry(
            new ModelCatalog(dataSource), new ExperimentQueries(dataSource, Clock.systemUTC()));
    RealtimeOptimizer optimizer =
        new RealtimeOptimizer(
            new OptimizationBuildings(dataSource),
            new BuildingStates(
                dataSource, new FeaturesNow(dataSource, new FeatureCalculator(holidays))),
            OptimizationServing.open(
                registry::served,
                registry::artifacts,
                MODEL_SESSIONS,
                holidays,
                forecast,
                optimizers),
            new GroupCommit<>(
                "vorlauf-realtime-store",
                STORE_BATCH,
                STORE_QUEUE,
                STORE_WAIT,
                threads,
                storeBatches::record,
                new OptimizationStore(dataSource, retention).callWriter()));
    optimizer.monitor(meters);
    return optimizer;
  }

  /**
   * @param caller the authenticated principal, stored with the result
   * @throws UnknownEntityException for a building the registry does not know
   * @throws ConflictException for an inactive building or one without a valid configuration
   */
  public Answer optimize(String buildingId, CurrentState current, String caller)
      throws SQLException {
    long start = System.nanoTime();
    OptimizationBuildings.Entry entry = entry(buildingId);
    if (entry == null) {
      throw new UnknownEntityException("building", buildingId);
    }
    if (!entry.active()) {
      throw new ConflictException(
          "Building inactive",
          "Building '" + buildingId + "' is inactive: it is not optimised until it is activated.");
    }
    if (entry.config() == null) {
      throw new ConflictException(
          "No valid configuration",
          "Building '"
              + buildingId
              + "' has no valid heating configuration ("
              + entry.problem()
              + "): correct it in the registry.");
    }
    DemandServing.Model model = model();
    long resolved = System.nanoTime();
    StateEntry stateEntry = stateEntry(buildingId, current.timestamp());
    BuildingStates.Read read = stateEntry.read;
    BuildingState state = current.applyTo(asOf(read.state(), current.timestamp()));
    long stated = System.nanoTime();
    DemandServing.Outcome predicted =
        stateEntry.prediction(serving::predict, entry.config(), model);
    long predictedAt = System.nanoTime();
    OptimizationServing.Decision decision = serving.decide(entry.config(), state, predicted);
    long decided = System.nanoTime();
    String requestId = UUID.randomUUID().toString();
    OptimizationResult result = decision.result();
    StoredOptimization stored =
        calls.submit(
            new NewOptimization(
                NewOptimization.REALTIME,
                result,
                read.issuedAt(),
                read.issuedAt(),
                decision.predictionMissing(),
                requestId,
                caller));
    long end = System.nanoTime();
    return new Answer(
        stored,
        requestId,
        decision.predictionMissing(),
        new Phases(
            resolved - start,
            stated - resolved,
            predictedAt - stated + decision.predictionNanos(),
            decision.optimiserNanos(),
            end - decided));
  }

  /**
   * The caches' hits, misses and loads ({@code cache_*{cache="realtime-…"}}) and the calls waiting
   * for the store ({@code vorlauf_realtime_store_queued_calls}); docs/metrics.md.
   */
  private void monitor(MeterRegistry registry) {
    CaffeineCacheMetrics.monitor(registry, entries, "realtime-registry-entries");
    CaffeineCacheMetrics.monitor(registry, stateReads, "realtime-states");
    Gauge.builder("vorlauf.realtime.store.queued", calls, GroupCommit::queued)
        .description("calls waiting for the store's next transaction")
        .baseUnit("calls")
        .register(registry);
  }

  /** The registry's entry, null for a building it does not know (not cached: no such building). */
  private OptimizationBuildings.Entry entry(String buildingId) throws SQLException {
    return load(entries, buildingId, () -> buildings.entries(List.of(buildingId)).get(buildingId));
  }

  /**
   * The platform's state for the hour and slot of {@code asOf}: a read at most {@link #STATE_FOR}
   * old, made as of the instant of the call that missed.
   */
  private StateEntry stateEntry(String buildingId, Instant asOf) throws SQLException {
    return load(
        stateReads,
        StateKey.of(buildingId, asOf),
        () -> new StateEntry(states.read(buildingId, asOf)));
  }

  /** The state moved to the call's instant (the same hours: a read serves its hour and slot). */
  private static BuildingState asOf(BuildingState state, Instant asOf) {
    return state.asOf().equals(asOf) ? state : new BuildingState(asOf, state.history());
  }

  /** A read that may fail. */
  @FunctionalInterface
  private interface Read<V> {
    V get() throws SQLException;
  }

  /** Carries a read's failure out of the cache's loader. */
  private static final class ReadFailed extends RuntimeException {
    ReadFailed(SQLException cause) {
      super(cause);
    }
  }

  /**
   * The cached value, or the read's, made once per key: the calls that miss at the same time wait
   * for that one read instead of each making its own (under load, every call for a building that
   * arrived while its expired state was being read read it again; docs/benchmarks.md). A null read
   * is not cached.
   */
  private static <K, V> V load(Cache<K, V> cache, K key, Read<V> read) throws SQLException {
    try {
      return cache.get(
          key,
          k -> {
            try {
              return read.get();
            } catch (SQLException e) {
              throw new ReadFailed(e);
            }
          });
    } catch (ReadFailed e) {
      throw (SQLException) e.getCause();
    }
  }

  /** The hourly run's model and alias, resolved at most {@link #RESOLVED_FOR} ago. */
  private DemandServing.Model model() {
    return resolved.get(
        PortfolioRequest.DEFAULT_MODEL + "/" + PortfolioRequest.DEFAULT_ALIAS,
        key -> serving.resolve(PortfolioRequest.DEFAULT_MODEL, PortfolioRequest.DEFAULT_ALIAS));
  }

  @Override
  public void close() {
    try {
      calls.close();
    } finally {
      serving.close();
    }
  }
}
