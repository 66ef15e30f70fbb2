package de.vorlauf.webadmin.status;

import de.vorlauf.persistence.workflow.WorkflowLaunch;
import de.vorlauf.webadmin.config.ServiceOrigins;
import de.vorlauf.webadmin.probe.ServiceCheck;
import de.vorlauf.webadmin.selfcheck.SelfCheckDto;
import de.vorlauf.webadmin.workflows.WorkflowRunDto;
import de.vorlauf.webadmin.workflows.WorkflowState;
import de.vorlauf.workflows.selfcheck.ProbeResult;
import de.vorlauf.workflows.selfcheck.SelfCheckReport;

/** Entities, probe results and workflow states to DTOs; nothing else leaves the web tier. */
public final class StatusMapper {

  /** Shown when the launcher named no origin: the service was configured by the operator. */
  public static final String CONFIGURED = "configured (not started by Vorlauf)";

  private StatusMapper() {}

  public static ServiceDto toDto(ServiceCheck check, ServiceOrigins origins) {
    return new ServiceDto(
        check.name(),
        check.up(),
        origins.labelOf(check.name()).orElse(CONFIGURED),
        check.detail(),
        check.latencyMillis(),
        check.facts(),
        check.limits());
  }

  public static WorkflowRunDto toDto(WorkflowLaunch launch, WorkflowState state, String uiUrl) {
    return new WorkflowRunDto(
        launch.getWorkflowId(),
        launch.getWorkflowType(),
        state.runId() != null ? state.runId() : launch.getRunId(),
        launch.getStartedBy(),
        launch.getStartedAt(),
        state.status(),
        state.closedAt(),
        state.problem(),
        uiUrl);
  }

  public static SelfCheckDto.Report toDto(SelfCheckReport report) {
    return new SelfCheckDto.Report(
        report.ok(),
        report.startedAt(),
        report.finishedAt(),
        report.probes().stream().map(StatusMapper::toDto).toList());
  }

  private static SelfCheckDto.Probe toDto(ProbeResult probe) {
    return new SelfCheckDto.Probe(probe.name(), probe.ok(), probe.detail(), probe.latencyMillis());
  }
}
