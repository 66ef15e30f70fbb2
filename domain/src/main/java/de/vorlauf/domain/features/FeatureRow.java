package de.vorlauf.domain.features;

import java.time.Instant;
import java.util.List;

/**
 * The features of one building in one 15-minute UTC slot: one row of {@code building_features}.
 *
 * @param slot the slot's start (UTC)
 * @param circuits per heating circuit, circuit 1 first
 * @param heatPowerKw the circuits' computed heat power summed; NaN when a circuit has none
 * @param meteredHeatPower the heat meter's power where the building has one
 * @param heatPowerDisagreementKw metered − computed; NaN unless both exist
 * @param heatingDegreeHours max(0, 18 − outdoor) · 0.25 h in K·h; NaN when outdoor is empty
 * @param localHour hour of day in the building's local time, 0..23
 * @param dayOfWeek ISO day of week in local time, 1 = Monday .. 7 = Sunday
 * @param holiday the local date is a holiday of the configured calendar
 * @param quality mean provenance weight over the required sensors, in [0, 1]
 * @param readings good and uncertain readings averaged into this slot, over all sensors
 * @param badReadings {@code bad} readings and isolated spikes ({@link IsolatedSpikes}) left out of
 *     this slot, over all sensors
 */
public record FeatureRow(
    String buildingId,
    Instant slot,
    Sample outdoorTemp,
    Sample indoorTemp,
    List<CircuitFeatures> circuits,
    double heatPowerKw,
    Sample meteredHeatPower,
    double heatPowerDisagreementKw,
    double heatingDegreeHours,
    int localHour,
    int dayOfWeek,
    boolean holiday,
    double quality,
    int readings,
    int badReadings) {

  public FeatureRow {
    circuits = List.copyOf(circuits);
  }

  public CircuitFeatures circuit(int number) {
    return circuits.get(number - 1);
  }
}
