package de.vorlauf.bench.closedloop;

import de.vorlauf.domain.models.Alias;
import de.vorlauf.domain.models.Authority;
import de.vorlauf.persistence.models.ChangeRequest;
import de.vorlauf.simulator.runtime.EnergyReport;
import de.vorlauf.simulator.runtime.FleetLayout;
import de.vorlauf.simulator.runtime.GatewayMode;
import de.vorlauf.simulator.runtime.OfflineFleet;
import de.vorlauf.simulator.runtime.Simulator;
import de.vorlauf.simulator.runtime.SimulatorSettings;
import de.vorlauf.workflows.etl.EtlBatch;
import de.vorlauf.workflows.etl.EtlBatchResult;
import de.vorlauf.workflows.etl.EtlMode;
import de.vorlauf.workflows.optimization.BuildingOutcome;
import de.vorlauf.workflows.optimization.OptimizationBatch;
import de.vorlauf.workflows.optimization.OptimizationBatchResult;
import de.vorlauf.workflows.training.RegisteredVersion;
import de.vorlauf.workflows.training.TrainingJob;
import de.vorlauf.workflows.training.TrainingOutcome;
import de.vorlauf.workflows.training.TrainingRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One closed-loop run: history in baseline operation through the platform's real path (MQTT
 * ingestion, the ETL activity, training and registration of a heat-demand model, the champion
 * alias), then the period hour by hour with the optimisation activity publishing setpoints the
 * simulated devices apply and acknowledge, and the baseline twin (same buildings, seed, weather and
 * start, their own curves) stepped in-process beside it.
 */
final class ClosedLoopRun {

  static final String ID_PREFIX = "cl";
  private static final Logger log = LoggerFactory.getLogger(ClosedLoopRun.class);
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final int ETL_BATCH = 10;

  private final ClosedLoopConfig config;
  private final ClosedLoopPlatform.Services services;
  private final OptimizationFactory optimizer;
  private final String optimizerLabel;
  private final StageTimes times = new StageTimes();

  ClosedLoopRun(
      ClosedLoopConfig config,
      ClosedLoopPlatform.Services services,
      OptimizationFactory optimizer,
      String optimizerLabel) {
    this.config = config;
    this.services = services;
    this.optimizer = optimizer;
    this.optimizerLabel = optimizerLabel;
  }

  /** The simulated fleet of {@code config}: no faults, no gateways, no cloud, no backfill. */
  static SimulatorSettings settings(ClosedLoopConfig config, String mqttUrl) {
    return SimulatorSettings.defaults(config.stateDir().resolve("simulator"), mqttUrl)
        .withIdPrefix(ID_PREFIX)
        .withBuildings(config.buildings())
        .withSeed(config.seed())
        .withBackfill(Duration.ZERO)
        .withGateways(GatewayMode.OFF, 100)
        .withFaults("none")
        .withoutCloud()
        .withThreads(2, 1_000)
        .withSeasonOffsetDays(config.seasonOffsetDays());
  }

  ClosedLoopResult run() throws Exception {
    SimulatedClock clock = new SimulatedClock(config.historyStart());
    SimulatorSettings settings = settings(config, services.mqttUrl());
    FleetLayout layout = FleetLayout.plan(settings);
    List<String> ids = layout.members().stream().map(m -> m.spec().buildingId()).toList();
    try (ClosedLoopPlatform platform =
        times.time(
            "setup",
            () ->
                new ClosedLoopPlatform(
                    services,
                    optimizer,
                    clock,
                    config.forecast().equals("noisy")
                        ? new NoisyForecast(settings.weather(), config.seed())
                        : null))) {
      times.time(
          "setup",
          () -> {
            FleetRegistry.register(platform.dataSource, layout);
            await("ingestion subscribed", platform::subscribed);
          });
      Simulator simulator = times.time("setup", () -> Simulator.startDriven(settings, null, clock));
      try {
        if (!simulator.awaitLive(PATIENCE)) {
          throw new IllegalStateException("the simulated devices did not connect");
        }
        OfflineFleet baseline = simulator.baselineTwin();
        history(platform, simulator, clock, ids, settings.zone());
        RegisteredVersion model =
            times.time("training", () -> train(platform, ids, settings.zone()));
        return period(platform, simulator, baseline, clock, ids, settings.zone(), model);
      } finally {
        simulator.close();
      }
    }
  }

