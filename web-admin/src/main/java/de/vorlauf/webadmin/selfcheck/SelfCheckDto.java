package de.vorlauf.webadmin.selfcheck;

import de.vorlauf.webadmin.probe.Probe;
import de.vorlauf.webadmin.workflows.WorkflowRunDto;
import java.time.Instant;
import java.util.List;

/** GET /api/v1/self-checks/{id}: the run and, once it completed, its report. */
public record SelfCheckDto(WorkflowRunDto run, Report report) {

  public record Report(boolean ok, Instant startedAt, Instant finishedAt, List<Probe> probes) {}

  public record Probe(String name, boolean ok, String detail, Long latencyMillis) {}
}
