package de.vorlauf.domain.ingest;

import de.vorlauf.domain.sensor.Quality;
import de.vorlauf.domain.sensor.SensorCatalogue;
import de.vorlauf.domain.sensor.SensorDefinition;
import de.vorlauf.domain.sensor.UnitConversion;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies the catalogue's rules to one reading: known sensor, known unit, known quality, finite,
 * physically possible, inside the accepted time window. Converts to the canonical unit.
 */
public final class ReadingValidator {

  private final SensorCatalogue catalogue;
  private final ValidationPolicy policy;

  public ReadingValidator(SensorCatalogue catalogue, ValidationPolicy policy) {
    this.catalogue = catalogue;
    this.policy = policy;
  }

  /** Either the canonical reading or the first rule it breaks. */
  public Outcome validate(ReadingCandidate candidate, Instant now) {
    String sensorId = candidate.sensorId();
    Optional<SensorDefinition> found = catalogue.find(sensorId);
    if (found.isEmpty()) {
      return reject(
          RejectReason.UNKNOWN_SENSOR,
          "sensor_id '" + sensorId + "' is not in the catalogue",
          sensorId);
    }
    SensorDefinition sensor = found.get();
    // no unit (the per-sensor message): the reading is in the sensor's canonical unit
    String unit = candidate.unit() == null ? sensor.canonicalUnit() : candidate.unit();
    Optional<UnitConversion> conversion = sensor.quantity().conversionFrom(unit);
    if (conversion.isEmpty()) {
      return reject(
          RejectReason.UNKNOWN_UNIT,
          "unit '"
              + candidate.unit()
              + "' is not a unit of "
              + sensor.quantity().name().toLowerCase()
              + " (canonical: "
              + sensor.canonicalUnit()
              + ")",
          sensorId);
    }
    Optional<Quality> quality =
        candidate.quality() == null
            ? Optional.of(Quality.DEFAULT)
            : Quality.fromWireName(candidate.quality());
    if (quality.isEmpty()) {
      return reject(
          RejectReason.INVALID_QUALITY,
          "quality '" + candidate.quality() + "' is not one of good, uncertain, bad",
          sensorId);
    }
    if (!Double.isFinite(candidate.value())) {
      return reject(RejectReason.NON_FINITE, "value is " + candidate.value(), sensorId);
    }
    double value = conversion.get().apply(candidate.value());
    if (!sensor.inRange(value)) {
      return reject(
          RejectReason.OUT_OF_RANGE,
          String.format(
              "value %s %s is outside [%s, %s] %s",
              value, sensor.canonicalUnit(), sensor.min(), sensor.max(), sensor.canonicalUnit()),
          sensorId);
    }
    Instant time = candidate.time();
    if (time.isAfter(now.plus(policy.maxFutureSkew()))) {
      return reject(
          RejectReason.FUTURE_TIMESTAMP,
          "timestamp " + time + " is more than " + policy.maxFutureSkew() + " ahead of " + now,
          sensorId);
    }
    if (time.isBefore(now.minus(policy.retention()))) {
      return reject(
          RejectReason.TOO_OLD,
          "timestamp " + time + " is older than the retention of " + policy.retention(),
          sensorId);
    }
    // the catalogue's instance of the id: downstream maps keyed by sensor (the writer's series
    // cache) then find its hash computed and compare by reference
    return new Outcome.Accepted(
        new Reading(
            time,
            candidate.deviceId(),
            sensor.id(),
            value,
            sensor.canonicalUnit(),
            quality.get(),
            candidate.timestampSource()));
  }

  private static Outcome reject(RejectReason reason, String detail, String sensorId) {
    return new Outcome.Rejected(new Rejection(reason, detail, sensorId));
  }

  /** The result of validating one reading. */
  public sealed interface Outcome {
    record Accepted(Reading reading) implements Outcome {}

    record Rejected(Rejection rejection) implements Outcome {}
  }
}
