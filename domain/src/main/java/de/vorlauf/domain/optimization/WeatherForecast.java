package de.vorlauf.domain.optimization;

import java.util.List;

/**
 * The forecast port: outdoor temperatures for the hours after {@code state.asOf()}. The platform's
 * implementation is {@link PersistenceForecast}; a harness may inject another (e.g. a noisy one)
 * through the same port. An implementation sees only what the state holds, never ground truth.
 */
public interface WeatherForecast {

  /**
   * @param hours how many hours, the first starting at {@code state.asOf()}
   * @return one temperature per hour, °C; empty when no forecast can be made
   */
  List<Double> outdoorC(String buildingId, BuildingState state, int hours);
}
