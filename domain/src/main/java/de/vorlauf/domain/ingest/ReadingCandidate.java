package de.vorlauf.domain.ingest;

import java.time.Instant;

/**
 * A reading as the device sent it, after its JSON types were checked but before any rule about its
 * meaning (sensor, unit, range, time) was applied.
 *
 * @param quality the device's quality word, null when the device sent none
 */
public record ReadingCandidate(
    String deviceId, String sensorId, Instant time, double value, String unit, String quality) {}
