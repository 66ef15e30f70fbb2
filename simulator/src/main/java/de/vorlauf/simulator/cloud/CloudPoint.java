package de.vorlauf.simulator.cloud;

import java.time.Instant;

/** One feature value as the cloud serves it: vendor unit, minute timestamp. */
public record CloudPoint(Instant timestamp, double value, String unit) {}
