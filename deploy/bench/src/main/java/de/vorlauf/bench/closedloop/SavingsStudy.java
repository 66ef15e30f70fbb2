package de.vorlauf.bench.closedloop;

import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.optimization.BuildingState;
import de.vorlauf.domain.optimization.DemandPrediction;
import de.vorlauf.domain.optimization.HourObservation;
import de.vorlauf.domain.optimization.OptimizationInput;
import de.vorlauf.domain.optimization.OptimizationResult;
import de.vorlauf.domain.optimization.Optimizers;
import de.vorlauf.domain.optimization.PersistenceForecast;
import de.vorlauf.simulator.physics.BuildingSimulation;
import de.vorlauf.simulator.physics.BuildingSpec;
import de.vorlauf.simulator.physics.EnergyLedger;
import de.vorlauf.simulator.physics.FleetSpecs;
import de.vorlauf.simulator.physics.SensorSample;
import de.vorlauf.simulator.physics.SetpointCommand;
import de.vorlauf.simulator.physics.Weather;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the simulated fleet allows at all, in the simulator alone (no platform, seconds instead of
 * minutes): the fleet under its own curves; an <b>upper bound</b> that cheats — every building
 * given a perfect room sensor and its controller held at a room temperature (the simulator's room
 * influence on the true indoor temperature), which no optimiser can beat without colder rooms; and
 * the domain's optimiser fed the simulated sensors hour by hour, with last hour's heat standing in
 * for the model (the model's strongest input). Not the harness: {@link ClosedLoopBench} judges the
 * platform's own path. This study exists to say, with numbers, how far the 8 % is from what
 * the physics gives (docs/benchmarks.md, issue 22).
 */
public final class SavingsStudy {

  private static final double[] HOLD_ROOM_C = {20.2, 20.25, 20.3, 20.5};

  /**
   * The room temperature the fleet's curves are drawn for ({@code FleetSpecs}): the bound's
   * feed-forward shifts each curve from there to the held room, ground truth the optimiser never
   * has.
   */
  private static final double CURVE_DESIGN_ROOM_C = 21.5;

  private static final long HOUR_S = 3600;

  /** As many forecast hours as the platform's optimisation activity asks for. */
  private static final int FORECAST_HOURS = 24;

  private final List<BuildingSpec> specs;
  private final Weather weather;
  private final Instant start;
  private final int days;
  private final int historyDays;

  SavingsStudy(long seed, int buildings, Instant start, int days, int historyDays) {
    this.specs = FleetSpecs.generate(seed, buildings, "sim");
    this.weather = new Weather(seed);
    this.start = start;
    this.days = days;
    this.historyDays = historyDays;
  }

  public static void main(String[] args) {
    fromOptions(args).run(System.out);
  }

  /** {@code seed=42 buildings=50 start=2027-01-08T00:00:00Z days=14}, a week of history. */
  static SavingsStudy fromOptions(String[] args) {
    Map<String, String> options = ClosedLoopConfig.keyValues(args);
    return new SavingsStudy(
        Long.parseLong(options.getOrDefault("seed", "42")),
        Integer.parseInt(options.getOrDefault("buildings", "50")),
        Instant.parse(options.getOrDefault("start", "2027-01-08T00:00:00Z")),
        Integer.parseInt(options.getOrDefault("days", "14")),
        7);
  }

  /** One building's period: final energy, comfort, mean room. */
  record Period(BuildingSpec spec, double finalKWh, double comfortKh, double meanRoomC) {}

  interface Controller {
    /** The setpoint for the hour starting at {@code hour}, or null to leave the curve running. */
    SetpointCommand at(
        BuildingSpec spec, BuildingSimulation sim, Instant hour, List<HourObservation> history);
  }

  void run(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "# Savings study: %d buildings, %d days from %s, seed-derived weather%n%n",
        specs.size(),
        days,
        start);
    List<Period> baseline = simulate(null);
    out.println(
        "| strategy | final energy kWh | saving | comfort K·h | buildings breaking the comfort rule | mean room °C | per type (saving) |");
    out.println("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
    row(out, "own curves (baseline)", baseline, baseline);
    for (double room : HOLD_ROOM_C) {
      row(
          out,
          String.format(
              Locale.ROOT, "upper bound: every room held at %.2f °C (ground truth)", room),
          simulate(hold(room)),
          baseline);
    }
    row(out, "domain optimiser, prediction = last hour's heat", simulate(optimiser()), baseline);
  }

  static Controller hold(double roomC) {
    return (spec, sim, hour, history) -> {
      var config = sim.control();
      double outdoor = history.get(history.size() - 1).outdoorC();
      double flow =
          config
              .heatingType()
              .limits()
              .clampFlow(config.curve().flowC(outdoor, roomC - CURVE_DESIGN_ROOM_C));
      return new SetpointCommand("hold-" + hour, 1, flow, roomC, hour.plusSeconds(HOUR_S), hour);
    };
  }

  static Controller optimiser() {
    PersistenceForecast forecast = new PersistenceForecast();
    return (spec, sim, hour, history) -> {
      BuildingState state = new BuildingState(hour, history);
      HourObservation last = history.get(history.size() - 1);
      OptimizationResult result =
          Optimizers.forType(spec.type())
              .optimize(
                  new OptimizationInput(
                      spec.config(),
                      state,
                      forecast.outdoorC(spec.buildingId(), state, FORECAST_HOURS),
                      new DemandPrediction("last-hour-heat", 0, last.heatPowerKw(), Double.NaN)));
      if (result.isFallback()) {
        return null;
      }
      return new SetpointCommand(
          "opt-" + hour,
          1,
          result.recommendedFlowC(),
          result.sendRoomSetpoint() ? result.recommendedRoomC() : null,
          result.validUntil(),
          hour);
    };
  }

  /** Sees every simulated hour of the period: what was measured and what the ledger booked. */
  interface HourSink {
    void hour(BuildingSpec spec, HourObservation observed, EnergyLedger booked, double roomC);
  }

  List<Period> simulate(Controller controller) {
    return simulate(controller, specs, (spec, observed, booked, room) -> {});
  }

  List<BuildingSpec> specs() {
    return specs;
  }

  List<Period> simulate(Controller controller, List<BuildingSpec> buildings, HourSink sink) {
    List<Period> periods = new ArrayList<>();
    for (BuildingSpec spec : buildings) {
      Instant historyFrom = start.minus(Duration.ofDays(historyDays));
      BuildingSimulation sim =
          new BuildingSimulation(spec, weather, historyFrom.minus(Duration.ofDays(3)));
      sim.advanceTo(historyFrom);
      Deque<HourObservation> history = new ArrayDeque<>();
      for (Instant h = historyFrom; h.isBefore(start); h = h.plusSeconds(HOUR_S)) {
        history.add(observeHour(sim, h));
      }
      EnergyLedger begin = sim.ledger();
      double roomSum = 0;
      for (int i = 0; i < days * 24; i++) {
        Instant hour = start.plusSeconds(i * HOUR_S);
        if (controller != null) {
          SetpointCommand command = controller.at(spec, sim, hour, List.copyOf(history));
          if (command != null) {
            sim.applySetpoint(command);
          }
        }
        EnergyLedger before = sim.ledger();
        HourObservation observed = observeHour(sim, hour);
        history.add(observed);
        sink.hour(spec, observed, sim.ledger().minus(before), sim.indoorC());
        roomSum += sim.indoorC();
        if (history.size() > 168) {
          history.removeFirst();
        }
      }
      EnergyLedger period = sim.ledger().minus(begin);
      periods.add(
          new Period(
              spec, period.finalEnergyKWh(), period.comfortKelvinHours(), roomSum / (days * 24)));
    }
    return periods;
  }

  /** Steps the hour minute by minute and averages the sensors as the ETL's hour would. */
  private static HourObservation observeHour(BuildingSimulation sim, Instant hour) {
    double[] sum = new double[5];
    for (int m = 1; m <= 60; m++) {
      sim.advanceTo(hour.plusSeconds(60L * m));
      double indoor = Double.NaN;
      for (SensorSample s : sim.sample()) {
        switch (s.sensorId()) {
          case "outdoor_temp" -> sum[0] += s.value();
          case "vorlauf_temp_hk1" -> sum[1] += s.value();
          case "ruecklauf_temp_hk1" -> sum[2] += s.value();
          case "heat_power" -> sum[3] += s.value();
          case "indoor_temp" -> indoor = s.value();
          default -> {}
        }
      }
      sum[4] += indoor;
    }
    return new HourObservation(
        hour, sum[0] / 60, sum[4] / 60, sum[1] / 60, sum[2] / 60, sum[3] / 60, 1.0);
  }

  private static void row(PrintStream out, String name, List<Period> run, List<Period> baseline) {
    double total = 0;
    double base = 0;
    double comfort = 0;
    double room = 0;
    int breaking = 0;
    Map<HeatingType, double[]> byType = new EnumMap<>(HeatingType.class);
    for (int i = 0; i < run.size(); i++) {
      Period p = run.get(i);
      Period b = baseline.get(i);
      total += p.finalKWh();
      base += b.finalKWh();
      comfort += p.comfortKh();
      room += p.meanRoomC() / run.size();
      if (p.comfortKh() > b.comfortKh() * 1.02 + 0.5) {
        breaking++;
      }
      double[] t = byType.computeIfAbsent(p.spec().type(), k -> new double[2]);
      t[0] += p.finalKWh();
      t[1] += b.finalKWh();
    }
    StringBuilder types = new StringBuilder();
    byType.forEach(
        (type, t) ->
            types.append(
                String.format(Locale.ROOT, "%s %.1f %%; ", type.code(), 100 * (1 - t[0] / t[1]))));
    out.printf(
        Locale.ROOT,
        "| %s | %.0f | %.2f %% | %.1f | %d | %.2f | %s |%n",
        name,
        total,
        100 * (1 - total / base),
        comfort,
        breaking,
        room,
        types);
  }
}
