package de.vorlauf.domain.ingest;

import de.vorlauf.domain.sensor.Quality;
import de.vorlauf.domain.sensor.TimestampSource;
import java.time.Instant;

/**
 * A validated reading in its sensor's canonical unit, ready to be stored. Its time is the time the
 * device measured it; only when the device sent no timestamp is it the receive time, and {@code
 * timestampSource} then says so.
 */
public record Reading(
    Instant time,
    String deviceId,
    String sensorId,
    double value,
    String unit,
    Quality quality,
    TimestampSource timestampSource) {

  /** A reading whose time the device stated. */
  public Reading(
      Instant time, String deviceId, String sensorId, double value, String unit, Quality quality) {
    this(time, deviceId, sensorId, value, unit, quality, TimestampSource.DEVICE);
  }
}
