package de.vorlauf.domain.optimization;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.LocalHours;
import de.vorlauf.domain.heating.NightSetback;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Estimates a building's {@link EmitterModel} from the hours of its history in which heat flowed.
 * The exponent is not fitted: a week of one building's data cannot separate it from K, and the
 * engineering values are well known (EN 442: about 1.3 for radiators and convectors; underfloor
 * heating about 1.1). Heat-pump buildings mostly heat through floors, so they get 1.1, every other
 * type 1.3. With n fixed, K is a one-parameter least squares; without an indoor sensor the room
 * temperature is the intercept of {@code T_mean} against {@code Q^(1/n)} (commons-math's simple
 * regression), K follows from its slope.
 */
public final class EmitterEstimator {

  /** A day of heating hours: fewer do not pin the law down across a day's outdoor swing. */
  public static final int MIN_HEATING_HOURS = 24;

  /** Heat below this does not count as "heat flowing" (sensor noise of an idle circuit). */
  static final double MIN_HEAT_KW = 0.05;

  /** A spread below this gives no usable mass flow (the measured temperatures' resolution). */
  static final double MIN_SPREAD_K = 0.5;

  /** A fit whose relative RMS error in heat exceeds this is not a description of the circuit. */
  public static final double MAX_RELATIVE_ERROR = 0.5;

  /** More than half the heating hours with an indoor reading: the building has a room sensor. */
  static final double SENSOR_SHARE = 0.5;

  /** Hours after the night setback in which the room is still recovering. */
  static final int RECOVERY_HOURS = 2;

  static final double RADIATOR_EXPONENT = 1.3;
  static final double FLOOR_HEATING_EXPONENT = 1.1;

  private EmitterEstimator() {}

  /** The fitted model, or the reason (in words) why the history does not give one. */
  public record Estimate(EmitterModel model, String refusal) {
    public boolean ok() {
      return model != null;
    }
  }

  static double exponentFor(HeatingType type) {
    return type == HeatingType.WAERMEPUMPE ? FLOOR_HEATING_EXPONENT : RADIATOR_EXPONENT;
  }

  static boolean heatFlows(HourObservation h) {
    return Double.isFinite(h.flowC())
        && Double.isFinite(h.returnC())
        && Double.isFinite(h.heatPowerKw())
        && h.heatPowerKw() > MIN_HEAT_KW
        && h.flowC() - h.returnC() > MIN_SPREAD_K;
  }

  /**
   * As {@link #estimate(List, HeatingType, Predicate)} for a building whose room temperature is
   * steady while the night setback is off: without an indoor sensor, only those hours (less the
   * {@link #RECOVERY_HOURS} after the setback) go into the fit of the room's intercept.
   */
  public static Estimate estimate(List<HourObservation> history, BuildingConfig config) {
    NightSetback setback = config.nightSetback();
    LocalHours local = new LocalHours(config.timeZone());
    Predicate<HourObservation> steady =
        h -> {
          for (int back = 0; back <= RECOVERY_HOURS; back++) {
            long second = h.hour().getEpochSecond() - 3600L * back;
            if (setback.activeAtLocalHour(local.secondOfDay(second) / 3600.0)) {
              return false;
            }
          }
          return true;
        };
    return estimate(history, config.heatingType(), steady);
  }

  /** Every hour counts as one with a steady room. */
  public static Estimate estimate(List<HourObservation> history, HeatingType type) {
    return estimate(history, type, h -> true);
  }

