package de.vorlauf.simulator.physics;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.EquipmentLimits;
import de.vorlauf.domain.heating.LocalHours;
import de.vorlauf.domain.sensor.Quality;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One building stepped in simulated time: weather, envelope, thermal mass, radiators, the
 * controller (heating curve, night setback, setpoint override), hot water and the heat generator.
 *
 * <p>The controller runs a {@link BuildingConfig} (the domain's curve and night setback, read in
 * the configuration's time zone): the spec's at first, another from a given time on after {@link
 * #reconfigure}, as a registry change reaches a real controller. The physics (generator, radiators,
 * equipment limits, occupants' day) stays the spec's.
 *
 * <p>The state advances in explicit Euler steps on the absolute minute grid (a step never crosses a
 * full minute), and every random draw is a hash of (seed, minute). Stepping a building minute by
 * minute and a month at once therefore give bit-identical states at minute-aligned times. Not
 * thread-safe: one building belongs to one stepping thread at a time.
 */
public final class BuildingSimulation {

  private static final long STEP_S = 60;

  /** Boilers and mixing valves reach a new flow temperature within minutes, not instantly. */
  private static final double FLOW_LAG_S = 600;

  /** Summer/winter switch-over reacts to the outdoor temperature of about the last day. */
  private static final double SEASON_FILTER_S = 12 * 3600;

  private static final double HEATING_ON_BELOW_C = 15.0;
  private static final double HEATING_OFF_ABOVE_C = 17.0;

  /** Room influence: kelvin of flow temperature per kelvin the room is off its setpoint. */
  private static final double ROOM_INFLUENCE = 3.0;

  private final BuildingSpec spec;
  private final Weather weather;
  private final HeatGenerator generator;
  private final Circuit circuit;
  private final DhwDraws dhw;
  private final LocalHours clock;
  private final SetpointOverride override;
  private BuildingConfig control;
  private LocalHours controlClock;
  private BuildingConfig nextControl;
  private long nextControlFrom;
  private final double meterStartKWh;
  private final double startIndoorC;

  private long now;
  private double indoorC;
  private double outdoorFilteredC;
  private boolean heatingSeason;
  private double dhwBacklogJ;

  private double spaceJ;
  private double dhwJ;
  private double lossJ;
  private double gainsJ;
  private double comfortKs;

  public BuildingSimulation(BuildingSpec spec, Weather weather, Instant start) {
    this(spec, spec.config(), weather, start);
  }

  /**
   * @param control what the controller runs from {@code start} on (e.g. the registry's entry for
   *     the building), instead of the spec's configuration
   */
  public BuildingSimulation(
      BuildingSpec spec, BuildingConfig control, Weather weather, Instant start) {
    this.spec = spec;
    this.weather = weather;
    this.generator = new HeatGenerator(spec);
    this.dhw = new DhwDraws(spec.seed(), spec.dhwLitresPerDay());
    this.clock = new LocalHours(spec.zone());
    this.override = new SetpointOverride(spec.type());
    useControl(control);
    this.now = start.getEpochSecond();
    this.indoorC = Design.INDOOR_C;
    this.startIndoorC = indoorC;
    this.meterStartKWh = 1_000 + 50_000 * SeedMix.unit(SeedMix.mix(spec.seed(), 0x3E7E6L, 0));
    double designMassFlow = Design.massFlowKgS(spec.uaWPerK(), spec.type());
    this.circuit =
        new Circuit(spec.radiatorNominalW(), spec.radiatorExponent(), designMassFlow, indoorC);
    this.outdoorFilteredC = meanOutdoorOfLastDay(now);
    this.heatingSeason = outdoorFilteredC < (HEATING_ON_BELOW_C + HEATING_OFF_ABOVE_C) / 2;
    double target = controllerTarget(now, weather.outdoorC(now));
    circuit.flowC = Double.isNaN(target) ? indoorC : target;
    step(now, 0);
  }

  /** Advances to {@code t} (second resolution) in steps of at most one minute. */
  public void advanceTo(Instant t) {
    long target = t.getEpochSecond();
    if (target < now) {
      throw new IllegalArgumentException(
          spec.buildingId() + ": cannot go back from " + time() + " to " + t);
    }
    while (now < target) {
      long next = Math.min(target, Math.floorDiv(now, STEP_S) * STEP_S + STEP_S);
      step(now, next - now);
      now = next;
    }
  }

  public Instant time() {
    return Instant.ofEpochSecond(now);
  }

  public BuildingSpec spec() {
    return spec;
  }

  /**
   * The flow temperature the controller asks for at {@link #time()}: the curve (or a setpoint
   * override) within the equipment's limits; NaN while the circuit pump is off (summer, or a target
   * not above the room).
   */
  public double controllerTargetC() {
    applyDueControl(now);
    return controllerTarget(now, weather.outdoorC(now));
  }

  /** The configuration the controller runs at {@link #time()}. */
  public BuildingConfig control() {
    applyDueControl(now);
    return control;
  }

  /**
   * Has the controller run {@code next} from {@code from} on (at once when that is not after the
   * current time). A later call replaces a change still pending.
   */
  public void reconfigure(BuildingConfig next, Instant from) {
    if (from.getEpochSecond() <= now) {
      useControl(next);
      nextControl = null;
    } else {
      nextControl = next;
      nextControlFrom = from.getEpochSecond();
    }
  }

  private void useControl(BuildingConfig next) {
    if (controlClock == null || !next.timeZone().equals(control.timeZone())) {
      controlClock = next.timeZone().equals(spec.zone()) ? clock : new LocalHours(next.timeZone());
    }
    control = next;
  }

  public double indoorC() {
    return indoorC;
  }

  /**
   * The building's catalogue sensors at {@link #time()}, quality good. The heat meter sits on
   * circuit 1, so {@code heat_power} = flow·c_p·(flow − return temperature) with c_p = 4.186
   * kJ/(kg·K) and 1 L = 1 kg; hot water is not metered there (the ledger has it).
   */
  public List<SensorSample> sample() {
    Instant at = time();
    String good = Quality.GOOD.wireName();
    List<SensorSample> samples = new ArrayList<>(7);
    samples.add(new SensorSample("vorlauf_temp_hk1", round(circuit.flowC, 100), "degC", good, at));
    samples.add(
        new SensorSample("ruecklauf_temp_hk1", round(circuit.returnC, 100), "degC", good, at));
    samples.add(
        new SensorSample("outdoor_temp", round(weather.outdoorC(now), 100), "degC", good, at));
    samples.add(
        new SensorSample(
            "flow_rate_hk1", round(circuit.massFlowKgS * 60, 1000), "L/min", good, at));
    samples.add(new SensorSample("heat_power", round(circuit.powerW / 1000, 1000), "kW", good, at));
    samples.add(new SensorSample("heat_energy", round(meterKWh(), 1000), "kWh", good, at));
    if (spec.hasIndoorSensor()) {
      samples.add(new SensorSample("indoor_temp", round(indoorC, 100), "degC", good, at));
    }
    return samples;
  }

  /**
   * Applies a setpoint at the building's current time when the circuit exists, it has not expired
   * and it is within the equipment's limits; otherwise answers with the reason.
   */
  public SetpointResult applySetpoint(SetpointCommand command) {
    return override.apply(command, now, circuit.flowC);
  }

  public EnergyLedger ledger() {
    double toKWh = 1.0 / 3.6e6;
    return new EnergyLedger(
        time(),
        spaceJ * toKWh,
        dhwJ * toKWh,
        generator.gasJ * toKWh,
        generator.electricityJ * toKWh,
        generator.districtJ * toKWh,
        lossJ * toKWh,
        gainsJ * toKWh,
        spec.thermalMassJPerK() * (indoorC - startIndoorC) * toKWh,
        comfortKs / 3600);
  }

  private double meterKWh() {
    return meterStartKWh + spaceJ / 3.6e6;
  }

  private void applyDueControl(long s) {
    if (nextControl != null && s >= nextControlFrom) {
      useControl(nextControl);
      nextControl = null;
    }
  }

  private void step(long s, long dt) {
    applyDueControl(s);
    double outdoorC = weather.outdoorC(s);
    double localHour = clock.secondOfDay(s) / 3600.0;
    outdoorFilteredC += (outdoorC - outdoorFilteredC) * dt / (SEASON_FILTER_S + dt);
    if (heatingSeason
        ? outdoorFilteredC > HEATING_OFF_ABOVE_C
        : outdoorFilteredC < HEATING_ON_BELOW_C) {
      heatingSeason = !heatingSeason;
    }
    double lag = dt / (FLOW_LAG_S + dt);
    double target = controllerTarget(s, outdoorC);
    double flowNowC =
        circuit.flowC + ((Double.isNaN(target) ? indoorC : target) - circuit.flowC) * lag;

    if (dt > 0 && s % STEP_S == 0) {
      dhwBacklogJ += dhw.drawJoules(s / STEP_S, localHour);
    }
    double capacityW = generator.capacityW(outdoorC);
    double dhwW =
        dt > 0 ? Math.min(Math.min(dhwBacklogJ / dt, generator.dhwPowerW()), capacityW) : 0;
    if (Double.isNaN(target)) {
      circuit.off(flowNowC, indoorC, lag);
    } else {
      circuit.run(flowNowC, indoorC, spec.type().limits().maxReturnC(), capacityW - dhwW, lag);
    }
    double spaceW = circuit.powerW;
    generator.account(spaceW, dhwW, circuit.flowC, circuit.returnC, outdoorC, dt);

    double gainsW = spec.uaWPerK() * gainsKelvin(localHour);
    double lossW = spec.uaWPerK() * (indoorC - outdoorC);
    comfortKs += Math.max(0.0, spec.comfortMinC() - indoorC) * dt;
    indoorC += (spaceW + gainsW - lossW) * dt / spec.thermalMassJPerK();
    dhwBacklogJ -= dhwW * dt;
    dhwJ += dhwW * dt;
    spaceJ += spaceW * dt;
    gainsJ += gainsW * dt;
    lossJ += lossW * dt;
  }

  /**
   * The flow temperature the controller asks for, or NaN when the circuit pump is off: a setpoint
   * override, else the configured curve with its setback, within the equipment's limits.
   */
  private double controllerTarget(long s, double outdoorC) {
    double target;
    if (override.activeAt(s)) {
      target = override.flowC();
      if (override.roomC() != null) {
        target += ROOM_INFLUENCE * (override.roomC() - indoorC);
      }
    } else if (heatingSeason) {
      boolean night =
          control.nightSetback().activeAtLocalHour(controlClock.secondOfDay(s) / 3600.0);
      target = control.flowTemperatureC(outdoorC, night);
    } else {
      return Double.NaN;
    }
    EquipmentLimits limits = spec.type().limits();
    target = limits.clampFlow(target);
    return target > indoorC + 0.5 ? target : Double.NaN;
  }

  /**
   * Internal gains (people, appliances) all day and solar gains in the daytime, expressed as the
   * kelvin of indoor-outdoor difference they cover so they scale with the building.
   */
  private static double gainsKelvin(double localHour) {
    double solar = localHour > 7 && localHour < 17 ? Math.sin(Math.PI * (localHour - 7) / 10) : 0.0;
    return 1.5 + 2.0 * solar;
  }

  private double meanOutdoorOfLastDay(long s) {
    double sum = 0;
    for (int h = 0; h < 24; h++) {
      sum += weather.outdoorC(s - h * 3600L);
    }
    return sum / 24;
  }

  private static double round(double value, double per) {
    return Math.round(value * per) / per;
  }
}
