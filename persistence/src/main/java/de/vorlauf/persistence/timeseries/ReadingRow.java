package de.vorlauf.persistence.timeseries;

import de.vorlauf.domain.ingest.Reading;
import de.vorlauf.domain.sensor.Quality;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One row of {@code sensor_readings}: a validated reading with the building its device belongs to
 * and the time it arrived. {@code (deviceId, sensorId, time)} identifies it: storing the same
 * triple again is a duplicate (e.g. a redelivered MQTT message) and is not stored twice.
 */
public record ReadingRow(
    Instant time,
    String buildingId,
    String deviceId,
    String sensorId,
    double value,
    String unit,
    Quality quality,
    Instant receivedAt) {

  public ReadingRow {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(buildingId, "buildingId");
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(sensorId, "sensorId");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(receivedAt, "receivedAt");
    // PostgreSQL keeps microseconds: the key compared in Java must be the key stored
    time = time.truncatedTo(ChronoUnit.MICROS);
    receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite: " + value);
    }
  }

  public static ReadingRow of(Reading reading, String buildingId, Instant receivedAt) {
    return new ReadingRow(
        reading.time(),
        buildingId,
        reading.deviceId(),
        reading.sensorId(),
        reading.value(),
        reading.unit(),
        reading.quality(),
        receivedAt);
  }

  /** The deduplication key. */
  Key key() {
    return new Key(deviceId, sensorId, time);
  }

  record Key(String deviceId, String sensorId, Instant time) {}
}
