package de.vorlauf.webadmin.etl;

import de.vorlauf.webadmin.audit.AuditDetail;
import de.vorlauf.webadmin.audit.AuditFilter;
import de.vorlauf.webadmin.workflows.WorkflowResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/**
 * The nightly ETL's runs with their progress, and backfills started by ops. A start is audited by
 * {@link AuditFilter} as {@code etl.startBackfill}. Errors: a refused range or unknown building 400
 * with the reason, Temporal down 503.
 */
@Path("/etl")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EtlResource {

  @Inject EtlService etl;
  @Inject AuditDetail audit;

  @POST
  @Path("/backfills")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response startBackfill(
      BackfillInput input, @Context SecurityContext security, @Context UriInfo uri) {
    BackfillStartedDto started = etl.start(input, security.getUserPrincipal().getName());
    audit
        .put("from", started.from())
        .put("to", started.to())
        .put("buildings", started.buildings() == 0 ? "all active" : started.buildings());
    URI status =
        uri.getBaseUriBuilder().path("etl").path("runs").path(started.workflowId()).build();
    return Response.accepted(
            new BackfillStartedDto(
                started.workflowId(),
                started.runId(),
                started.from(),
                started.to(),
                started.buildings(),
                started.buildingDays(),
                status.toString(),
                started.temporalUiUrl()))
        .location(status)
        .build();
  }

  @GET
  @Path("/runs")
  public List<EtlRunDto> runs(
      @QueryParam("limit")
          @DefaultValue("20")
          @Min(value = 1, message = "limit must be at least 1")
          @Max(value = 100, message = "limit must be at most 100")
          int limit) {
    return etl.runs(limit);
  }

  @GET
  @Path("/runs/{workflowId}")
  public EtlRunDto run(
      @PathParam("workflowId")
          @Pattern(regexp = WorkflowResource.ID_PATTERN, message = WorkflowResource.ID_MESSAGE)
          String workflowId) {
    return etl.run(workflowId);
  }
}
