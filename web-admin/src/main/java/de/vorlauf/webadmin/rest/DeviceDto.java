package de.vorlauf.webadmin.rest;

import java.time.Instant;

/** A device as the API shows it. */
public record DeviceDto(
    String id,
    String buildingId,
    String description,
    boolean active,
    Instant createdAt,
    Instant updatedAt) {}
