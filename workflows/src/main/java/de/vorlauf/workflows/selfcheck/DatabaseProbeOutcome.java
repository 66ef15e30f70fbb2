package de.vorlauf.workflows.selfcheck;

/**
 * A successful database round trip.
 *
 * @param latencyMillis write plus read-back, measured by the worker
 * @param detail e.g. "PostgreSQL 15.19: wrote and read back probe row (write #1)"
 * @param databaseClock the database clock read during the round trip
 */
public record DatabaseProbeOutcome(long latencyMillis, String detail, ClockReading databaseClock) {}
