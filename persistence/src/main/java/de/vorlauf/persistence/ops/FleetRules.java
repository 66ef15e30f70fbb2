package de.vorlauf.persistence.ops;

import java.time.Duration;

/**
 * The times the fleet's triage states are judged by.
 *
 * @param offlineAfter the ingestion's offline time: no message for this long means offline, a
 *     newest reading older than this means stale
 * @param quarantineWindow how far back quarantined messages make a building "quarantining"
 */
public record FleetRules(Duration offlineAfter, Duration quarantineWindow) {}
