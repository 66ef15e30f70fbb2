package de.vorlauf.domain.optimization;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A house written down from textbook physics for the optimiser's tests (never the simulator's): a
 * steady-state heat loss {@code UA · (room − outdoor)} delivered by emitters following {@code Q = K
 * · (T_mean − room)^n} with a constant circuit flow. The law is written out here, independently of
 * {@link EmitterModel}, so the estimator has something to recover.
 */
final class SyntheticHouse {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant AS_OF = Instant.parse("2026-01-15T11:00:00Z");

  HeatingType type = HeatingType.GAS;
  double uaKwPerK = 0.25;
  double exponent = 1.3;

  /**
   * Emitter mean temperature 35 K above the room at the design load (−12 °C outside, 21 inside).
   */
  double designExcessK = 35;

  /** Spread at the design load. */
  double designSpreadK = 10;

  double roomC = 20.5;

  /** The room during the default night setback (22–6 local); NaN: as by day. */
  double nightRoomC = Double.NaN;

  boolean indoorSensor = true;
  double quality = 1.0;
  int hours = 168;

  /** The optimisation's instant; the history ends the hour before. */
  Instant asOf = AS_OF;

  /** The controller's own curve; the type's default when null. */
  HeatingCurve curve;

  static SyntheticHouse of(HeatingType type) {
    SyntheticHouse house = new SyntheticHouse();
    house.type = type;
    if (type == HeatingType.WAERMEPUMPE) {
      house.exponent = 1.1;
      house.designExcessK = 12;
      house.designSpreadK = 5;
    }
    return house;
  }

  double designHeatKw() {
    return uaKwPerK * (21 - (-12));
  }

  double kKwPerKn() {
    return designHeatKw() / Math.pow(designExcessK, exponent);
  }

  double capacityKwPerK() {
    return designHeatKw() / designSpreadK;
  }

  double coolingPerDayK = 1.0;
  double swingK = 4.0;

  /** A week that cools by a kelvin a day with a daily swing of ±4 K around it (by default). */
  double outdoorC(int hoursAgo) {
    double day = hoursAgo / 24.0;
    return 2 + coolingPerDayK * day + swingK * Math.sin(2 * Math.PI * hoursAgo / 24.0);
  }

  double heatKw(double outdoorC) {
    return Math.max(0, uaKwPerK * (roomC - outdoorC));
  }

  double flowC(double heatKw) {
    double mean = roomC + Math.pow(heatKw / kKwPerKn(), 1 / exponent);
    return mean + heatKw / (2 * capacityKwPerK());
  }

  List<HourObservation> history() {
    List<HourObservation> history = new ArrayList<>();
    for (int ago = hours; ago >= 1; ago--) {
      Instant hour = asOf.minus(Duration.ofHours(ago));
      double room =
          Double.isFinite(nightRoomC) && NightSetback.DEFAULT.activeAt(hour, BERLIN)
              ? nightRoomC
              : roomC;
      double outdoor = outdoorC(ago);
      double heat = Math.max(0, uaKwPerK * (room - outdoor));
      double mean = room + Math.pow(heat / kKwPerKn(), 1 / exponent);
      double flow = mean + heat / (2 * capacityKwPerK());
      history.add(
          new HourObservation(
              hour,
              outdoor,
              indoorSensor ? room : Double.NaN,
              flow,
              flow - heat / capacityKwPerK(),
              heat,
              quality));
    }
    return history;
  }

  BuildingConfig config() {
    BuildingConfig config = BuildingConfig.defaults("house-" + type.code(), type, BERLIN);
    return curve == null ? config : config.withCurve(curve);
  }

  OptimizationInput input(double forecastC, double predictedKw) {
    return input(asOf, forecastC, predictedKw);
  }

  OptimizationInput input(Instant asOf, double forecastC, double predictedKw) {
    return new OptimizationInput(
        config(),
        new BuildingState(asOf, history()),
        Collections.nCopies(24, forecastC),
        new DemandPrediction("heat-demand", 3, predictedKw, 0.1 * predictedKw));
  }

  OptimizationResult optimize(double forecastC, double predictedKw) {
    return Optimizers.forType(type).optimize(input(forecastC, predictedKw));
  }
}
