package de.vorlauf.persistence.experiments;

import java.util.Objects;

/**
 * What starts a run.
 *
 * @param experiment the experiment's name, created on first use (letters, digits, {@code ._-})
 * @param runKey the idempotency key of the run: the same key finds the same run again, so a retried
 *     activity continues its run instead of starting a second one. Derive it from what stays the
 *     same across retries, e.g. {@code workflowId + "/train"}
 * @param name a name for people, e.g. "heat-demand 2026-12-03"
 * @param codeVersion the build that trains ({@link BuildInfo#codeVersion()})
 * @param workflowId the Temporal workflow that asked for the run; null when none
 * @param workflowRunId that workflow's run id; null when none
 */
public record RunStart(
    String experiment,
    String runKey,
    String name,
    String codeVersion,
    String workflowId,
    String workflowRunId) {

  public RunStart {
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(runKey, "runKey");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(codeVersion, "codeVersion");
    if (runKey.isBlank()) {
      throw new IllegalArgumentException("runKey must not be blank");
    }
  }
}
