package de.vorlauf.webadmin.registry;

import java.time.Instant;

/** A building as the API shows it. */
public record BuildingDto(
    String id,
    String name,
    String timeZone,
    String heatingType,
    Double areaM2,
    Integer yearBuilt,
    int heatingCircuits,
    boolean hasDhw,
    double comfortTempMin,
    double comfortTempMax,
    boolean nightSetbackEnabled,
    int nightSetbackStart,
    int nightSetbackEnd,
    double nightSetbackReduction,
    boolean active,
    Instant createdAt,
    Instant updatedAt) {}
