package de.vorlauf.domain.ingest;

import de.vorlauf.domain.sensor.Quality;
import java.time.Instant;

/**
 * A validated reading in its sensor's canonical unit, ready to be stored. Its time is the time the
 * device measured it, never the time it arrived.
 */
public record Reading(
    Instant time, String deviceId, String sensorId, double value, String unit, Quality quality) {}
