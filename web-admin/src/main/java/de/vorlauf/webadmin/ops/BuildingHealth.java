package de.vorlauf.webadmin.ops;

import java.time.Instant;
import java.util.Map;

/** One building's devices summed up: the row of the fleet table. */
public record BuildingHealth(
    String buildingId,
    String name,
    boolean active,
    int devices,
    int online,
    int offline,
    int stale,
    int neverSeen,
    Instant lastSeen,
    double readingsPerMinute,
    Map<String, Long> quarantineByReason) {}
