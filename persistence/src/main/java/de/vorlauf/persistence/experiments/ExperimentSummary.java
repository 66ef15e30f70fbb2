package de.vorlauf.persistence.experiments;

import java.time.Instant;

/** An experiment with the counts of its runs. */
public record ExperimentSummary(
    String name,
    String description,
    int artifactRetentionDays,
    Instant createdAt,
    long runs,
    long running,
    Instant lastStartedAt) {}
