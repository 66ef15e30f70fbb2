package de.vorlauf.domain.training;

/**
 * The outdoor-temperature forecast the heat-demand model gets, in training and in serving alike: a
 * persistence forecast from the building's own outdoor readings. The forecast for any target hour
 * issued at {@code t} is the mean outdoor temperature over {@code [t − 1 h, t)}, the last complete
 * hour before the forecast is issued. Training builds it from history exactly so, never from the
 * target hour's actual, so the model learns to live with the forecast's error.
 */
public final class OutdoorForecast {

  private OutdoorForecast() {}

  /**
   * @param lastHourMeanC mean outdoor temperature over the hour before issue (NaN when unknown)
   * @return the forecast for the target hour, °C (NaN when unknown)
   */
  public static double persistence(double lastHourMeanC) {
    return lastHourMeanC;
  }

  /** Heating degree hours of one forecast hour: max(0, 18 °C − forecast) · 1 h, in K·h. */
  public static double degreeHours(double forecastC) {
    return Math.max(0.0, DemandFeature.DEGREE_BASE_C - forecastC);
  }
}
