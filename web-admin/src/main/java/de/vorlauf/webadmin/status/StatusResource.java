package de.vorlauf.webadmin.status;

import de.vorlauf.webadmin.config.AdminConfig;
import de.vorlauf.webadmin.probe.ServiceCheck;
import de.vorlauf.webadmin.probe.StatusService;
import de.vorlauf.webadmin.probe.TemporalProbe;
import de.vorlauf.webadmin.temporal.TemporalUiLinks;
import de.vorlauf.webadmin.workflows.WorkflowRuns;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** GET /api/v1/status: every service probed live, plus the recent workflows. */
@Path("/status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

  static final int RECENT = 10;

  @Inject StatusService status;
  @Inject WorkflowRuns workflowRuns;
  @Inject TemporalUiLinks ui;
  @Inject AdminConfig config;

  @GET
  public StatusDto get() {
    List<ServiceCheck> checks = status.checkAll();
    List<ServiceDto> services =
        checks.stream().map(check -> StatusMapper.toDto(check, config.origins())).toList();
    boolean temporalUp =
        checks.stream().anyMatch(check -> check.name().equals(TemporalProbe.NAME) && check.up());
    WorkflowRuns.Listing recent = workflowRuns.list(RECENT, temporalUp);
    return new StatusDto(
        Instant.now(),
        checks.stream().allMatch(ServiceCheck::up),
        services,
        recent.runs(),
        recent.problem(),
        ui.base().map(URI::toString).orElse(null));
  }
}
