package de.vorlauf.domain.optimization;

import de.vorlauf.domain.heating.LocalHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The outdoor temperatures the optimiser expects for the coming hours: the forecast port's, with
 * the building's own daily cycle added when the forecast is flat. The platform's forecast is
 * persistence (every hour as warm as the last), which knows nothing of the night; the building's
 * readings of the last days do: the mean outdoor temperature of each local hour of day against
 * their mean. A forecast with a shape of its own (a weather service's, the harness's noisy one) is
 * taken as it is.
 */
final class OutdoorOutlook {

  /** Each local hour of day needs this many readings for the daily cycle to count. */
  static final int MIN_READINGS_PER_HOUR = 2;

  /** A forecast whose hours differ by less than this is flat. */
  static final double FLAT_K = 1e-6;

  private OutdoorOutlook() {}

  /**
   * @return {@code hours} temperatures, the first for the hour starting at {@code asOf}; empty when
   *     the forecast is empty or shorter
   */
  static double[] of(OptimizationInput input, int hours) {
    List<Double> forecast = input.outdoorForecastC();
    if (forecast.size() < hours) {
      return new double[0];
    }
    double[] outlook = new double[hours];
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < hours; k++) {
      outlook[k] = forecast.get(k);
      if (!Double.isFinite(outlook[k])) {
        return new double[0];
      }
      low = Math.min(low, outlook[k]);
      high = Math.max(high, outlook[k]);
    }
    if (high - low > FLAT_K) {
      return outlook;
    }
    ZoneId zone = input.config().timeZone();
    double[] cycle = dailyCycle(input.state().history(), zone);
    if (cycle == null) {
      return outlook;
    }
    Instant asOf = input.state().asOf();
    // persistence repeats the hour before asOf: move each hour by the cycle from that hour to it
    LocalHours local = new LocalHours(zone);
    double from = cycle[local.hourOfDay(asOf.minus(Duration.ofHours(1)))];
    for (int k = 0; k < hours; k++) {
      outlook[k] += cycle[local.hourOfDay(asOf.plus(Duration.ofHours(k)))] - from;
    }
    return outlook;
  }

  /** Mean outdoor temperature per local hour of day minus the mean of those; null if unknown. */
  static double[] dailyCycle(List<HourObservation> history, ZoneId zone) {
    double[] sum = new double[24];
    int[] count = new int[24];
    LocalHours local = new LocalHours(zone);
    for (HourObservation h : history) {
      if (Double.isFinite(h.outdoorC())) {
        int hour = local.hourOfDay(h.hour());
        sum[hour] += h.outdoorC();
        count[hour]++;
      }
    }
    double[] cycle = new double[24];
    double mean = 0;
    for (int hour = 0; hour < 24; hour++) {
      if (count[hour] < MIN_READINGS_PER_HOUR) {
        return null;
      }
      cycle[hour] = sum[hour] / count[hour];
      mean += cycle[hour] / 24;
    }
    for (int hour = 0; hour < 24; hour++) {
      cycle[hour] -= mean;
    }
    return cycle;
  }
}
