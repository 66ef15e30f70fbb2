package de.vorlauf.persistence.ops;

import java.util.Map;

/**
 * The whole fleet in numbers.
 *
 * @param buildingsPerFilter how many buildings each preset view shows
 * @param readingsStored readings stored since the devices were first seen (a counter: the rate is
 *     its change over time)
 */
public record FleetSummary(
    long buildings,
    long devices,
    long online,
    long offline,
    long stale,
    long neverSeen,
    long quarantinedRecently,
    long readingsStored,
    Map<FleetFilter, Long> buildingsPerFilter) {}
