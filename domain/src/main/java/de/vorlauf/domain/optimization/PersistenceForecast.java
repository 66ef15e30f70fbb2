package de.vorlauf.domain.optimization;

import de.vorlauf.domain.training.OutdoorForecast;
import java.util.Collections;
import java.util.List;

/**
 * The platform's forecast: every coming hour as warm as the last measured hour, the forecast the
 * heat-demand model is trained with ({@link OutdoorForecast#persistence}). Only an hour that ended
 * at {@code asOf} counts: an older one would be a stale forecast.
 */
public final class PersistenceForecast implements WeatherForecast {

  @Override
  public List<Double> outdoorC(String buildingId, BuildingState state, int hours) {
    HourObservation last = state.latest();
    if (last == null
        || !last.hour().plusSeconds(3600).equals(state.asOf())
        || !Double.isFinite(last.outdoorC())) {
      return List.of();
    }
    return Collections.nCopies(hours, OutdoorForecast.persistence(last.outdoorC()));
  }
}
