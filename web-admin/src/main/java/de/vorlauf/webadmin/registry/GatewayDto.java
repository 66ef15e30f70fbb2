package de.vorlauf.webadmin.registry;

import java.time.Instant;

/**
 * A gateway as the API shows it; {@code mqttUsername} is what it logs in to the broker with (its
 * id). The devices it may publish for are {@code GET /api/v1/devices?gatewayId=<id>}.
 */
public record GatewayDto(
    String id,
    String mqttUsername,
    String description,
    boolean active,
    Instant createdAt,
    Instant updatedAt) {}
