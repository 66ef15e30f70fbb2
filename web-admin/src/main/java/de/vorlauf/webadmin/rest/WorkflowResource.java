package de.vorlauf.webadmin.rest;

import de.vorlauf.webadmin.selfcheck.WorkflowInspector;
import de.vorlauf.webadmin.temporal.TemporalUiLinks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The event history of any workflow, readable on every Temporal server kind. */
@Path("/workflows")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {

  @Inject WorkflowInspector inspector;
  @Inject TemporalUiLinks ui;

  @GET
  @Path("/{id}/history")
  public HistoryDto history(
      @PathParam("id")
          @Pattern(regexp = SelfCheckResource.ID_PATTERN, message = SelfCheckResource.ID_MESSAGE)
          String id) {
    return new HistoryDto(
        id,
        inspector.history(id).stream().map(HistoryMapper::toDto).toList(),
        ui.workflow(id).orElse(null));
  }
}
