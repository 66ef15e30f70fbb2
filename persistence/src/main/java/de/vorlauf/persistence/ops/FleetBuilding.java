package de.vorlauf.persistence.ops;

import java.time.Instant;

/**
 * One building of the fleet with the state of its active devices.
 *
 * @param devices active devices
 * @param stale devices whose messages arrive but whose newest reading is older than the offline
 *     time (a backlog being uploaded, or a stuck sensor clock): never counted as online
 * @param lastMessage when the newest message of any device arrived
 * @param lastReading the newest reading's own timestamp, of any device
 * @param quarantinedRecently quarantine rows of its devices within the quarantine window
 * @param readingsStored readings stored for it since its devices were first seen (a counter)
 */
public record FleetBuilding(
    String id,
    String name,
    boolean active,
    int devices,
    int online,
    int offline,
    int stale,
    int neverSeen,
    Instant lastMessage,
    Instant lastReading,
    long quarantinedRecently,
    long readingsStored) {}
