package de.vorlauf.domain.optimization;

import de.vorlauf.domain.training.OutdoorForecast;
import java.util.Collections;
import java.util.List;

/**
 * The platform's forecast: every coming hour as warm as the last measured hour, the forecast the
 * heat-demand model is trained with ({@link OutdoorForecast#persistence}). Only the hour that ended
 * within the hour before {@code asOf} counts (the hourly run starts a few minutes past the hour):
 * an older one would be a stale forecast.
 */
public final class PersistenceForecast implements WeatherForecast {

  @Override
  public List<Double> outdoorC(String buildingId, BuildingState state, int hours) {
    HourObservation last = state.latest();
    if (last == null
        || state.asOf().isBefore(last.hour().plusSeconds(3600))
        || !state.asOf().isBefore(last.hour().plusSeconds(7200))
        || !Double.isFinite(last.outdoorC())) {
      return List.of();
    }
    return Collections.nCopies(hours, OutdoorForecast.persistence(last.outdoorC()));
  }
}
