package de.vorlauf.domain.ingest;

import de.vorlauf.domain.sensor.TimestampSource;
import java.time.Instant;

/**
 * A reading as the device sent it, after its JSON types were checked but before any rule about its
 * meaning (sensor, unit, range, time) was applied.
 *
 * @param unit the device's unit, null when it sent none (the catalogue's canonical unit applies)
 * @param quality the device's quality word, null when the device sent none
 * @param timestampSource {@link TimestampSource#RECEIPT} when {@code time} is the receive time
 */
public record ReadingCandidate(
    String deviceId,
    String sensorId,
    Instant time,
    double value,
    String unit,
    String quality,
    TimestampSource timestampSource) {

  /** A candidate whose time the device stated. */
  public ReadingCandidate(
      String deviceId, String sensorId, Instant time, double value, String unit, String quality) {
    this(deviceId, sensorId, time, value, unit, quality, TimestampSource.DEVICE);
  }
}
