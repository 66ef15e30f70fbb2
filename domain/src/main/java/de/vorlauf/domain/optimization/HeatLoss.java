package de.vorlauf.domain.optimization;

import de.vorlauf.domain.heating.LocalHours;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The building's heat-loss coefficient UA (kW/K) from its own history: the energy signature, daily
 * mean heat against daily mean room-minus-outdoor temperature (daily means, because the building's
 * thermal mass and the night setback decouple an hour's heat from its outdoor temperature). When
 * the days do not span enough temperature difference for a slope, or the slope is not positive, the
 * ratio of mean heat to mean temperature difference stands in: it underestimates UA by the share of
 * free gains, which makes the optimiser's room corrections smaller, never larger.
 */
final class HeatLoss {

  /** A local day counts with at least this many hours of heat and room known. */
  static final int MIN_HOURS_PER_DAY = 18;

  static final int MIN_DAYS_FOR_SLOPE = 3;

  /** Daily mean temperature differences must span this much for a slope to mean anything. */
  static final double MIN_SPAN_K = 2.0;

  /**
   * A slope further than this factor from the ratio is a few noisy days, not the building: gains
   * make the ratio the lower of the two, but not by a factor of three.
   */
  static final double MAX_DISAGREEMENT = 3.0;

  private HeatLoss() {}

  /** UA in kW/K; NaN when no hour has heat, room and outdoor temperature known. */
  static double uaKwPerK(List<HourObservation> history, EmitterModel model, ZoneId zone) {
    LocalHours local = new LocalHours(zone);
    Map<Long, double[]> days = new TreeMap<>(); // by local epoch day
    double heatSum = 0;
    double differenceSum = 0;
    for (HourObservation h : history) {
      double room = EmitterEstimator.roomC(h, model);
      if (!(Double.isFinite(room) && Double.isFinite(h.outdoorC()))
          || !Double.isFinite(h.heatPowerKw())) {
        continue;
      }
      double difference = room - h.outdoorC();
      heatSum += h.heatPowerKw();
      differenceSum += difference;
      double[] day = days.computeIfAbsent(local.epochDay(h.hour()), d -> new double[3]);
      day[0] += h.heatPowerKw();
      day[1] += difference;
      day[2]++;
    }
    double ratio = differenceSum > 0 ? heatSum / differenceSum : Double.NaN;
    SimpleRegression signature = new SimpleRegression();
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (double[] day : days.values()) {
      if (day[2] >= MIN_HOURS_PER_DAY) {
        double difference = day[1] / day[2];
        signature.addData(difference, day[0] / day[2]);
        low = Math.min(low, difference);
        high = Math.max(high, difference);
      }
    }
    double slope = signature.getSlope();
    if (signature.getN() >= MIN_DAYS_FOR_SLOPE
        && high - low >= MIN_SPAN_K
        && slope > ratio / MAX_DISAGREEMENT
        && slope < ratio * MAX_DISAGREEMENT) {
      return slope;
    }
    return ratio;
  }
}
