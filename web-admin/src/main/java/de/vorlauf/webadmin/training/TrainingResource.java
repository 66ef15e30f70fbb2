package de.vorlauf.webadmin.training;

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
 * "Train now": starts {@code TrainingWorkflow} with an operator's parameters and shows its
 * progress. A start is audited by {@link AuditFilter} as {@code training.start}. Errors: invalid
 * parameters or unknown buildings 400 (problem+json naming each), Temporal down 503.
 */
@Path("/training")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrainingResource {

  @Inject TrainingService training;
  @Inject AuditDetail audit;

  @POST
  @Path("/runs")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(
      TrainingRunInput input, @Context SecurityContext security, @Context UriInfo uri) {
    TrainingService.Started started = training.start(input, security.getUserPrincipal().getName());
    audit
        .put("from", started.job().from())
        .put("to", started.job().to())
        .put("epochs", started.job().epochs())
        .put("layers", started.job().hiddenLayers())
        .put(
            "buildings",
            started.job().buildingIds().isEmpty()
                ? "all active"
                : started.job().buildingIds().size());
    URI status =
        uri.getBaseUriBuilder().path("training").path("runs").path(started.workflowId()).build();
    return Response.accepted(training.run(started.workflowId())).location(status).build();
  }

  @GET
  @Path("/runs")
  public List<TrainingRunDto> runs(
      @QueryParam("limit")
          @DefaultValue("10")
          @Min(value = 1, message = "limit must be at least 1")
          @Max(value = 50, message = "limit must be at most 50")
          int limit) {
    return training.runs(limit);
  }

  @GET
  @Path("/runs/{workflowId}")
  public TrainingRunDto run(
      @PathParam("workflowId")
          @Pattern(regexp = WorkflowResource.ID_PATTERN, message = WorkflowResource.ID_MESSAGE)
          String workflowId) {
    return training.run(workflowId);
  }
}
