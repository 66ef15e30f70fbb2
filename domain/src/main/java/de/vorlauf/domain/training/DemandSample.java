package de.vorlauf.domain.training;

import de.vorlauf.domain.heating.HeatingType;
import java.time.Instant;

/**
 * One training example: the inputs known at {@code issuedAt} ({@link DemandFeature} order) and the
 * building's demand over the target hour.
 *
 * @param targetHour start of the hour predicted
 * @param features the inputs, {@link DemandFeature} order
 * @param targetWm2 the target hour's mean heat power per m², W/m²
 * @param part train, validation or holdout ({@link TimeSplit})
 */
public record DemandSample(
    String buildingId,
    HeatingType heatingType,
    double areaM2,
    Instant issuedAt,
    Instant targetHour,
    double[] features,
    double targetWm2,
    TimeSplit.Part part) {

  /** W/m² of this building to kW. */
  public double toKw(double wattsPerM2) {
    return wattsPerM2 * areaM2 / 1000.0;
  }

  public double targetKw() {
    return toKw(targetWm2);
  }

  public double feature(DemandFeature feature) {
    return features[feature.ordinal()];
  }

  /** The persistence baseline: the target hour one week earlier, kW. */
  public double persistenceKw() {
    return toKw(feature(DemandFeature.DEMAND_WEEK_AGO_W_M2));
  }
}
