package de.vorlauf.persistence.timeseries;

import de.vorlauf.domain.ingest.Reading;
import de.vorlauf.domain.sensor.Quality;
import de.vorlauf.domain.sensor.TimestampSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A validated reading with the building its device belongs to, as the ingest path hands it to the
 * {@link ReadingWriter}. The writer maps {@code (building, device, sensor, unit)} to a series and
 * stores {@code (series_id, time, value, quality code)}; storing the same series and time again is
 * a duplicate (e.g. a redelivered MQTT message) and is not stored twice.
 */
public record ReadingRow(
    Instant time,
    String buildingId,
    String deviceId,
    String sensorId,
    double value,
    String unit,
    Quality quality,
    TimestampSource timestampSource) {

  public ReadingRow {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(buildingId, "buildingId");
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(sensorId, "sensorId");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(timestampSource, "timestampSource");
    // PostgreSQL keeps microseconds: the key compared in Java must be the key stored
    time = time.truncatedTo(ChronoUnit.MICROS);
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite: " + value);
    }
  }

  /** A reading whose time the device stated. */
  public ReadingRow(
      Instant time,
      String buildingId,
      String deviceId,
      String sensorId,
      double value,
      String unit,
      Quality quality) {
    this(time, buildingId, deviceId, sensorId, value, unit, quality, TimestampSource.DEVICE);
  }

  /**
   * The row of a reading of a registered device. The device's cached id and building (the same
   * instances for every message) are used, not the message's copy: the writer's series cache, run
   * for every reading, then finds their hashes computed and compares them by reference.
   */
  public static ReadingRow of(Reading reading, de.vorlauf.persistence.ingest.DeviceInfo device) {
    return new ReadingRow(
        reading.time(),
        device.buildingId(),
        device.deviceId(),
        reading.sensorId(),
        reading.value(),
        reading.unit(),
        reading.quality(),
        reading.timestampSource());
  }

  public static ReadingRow of(Reading reading, String buildingId) {
    return new ReadingRow(
        reading.time(),
        buildingId,
        reading.deviceId(),
        reading.sensorId(),
        reading.value(),
        reading.unit(),
        reading.quality(),
        reading.timestampSource());
  }

  /** The series this reading belongs to. */
  public SeriesKey seriesKey() {
    return new SeriesKey(buildingId, deviceId, sensorId, unit);
  }

  short qualityCode() {
    return QualityCode.encode(quality, timestampSource);
  }
}
