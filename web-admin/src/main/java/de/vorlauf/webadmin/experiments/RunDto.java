package de.vorlauf.webadmin.experiments;

import de.vorlauf.persistence.experiments.RunSummary;
import java.time.Instant;
import java.util.Map;

/**
 * A run in a list, with the addresses of its page and of its workflow in the workflow explorer.
 *
 * @param path the run's page in the admin UI
 * @param workflowPath the training workflow in the workflow explorer; null when none
 */
public record RunDto(
    long id,
    String experiment,
    String runKey,
    String name,
    String status,
    Instant startedAt,
    Instant endedAt,
    String codeVersion,
    String workflowId,
    String workflowRunId,
    boolean pinned,
    Map<String, String> tags,
    Map<String, Double> metrics,
    String path,
    String workflowPath) {

  static RunDto of(RunSummary r) {
    return new RunDto(
        r.id(),
        r.experiment(),
        r.runKey(),
        r.name(),
        r.status().name(),
        r.startedAt(),
        r.endedAt(),
        r.codeVersion(),
        r.workflowId(),
        r.workflowRunId(),
        r.pinned(),
        r.tags(),
        r.metrics(),
        Links.run(r.experiment(), r.id()),
        r.workflowId() == null ? null : Links.workflow(r.workflowId(), r.workflowRunId()));
  }
}
