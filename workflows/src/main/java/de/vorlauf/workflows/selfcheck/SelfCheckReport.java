package de.vorlauf.workflows.selfcheck;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of a self-check.
 *
 * @param ok true when every probe is ok
 * @param probes one result per probe: database, mqtt, clock, then ingestion and integrations (in
 *     that order; runs started before those probes existed have the first three only)
 * @param startedAt workflow time when the check started
 * @param finishedAt workflow time when the last probe finished
 */
public record SelfCheckReport(
    boolean ok, List<ProbeResult> probes, Instant startedAt, Instant finishedAt) {

  public SelfCheckReport {
    probes = probes == null ? List.of() : List.copyOf(probes);
  }
}
