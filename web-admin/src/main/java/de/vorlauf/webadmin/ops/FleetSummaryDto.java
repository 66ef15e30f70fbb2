package de.vorlauf.webadmin.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The fleet at a glance, with the rules behind its numbers.
 *
 * @param storageMode "TimescaleDB" or "PostgreSQL (native partitions)"; null when the database
 *     cannot be asked ({@code storageModeProblem} says why)
 * @param offlineAfterMinutes no message for this long: offline; newest reading older: stale
 * @param quarantineWindowHours quarantined messages this recent make a building "quarantining"
 * @param readingsPerMinute readings stored per minute over the last minutes, backlog included; null
 *     while the server has not watched long enough
 * @param buildingsPerView how many buildings each view of the fleet table shows
 * @param rateHistory readings stored per minute between the server's recent samples
 */
public record FleetSummaryDto(
    Instant checkedAt,
    String storageMode,
    String storageModeProblem,
    long offlineAfterMinutes,
    int onlineAfterMessages,
    long quarantineWindowHours,
    long buildings,
    long devices,
    long online,
    long offline,
    long stale,
    long neverSeen,
    long quarantinedRecently,
    long readingsStored,
    Double readingsPerMinute,
    Map<String, Long> buildingsPerView,
    List<ReadingRates.Point> rateHistory) {}
