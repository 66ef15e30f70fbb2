package de.vorlauf.persistence.delivery;

import java.time.Instant;

/**
 * A stored setpoint command with its delivery state ({@code setpoint_commands}, V160).
 *
 * @param nextAttemptAt when the dispatcher looks at it again; null once settled
 * @param reason the device's rejection reason, why it expired, or the last send error in flight
 * @param supersededBy the newer command that replaced it; null otherwise
 * @param appliedValue what the device applied (an {@code applied} ack); null otherwise
 * @param appliedAt the device's time of its ack; null without one
 */
public record TrackedCommand(
    String commandId,
    String buildingId,
    String deviceId,
    int circuit,
    Instant asOf,
    String origin,
    double flowTempSetpoint,
    Double roomSetpoint,
    Instant issuedAt,
    Instant validUntil,
    byte[] payload,
    DeliveryState state,
    int attempts,
    Instant queuedAt,
    Instant firstSentAt,
    Instant lastSentAt,
    Instant nextAttemptAt,
    Instant settledAt,
    String reason,
    String supersededBy,
    Double appliedValue,
    Instant appliedAt) {}
