package de.vorlauf.webadmin.workflows;

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

  public static final String ID_PATTERN = "[A-Za-z0-9._:-]{1,200}";
  public static final String ID_MESSAGE =
      "a workflow ID consists of 1 to 200 letters, digits, '.', '_', ':' or '-'";

  @Inject WorkflowInspector inspector;
  @Inject TemporalUiLinks ui;

  @GET
  @Path("/{id}/history")
  public HistoryDto history(
      @PathParam("id") @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id) {
    return new HistoryDto(
        id,
        inspector.history(id).stream().map(HistoryMapper::toDto).toList(),
        ui.workflow(id).orElse(null));
  }
}
