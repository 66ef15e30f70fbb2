package de.vorlauf.webadmin.ops;

import java.time.Instant;
import java.util.List;

/**
 * The fleet at a glance.
 *
 * @param storageMode "TimescaleDB" or "PostgreSQL (native partitions)"; null when the database
 *     cannot be asked
 * @param offlineAfterMinutes a device without a message for this long is offline
 * @param quarantineByReason rows in the quarantine and dropped beyond its cap, per reason
 */
public record OpsOverviewDto(
    Instant checkedAt,
    String storageMode,
    String storageModeProblem,
    long offlineAfterMinutes,
    int onlineAfterMessages,
    int devices,
    int online,
    int offline,
    int stale,
    int neverSeen,
    double readingsPerMinute,
    List<ReasonCountDto> quarantineByReason,
    List<BuildingHealth> buildings) {}
