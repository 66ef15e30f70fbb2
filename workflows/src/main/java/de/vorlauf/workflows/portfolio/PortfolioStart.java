package de.vorlauf.workflows.portfolio;

import java.time.Duration;
import java.time.Instant;

/** A run's identity and what its plan needs; see {@link PortfolioActivities#begin}. */
public record PortfolioStart(
    String workflowId,
    String runId,
    Instant asOf,
    String origin,
    int batchSize,
    Duration staleAfter) {}