  /** Baseline operation before the period, published and ingested, then the ETL's backfill. */
  private void history(
      ClosedLoopPlatform platform,
      Simulator simulator,
      SimulatedClock clock,
      List<String> ids,
      ZoneId zone)
      throws Exception {
    for (Instant t = config.historyStart().plus(HOUR);
        !t.isAfter(config.periodStart());
        t = t.plus(HOUR)) {
      advance("history", platform, simulator, clock, t);
    }
    LocalDate first = LocalDate.ofInstant(config.historyStart(), zone);
    LocalDate last = LocalDate.ofInstant(config.periodStart(), zone).minusDays(1);
    times.time("history ETL", () -> etl(platform, ids, first, last, config.periodStart()));
    log.info(
        "history: {} buildings from {} to {}, {} feature rows",
        ids.size(),
        first,
        last,
        featureRows(platform));
  }

  /** The training activity on the history's features, registered and made champion. */
  private RegisteredVersion train(ClosedLoopPlatform platform, List<String> ids, ZoneId zone)
      throws SQLException {
    TrainingJob job =
        new TrainingRequest(
                config.trainingStart(zone),
                config.trainingEnd(zone),
                null,
                ids,
                1,
                List.of(32, 32),
                config.epochs(),
                null,
                config.seed(),
                "closed-loop")
            .resolve(
                "closed-loop-" + config.periodStart().getEpochSecond(),
                "closed-loop",
                config.periodStart());
    TrainingOutcome outcome = platform.training.train(job);
    RegisteredVersion version = platform.training.register(job, outcome);
    platform.registry.setAlias(
        ClosedLoopConfig.MODEL,
        Alias.CHAMPION,
        version.version(),
        Authority.MANUAL_BEFORE_PROMOTION,
        new ChangeRequest(
            "closed-loop",
            "the harness's model for its period",
            Map.of("modelRmseKw", outcome.modelRmseKw())));
    log.info(
        "trained {} v{}: RMSE {} kW (degree hours {} kW)",
        version.model(),
        version.version(),
        outcome.modelRmseKw(),
        outcome.degreeHoursRmseKw());
    return version;
  }

  private ClosedLoopResult period(
      ClosedLoopPlatform platform,
      Simulator simulator,
      OfflineFleet baseline,
      SimulatedClock clock,
      List<String> ids,
      ZoneId zone,
      RegisteredVersion model)
      throws Exception {
    Instant start = config.periodStart();
    simulator.resetReport();
    baseline.advanceTo(start);
    baseline.resetReport();
    Map<String, Integer> optimised = new TreeMap<>();
    Map<BuildingOutcome.Status, Integer> statuses = new TreeMap<>();
    Map<String, Integer> reasons = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long published = 0;
    long hours = 0;
    long started = System.nanoTime();
    for (Instant t = start; t.isBefore(config.end()); t = t.plus(HOUR)) {
      if (t.atZone(zone).getHour() == 0) {
        LocalDate day = LocalDate.ofInstant(t, zone).minusDays(1);
        Instant asOf = t;
        times.time("period ETL", () -> etl(platform, ids, day, day, asOf));
      }
      long[] before = simulator.setpointCounts();
      OptimizationBatch batch =
          new OptimizationBatch(
              ids, t, ClosedLoopConfig.MODEL, ClosedLoopConfig.ALIAS, true, "closed-loop");
      OptimizationBatchResult result =
          times.time("period optimisation", () -> platform.optimization.optimize(batch));
      long commands = result.outcomes().stream().filter(o -> o.commandId() != null).count();
      for (BuildingOutcome o : result.outcomes()) {
        optimised.merge(o.buildingId(), 1, Integer::sum);
        statuses.merge(o.status(), 1, Integer::sum);
        if (o.reason() != null) {
          reasons.merge(o.status() + " " + reasonKind(o.reason()), 1, Integer::sum);
        }
        if (o.status() == BuildingOutcome.Status.FAILED && failures.size() < 20) {
          failures.add(t + " " + o.buildingId() + ": " + o.reason());
        }
      }
      published += commands;
      times.time(
          "period setpoint acks",
          () ->
              await(
                  "acks of " + commands + " setpoints",
                  () -> answered(simulator) - (before[0] + before[1]) >= commands));
      advance("period", platform, simulator, clock, t.plus(HOUR));
      hours++;
    }
    double periodSeconds = (System.nanoTime() - started) / 1e9;
    EnergyReport vorlauf = simulator.report();
    times.time("baseline", () -> baseline.advanceTo(config.end()));
    EnergyReport curve = baseline.report();
    long[] answers = simulator.setpointCounts();
    return new ClosedLoopResult(
        config,
        model,
        optimizerLabel,
        curve,
        vorlauf,
        hours,
        optimised,
        statuses,
        reasons,
        failures,
        published,
        answers[0],
        answers[1],
        periodSeconds,
        times.seconds());
  }