  /**
   * @param steadyRoom the hours whose room temperature may be taken as the building's usual one;
   *     without an indoor sensor the fit uses only those, if a day's worth of them have heat
   */
  public static Estimate estimate(
      List<HourObservation> history, HeatingType type, Predicate<HourObservation> steadyRoom) {
    List<HourObservation> all = history.stream().filter(EmitterEstimator::heatFlows).toList();
    List<HourObservation> heating = all;
    if (heating.size() < MIN_HEATING_HOURS) {
      return refuse(
          "%d hours with heat flowing and flow, return and heat measured; at least %d needed"
              .formatted(heating.size(), MIN_HEATING_HOURS));
    }
    double n = exponentFor(type);
    double capacity =
        median(heating.stream().mapToDouble(h -> h.heatPowerKw() / (h.flowC() - h.returnC())));
    if (!(capacity > 0)) {
      return refuse("no circuit flow follows from heat and spread");
    }
    long withIndoor = heating.stream().filter(h -> Double.isFinite(h.indoorC())).count();
    boolean measured = withIndoor >= SENSOR_SHARE * heating.size();
    List<HourObservation> steady = all.stream().filter(steadyRoom).toList();
    if (!measured && steady.size() >= MIN_HEATING_HOURS) {
      heating = steady;
    }
    double k;
    double[] rooms = new double[heating.size()];
    if (measured) {
      k = fitWithMeasuredRoom(heating, n, rooms);
    } else {
      k = fitWithEstimatedRoom(heating, n, rooms);
    }
    if (!(k > 0) || !Double.isFinite(k)) {
      return refuse(
          "the emitter fit is implausible (heat does not rise with the emitter's excess"
              + " temperature over the room)");
    }
    double error = relativeError(heating, n, k, rooms);
    if (!(error <= MAX_RELATIVE_ERROR)) {
      return refuse(
          "the emitter fit is implausible: relative error %.0f %% of the heat (at most %.0f %%)"
              .formatted(100 * error, 100 * MAX_RELATIVE_ERROR));
    }
    return new Estimate(new EmitterModel(n, k, capacity, 1 - error, measured), null);
  }

  /** K = Σ Q·x / Σ x², x = (T_mean − T_room)^n, over hours with a measured room. */
  private static double fitWithMeasuredRoom(
      List<HourObservation> heating, double n, double[] rooms) {
    double qx = 0;
    double xx = 0;
    for (int i = 0; i < heating.size(); i++) {
      HourObservation h = heating.get(i);
      rooms[i] = h.indoorC();
      double excess = meanC(h) - h.indoorC();
      if (Double.isFinite(excess) && excess > 0) {
        double x = Math.pow(excess, n);
        qx += h.heatPowerKw() * x;
        xx += x * x;
      }
    }
    return xx > 0 ? qx / xx : Double.NaN;
  }

  /** T_mean = T_room + K^(−1/n) · Q^(1/n): the intercept is the room, the slope gives K. */
  private static double fitWithEstimatedRoom(
      List<HourObservation> heating, double n, double[] rooms) {
    SimpleRegression regression = new SimpleRegression();
    for (HourObservation h : heating) {
      regression.addData(Math.pow(h.heatPowerKw(), 1.0 / n), meanC(h));
    }
    double slope = regression.getSlope();
    double room = regression.getIntercept();
    Arrays.fill(rooms, room);
    if (!(slope > 0) || !(room >= PLAUSIBLE_ROOM_MIN_C && room <= PLAUSIBLE_ROOM_MAX_C)) {
      return Double.NaN;
    }
    return Math.pow(slope, -n);
  }

  /** Rooms an estimate may land in; outside, the fit describes something else. */
  static final double PLAUSIBLE_ROOM_MIN_C = 10.0;

  static final double PLAUSIBLE_ROOM_MAX_C = 28.0;

  private static double relativeError(
      List<HourObservation> heating, double n, double k, double[] rooms) {
    double squared = 0;
    double sum = 0;
    int count = 0;
    for (int i = 0; i < heating.size(); i++) {
      HourObservation h = heating.get(i);
      if (!Double.isFinite(rooms[i])) {
        continue;
      }
      double predicted = k * Math.pow(Math.max(0, meanC(h) - rooms[i]), n);
      squared += Math.pow(predicted - h.heatPowerKw(), 2);
      sum += h.heatPowerKw();
      count++;
    }
    return count == 0 ? Double.NaN : Math.sqrt(squared / count) / (sum / count);
  }

  static double meanC(HourObservation h) {
    return (h.flowC() + h.returnC()) / 2;
  }

  static double median(java.util.stream.DoubleStream values) {
    double[] sorted = values.filter(Double::isFinite).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static Estimate refuse(String reason) {
    return new Estimate(null, reason);
  }

  /** The hour's room temperature: measured, or implied by the emitter model; NaN if neither. */
  static double roomC(HourObservation h, EmitterModel model) {
    if (Double.isFinite(h.indoorC())) {
      return h.indoorC();
    }
    return model.impliedRoomC(h);
  }
}
