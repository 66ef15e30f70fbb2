package de.vorlauf.webadmin.ops;

import java.time.Instant;
import java.util.List;

/**
 * Which quarantined rows to run through the pipeline again: the given {@code ids}, or, when none
 * are given, every row matching the filter (at most {@code limit}, default and maximum 10,000).
 */
public record ReingestRequest(
    List<Long> ids,
    String deviceId,
    String sensorId,
    String reason,
    Instant from,
    Instant to,
    Integer limit) {}
