package de.vorlauf.webadmin.registry;

import java.time.Instant;

/**
 * A building as the API shows it.
 *
 * @param nightSetbackReduction room-temperature reduction in K during the setback window
 * @param curveBaseTemp heating curve: flow temperature at 20 °C outdoor
 * @param curveSlope heating curve: kelvin of flow per kelvin of outdoor temperature below 20 °C
 * @param flowTempMin lowest flow temperature the curve asks for
 * @param flowTempMax highest flow temperature the curve asks for
 */
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
    double curveBaseTemp,
    double curveSlope,
    double flowTempMin,
    double flowTempMax,
    boolean active,
    Instant createdAt,
    Instant updatedAt) {}
