package de.vorlauf.webadmin.ops;

import java.time.Instant;

/**
 * Quarantine rows that share a device, a sensor or a reason.
 *
 * @param key the shared value; null for "none" (no device known, or the whole message refused)
 */
public record QuarantineGroupDto(
    String key, long rows, Instant firstReceived, Instant lastReceived) {}
