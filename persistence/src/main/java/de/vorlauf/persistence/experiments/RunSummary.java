package de.vorlauf.persistence.experiments;

import java.time.Instant;
import java.util.Map;

/** A run as a list shows it: its state, tags and single-valued metrics. */
public record RunSummary(
    long id,
    String experiment,
    String runKey,
    String name,
    RunStatus status,
    Instant startedAt,
    Instant endedAt,
    String codeVersion,
    String workflowId,
    String workflowRunId,
    boolean pinned,
    Map<String, String> tags,
    Map<String, Double> metrics) {

  public RunSummary {
    tags = Map.copyOf(tags);
    metrics = Map.copyOf(metrics);
  }
}