  /** A reason without its particulars (numbers, ids), so that like reasons count together. */
  static String reasonKind(String reason) {
    int cut = reason.length();
    for (char c : new char[] {':', '(', ','}) {
      int at = reason.indexOf(c);
      if (at > 0 && at < cut) {
        cut = at;
      }
    }
    return reason.substring(0, Math.min(cut, 80)).strip();
  }

  private static long answered(Simulator simulator) {
    long[] counts = simulator.setpointCounts();
    return counts[0] + counts[1];
  }

  /** Simulated time to {@code t}: every building stepped, published, and stored by ingestion. */
  private void advance(
      String phase,
      ClosedLoopPlatform platform,
      Simulator simulator,
      SimulatedClock clock,
      Instant t)
      throws Exception {
    clock.set(t);
    times.time(phase + " simulator", () -> simulator.advanceTo(t));
    int devices = config.buildings();
    times.time(
        phase + " ingestion wait",
        () -> await("readings at " + t, () -> devicesStoredAt(platform, t) >= devices));
  }

  /** Devices with a reading stored at minute {@code t}: the newest minute each one published. */
  private static long devicesStoredAt(ClosedLoopPlatform platform, Instant t) throws SQLException {
    try (Connection c = platform.dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                """
                SELECT count(DISTINCT device_id) FROM sensor_readings
                 WHERE time = ? AND device_id LIKE ?
                """)) {
      s.setTimestamp(1, Timestamp.from(t));
      s.setString(2, ID_PREFIX + "-%");
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static long featureRows(ClosedLoopPlatform platform) throws SQLException {
    try (Connection c = platform.dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM building_features");
        ResultSet rows = s.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** The ETL activity over the local days {@code from..to}, a few buildings per batch. */
  private void etl(
      ClosedLoopPlatform platform, List<String> ids, LocalDate from, LocalDate to, Instant asOf) {
    long failed = 0;
    for (int i = 0; i < ids.size(); i += ETL_BATCH) {
      EtlBatchResult result =
          platform.etl.processBatch(
              new EtlBatch(
                  "closed-loop-" + from + "-" + to,
                  EtlMode.BACKFILL,
                  ids.subList(i, Math.min(ids.size(), i + ETL_BATCH)),
                  from,
                  to,
                  asOf));
      failed += result.failed();
    }
    if (failed > 0) {
      log.warn("ETL {}..{}: {} building-days failed", from, to, failed);
    }
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  /** Polls {@code condition} until it holds; fails after {@link #PATIENCE}. */
  static void await(String what, Condition condition) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("waited " + PATIENCE + " for " + what);
      }
      Thread.sleep(5);
    }
  }
}
