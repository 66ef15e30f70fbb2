package de.vorlauf.persistence.experiments;

import java.time.Instant;

/**
 * A run as {@link ExperimentTracker#startRun} returns it.
 *
 * @param resumed true when the run key existed already (a retry found its run again)
 */
public record TrackedRun(
    long id,
    String experiment,
    String runKey,
    RunStatus status,
    Instant startedAt,
    boolean resumed) {}
