package de.vorlauf.webadmin.selfcheck;

import de.vorlauf.webadmin.probe.Probe;
import de.vorlauf.webadmin.workflows.WorkflowRunDto;
import de.vorlauf.workflows.selfcheck.ProbeResult;
import de.vorlauf.workflows.selfcheck.SelfCheckReport;
import java.time.Instant;
import java.util.List;

/** GET /api/v1/self-checks/{id}: the run and, once it completed, its report. */
public record SelfCheckDto(WorkflowRunDto run, Report report) {

  public record Report(boolean ok, Instant startedAt, Instant finishedAt, List<Probe> probes) {

    static Report of(SelfCheckReport report) {
      return new Report(
          report.ok(),
          report.startedAt(),
          report.finishedAt(),
          report.probes().stream().map(Probe::of).toList());
    }
  }

  public record Probe(String name, boolean ok, String detail, Long latencyMillis) {

    static Probe of(ProbeResult probe) {
      return new Probe(probe.name(), probe.ok(), probe.detail(), probe.latencyMillis());
    }
  }
}
