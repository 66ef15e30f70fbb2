package de.vorlauf.webadmin.selfcheck;

import de.vorlauf.webadmin.workflows.WorkflowResource;
import de.vorlauf.webadmin.workflows.WorkflowRunDto;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
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

/** Starts the platform self-check and shows how the recent ones went. */
@Path("/self-checks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SelfCheckResource {

  @Inject SelfCheckService selfChecks;

  @POST
  public Response start(@Context SecurityContext security, @Context UriInfo uri) {
    SelfCheckService.Started started = selfChecks.start(security.getUserPrincipal().getName());
    URI status = uri.getAbsolutePathBuilder().path(started.workflowId()).build();
    return Response.accepted(
            new StartedDto(started.workflowId(), started.runId(), status.toString()))
        .location(status)
        .build();
  }

  @GET
  public List<WorkflowRunDto> recent(
      @QueryParam("limit")
          @DefaultValue("20")
          @Min(value = 1, message = "limit must be at least 1")
          @Max(value = 100, message = "limit must be at most 100")
          int limit) {
    return selfChecks.recent(limit);
  }

  @GET
  @Path("/{id}")
  public SelfCheckDto get(
      @PathParam("id")
          @Pattern(regexp = WorkflowResource.ID_PATTERN, message = WorkflowResource.ID_MESSAGE)
          String id) {
    return selfChecks.get(id);
  }
}
