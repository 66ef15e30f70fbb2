package de.vorlauf.webadmin.registry;

import java.time.Instant;

/**
 * A device as the API shows it.
 *
 * @param gatewayId the gateway that may publish for it; null when none
 */
public record DeviceDto(
    String id,
    String buildingId,
    String gatewayId,
    String description,
    boolean active,
    Instant createdAt,
    Instant updatedAt) {}
