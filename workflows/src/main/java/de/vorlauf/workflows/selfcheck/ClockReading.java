package de.vorlauf.workflows.selfcheck;

import java.time.Instant;

/**
 * One reading of a remote clock, bracketed by the worker clock: the remote clock was read at some
 * moment between {@code localBefore} and {@code localAfter}.
 *
 * @param source e.g. "database", "mqtt message", "temporal server"
 * @param remoteTime what the remote clock said
 */
public record ClockReading(
    String source, Instant remoteTime, Instant localBefore, Instant localAfter) {}
