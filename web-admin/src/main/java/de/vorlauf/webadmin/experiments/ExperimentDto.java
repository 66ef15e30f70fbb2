package de.vorlauf.webadmin.experiments;

import de.vorlauf.persistence.experiments.ExperimentSummary;
import java.time.Instant;

/** An experiment in the list, with the counts of its runs. */
public record ExperimentDto(
    String name,
    String description,
    int artifactRetentionDays,
    Instant createdAt,
    long runs,
    long running,
    Instant lastStartedAt) {

  static ExperimentDto of(ExperimentSummary e) {
    return new ExperimentDto(
        e.name(),
        e.description(),
        e.artifactRetentionDays(),
        e.createdAt(),
        e.runs(),
        e.running(),
        e.lastStartedAt());
  }
}
